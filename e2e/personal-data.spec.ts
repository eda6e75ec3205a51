// A representative downloads all of the association's data; a person deletes their account.
import { readFileSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import { expect, expectAccessible, getDb, loginAs, test } from "./support/fixtures";

test("the representative downloads the association's data as a ZIP; a simple member cannot", async ({ page, browser }) => {
  const rep = await loginAs(page, "member", { representative: true, association: { name: "Les Données Ouvertes Solidaires" } });
  await page.goto("/espace");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Télécharger toutes les données de l'association (ZIP)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^donnees-les-donnees-ouvertes-solidaires-.*\.zip$/);
  const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
  expect(JSON.parse(strFromU8(files["association.json"])).name).toBe("Les Données Ouvertes Solidaires");
  expect(JSON.parse(strFromU8(files["membres.json"])).map((m: { user: { email: string } }) => m.user.email)).toContain(rep.email);

  const memberPage = await (await browser.newContext()).newPage();
  await loginAs(memberPage, "member", { association: { id: rep.associationId! } });
  await memberPage.goto("/espace");
  await expect(memberPage.getByRole("link", { name: /Télécharger toutes les données/ })).toHaveCount(0);
  const response = await memberPage.request.get(`/espace/associations/${rep.associationId}/donnees.zip`);
  expect(response.status()).toBe(403);
});

test("a person deletes their own account after confirming", async ({ page }) => {
  const user = await loginAs(page, "member", { representative: true });
  await page.goto("/espace/compte");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Supprimer définitivement mon compte" }).click();
  await expect(page.getByText("Tapez SUPPRIMER pour confirmer")).toBeVisible();
  await page.getByLabel("Pour confirmer, tapez SUPPRIMER").fill("supprimer");
  await page.getByRole("button", { name: "Supprimer définitivement mon compte" }).click();
  await expect(page.getByRole("status")).toContainText("Votre compte est supprimé");
  expect(await getDb().user.count({ where: { id: user.id } })).toBe(0);
  await page.goto("/espace");
  await expect(page).toHaveURL(/\/connexion/);
});
