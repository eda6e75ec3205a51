// A member edits the association's profile and finds the change by searching; nobody edits another's.
import { expect, expectAccessible, getDb, loginAs, test } from "./support/fixtures";

test("a member edits the profile and the directory finds the change at once", async ({ page }) => {
  const member = await loginAs(page, "member", { association: { name: "Les Amis du Quartier Rosemont" } });
  await page.goto("/espace");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Modifier la fiche de l'association" }).click();
  await expectAccessible(page);
  const word = `xylophones${Date.now().toString(36).replace(/\d/g, "")}`;
  await page.getByLabel("Objet social").fill(`Prêt de ${word} et ateliers de musique pour les enfants.`);
  await page.getByLabel("Téléphone").fill("06 12");
  await page.getByRole("button", { name: "Enregistrer la fiche" }).click();
  await expect(page.getByRole("alert")).toContainText("numéro de téléphone français");
  await expect(page.getByLabel("Objet social")).toHaveValue(new RegExp(word));
  await page.getByLabel("Téléphone").fill("06 12 34 56 78");
  await page.getByRole("checkbox", { name: "Culture et loisirs solidaires" }).check();
  await page.getByRole("button", { name: "Enregistrer la fiche" }).click();
  await expect(page.getByRole("status")).toContainText("visibles dans l'annuaire");

  await page.goto(`/annuaire?q=${word}&champ=culture-loisirs-solidaires`);
  await expect(page.getByRole("link", { name: "Les Amis du Quartier Rosemont" })).toBeVisible();
  const saved = await getDb().association.findUniqueOrThrow({ where: { id: member.associationId! } });
  expect(saved.phone).toBe("0612345678");
});

test("a member cannot open or post to another association's pages", async ({ page }) => {
  const db = getDb();
  const other = await db.association.findFirstOrThrow({ where: { slug: "toit-commun" } });
  await loginAs(page, "member", { representative: true });
  const response = await page.goto(`/espace/associations/${other.id}/profil`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
  await expectAccessible(page);

  const before = await db.association.findUniqueOrThrow({ where: { id: other.id } });
  const post = await page.request.post(`/espace/associations/${other.id}/profil`, {
    headers: { Origin: new URL(page.url()).origin },
    form: { name: "Piraté", socialObject: "x", address: "x", postcode: "25000", city: "x", district: "planoise", fields: "sante", publics: "femmes" },
  });
  expect(post.status()).toBe(404);
  const members = await page.request.post(`/espace/associations/${other.id}/membres`, {
    headers: { Origin: new URL(page.url()).origin },
    form: { intent: "invite", email: "intrus@exemple.test" },
  });
  expect(members.status()).toBe(404);
  const after = await db.association.findUniqueOrThrow({ where: { id: other.id } });
  expect(after.name).toBe(before.name);
  expect(after.updatedAt.getTime()).toBe(before.updatedAt.getTime());

  const staffPage = await page.request.get("/admin/associations");
  expect(staffPage.status()).toBe(403);
});

test("a cross-site form post is refused", async ({ page }) => {
  const member = await loginAs(page, "member");
  await page.goto("/espace");
  const response = await page.request.post(`/espace/associations/${member.associationId}/profil`, {
    headers: { Origin: "https://evil.example" },
    form: { name: "Piraté" },
  });
  expect(response.status()).toBe(403);
});
