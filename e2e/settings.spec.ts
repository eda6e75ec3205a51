// An administrator makes the portal the CCAS's own: its name, a district added, renamed and
// retired with its associations moved, a logo. Every settings page passes axe; a refused form
// keeps what was typed. What the journey changes that other journeys read (the name), it puts back.
// Both journeys that change the CCAS's name live in this file, so that they never run at the same
// time (a file's tests run one after the other, in one worker).
import { createAssociation } from "../prisma/factories/association";
import { BESANCON_SETTINGS } from "../prisma/seed/territory";
import { PNG_BYTES } from "../app/settings/test-support";
import { expect, expectAccessible, getDb, loginAs, test } from "./support/fixtures";

const db = () => getDb();
const storedName = async () => (await db().portalSettings.findUniqueOrThrow({ where: { id: "ccas" } })).name;

test("an administrator changes the CCAS's name, manages a district and uploads a logo", async ({ page }) => {
  test.setTimeout(120_000);
  await loginAs(page, "admin");
  const tag = Date.now().toString(36);

  await page.goto("/admin");
  await page.getByRole("link", { name: "Modifier les paramètres" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Paramètres du portail" })).toBeVisible();
  await expectAccessible(page);

  await test.step("the identity: a wrong SIRET is refused and what was typed stays; the new name shows", async () => {
    // Put back to the demo's name, whatever another journey beside this one is doing with it
    // (the journey below changes it too); the new one keeps it, for the documents others read.
    const before = BESANCON_SETTINGS.name;
    const renamed = `${before} (essai ${tag})`;
    await page.getByRole("link", { name: "Modifier l'identité et le logo" }).click();
    await expectAccessible(page);
    const name = page.getByLabel("Nom court");
    // Kept as it is: other journeys need the SIRET that the access matrix or the open-data journey stores.
    const siretBefore = await page.getByLabel("SIRET du CCAS").inputValue();
    await name.fill(renamed);
    await page.getByLabel("SIRET du CCAS").fill("732 829 320 00075");
    await page.getByRole("button", { name: "Enregistrer l'identité" }).click();
    await expect(page.getByRole("alert")).toContainText("clé de contrôle");
    await expect(page.getByLabel("SIRET du CCAS")).toHaveAttribute("aria-invalid", "true");
    await expect(name).toHaveValue(renamed);
    await expect(page.getByLabel("SIRET du CCAS")).toHaveValue("732 829 320 00075");
    await expectAccessible(page);
    // The server says the same, with what was typed, to a post that skipped the browser's check.
    const form = await page.locator("form", { has: page.getByRole("button", { name: "Enregistrer l'identité" }) }).evaluate((el) => {
      const data = new FormData(el as HTMLFormElement);
      data.set("intent", "identity");
      return Object.fromEntries([...data].map(([k, v]) => [k, String(v)]));
    });
    const refused = await page.request.post("/admin/parametres/identite", {
      form: form,
      headers: { Origin: new URL(page.url()).origin },
      maxRedirects: 0,
    });
    expect(refused.status()).toBe(400);
    expect(await refused.text()).toContain("clé de contrôle");

    try {
      await page.getByLabel("SIRET du CCAS").fill(siretBefore);
      await page.getByRole("button", { name: "Enregistrer l'identité" }).click();
      await expect(page.getByRole("status")).toContainText("Identité du CCAS enregistrée");
      await page.getByRole("link", { name: "Vue d'ensemble" }).click();
      await expect(page.locator("#contenu").getByText(renamed)).toBeVisible();
      // The page reads the settings; so do the titles and the footer of every page.
      await expect(page).toHaveTitle(`Paramètres du portail – ${renamed}`);
      await expect(page.getByRole("contentinfo")).toContainText(renamed);
    } finally {
      // Put back at once: other journeys read the name.
      await page.goto("/admin/parametres/identite");
      await page.getByLabel("Nom court").fill(before);
      await page.getByRole("button", { name: "Enregistrer l'identité" }).click();
      await expect(page.getByRole("status")).toContainText("Identité du CCAS enregistrée");
    }
    expect(await storedName()).toBe(before);
  });

  await test.step("the territory: a line that is not a commune is refused, the list stays as typed", async () => {
    await page.getByRole("navigation", { name: "Paramètres du portail" }).getByRole("link", { name: "Territoire" }).click();
    await expectAccessible(page);
    const communes = page.getByLabel("Communes servies");
    const typed = `${await communes.inputValue()}\n250 Nulle-part`;
    await communes.fill(typed);
    await page.getByRole("button", { name: "Enregistrer le territoire" }).click();
    await expect(page.getByRole("alert")).toContainText("250 Nulle-part");
    await expect(communes).toHaveValue(typed);
  });

  const label = `Quartier d'essai ${tag}`;
  const slug = `quartier-d-essai-${tag}`;
  const association = await createAssociation(db(), { status: "validated", name: `Association du quartier d'essai ${tag}` });

  await test.step("a district added, with an association in it", async () => {
    await page.getByRole("navigation", { name: "Paramètres du portail" }).getByRole("link", { name: "Quartiers" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Quartiers" })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel("Libellé").fill(label);
    await page.getByRole("button", { name: "Ajouter" }).click();
    await expect(page.getByRole("status")).toContainText(`« ${label} » ajouté`);
    await expect(page.getByRole("row", { name: new RegExp(label) })).toContainText(slug);
    await db().association.update({ where: { id: association.id }, data: { district: slug } });
  });

  await test.step("renamed: the slug stays", async () => {
    await page.getByRole("link", { name: label, exact: true }).click();
    await expectAccessible(page);
    await page.getByLabel("Libellé").fill(`${label} renommé`);
    await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
    await expect(page.getByRole("status")).toContainText(`« ${label} renommé » enregistré`);
    await expect(page.getByRole("row", { name: new RegExp(`${label} renommé`) })).toContainText(slug);
    const term = await db().taxonomyTerm.findUniqueOrThrow({ where: { kind_slug: { kind: "district", slug } } });
    expect(term.label).toBe(`${label} renommé`);
  });

  await test.step("retired, its association moved to Planoise in the same step", async () => {
    await page.getByRole("link", { name: `Retirer « ${label} renommé »` }).click();
    await expect(page.getByText("1 association utilise encore ce quartier.")).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel("Rattacher ces associations au quartier").selectOption({ label: "Planoise" });
    await page.getByRole("button", { name: `Retirer « ${label} renommé »` }).click();
    await expect(page.getByRole("status")).toContainText("retiré. 1 association réaffectée.");
    await expect(page.getByRole("row", { name: new RegExp(`${label} renommé`) })).toContainText("Retiré");
    expect((await db().association.findUniqueOrThrow({ where: { id: association.id } })).district).toBe("planoise");
    expect(await db().searchSyncJob.count({ where: { associationId: association.id } })).toBeGreaterThan(0);
  });

  await test.step("the other lists and a field's mappings pass axe", async () => {
    await page.goto("/admin/parametres/champs-d-intervention");
    await expect(page.getByRole("heading", { level: 1, name: "Champs d'intervention" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Aide alimentaire", exact: true }).click();
    await expect(page.getByLabel("Codes « objet social » du RNA")).toHaveValue(/020010/);
    await expectAccessible(page);
    await page.goto("/admin/parametres/publics");
    await expectAccessible(page);
  });

  await test.step("a logo: HTML named .png refused, a PNG accepted and served at /logo", async () => {
    await page.goto("/admin/parametres/identite");
    const file = page.getByLabel(/^(Ajouter un|Remplacer le) logo/);
    await file.setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: Buffer.from("<html><script>alert(1)</script></html>") });
    await page.getByRole("button", { name: "Enregistrer le logo" }).click();
    await expect(page.getByText("n'est pas une image PNG, JPEG ou WebP")).toBeVisible();
    await expectAccessible(page);
    await page
      .getByLabel(/^(Ajouter un|Remplacer le) logo/)
      .setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: Buffer.from(PNG_BYTES) });
    await page.getByRole("button", { name: "Enregistrer le logo" }).click();
    await expect(page.getByRole("status")).toContainText("Logo enregistré");
    await expect(page.getByRole("img", { name: "Logo actuel du CCAS" })).toBeVisible();
    // The header shows it on every page.
    await expect(page.locator("header img.brand-logo")).toBeVisible();
    const logo = await page.request.get("/logo");
    expect(logo.status()).toBe(200);
    expect(logo.headers()["content-type"]).toBe("image/png");
    // Set by the server's security headers and by the file answer itself: the value a browser reads is nosniff.
    expect(logo.headers()["x-content-type-options"]).toMatch(/^nosniff(, nosniff)?$/);
    expect(logo.headers()["etag"]).toBeTruthy();
    expect(Buffer.from(await logo.body()).equals(Buffer.from(PNG_BYTES))).toBe(true);
  });
});

// The header, the footer and the page titles show what PortalSettings holds, and a change made in
// the database reaches them within the reference cache's few seconds.
test("the header, the footer and the titles name the CCAS of the settings, and follow a change", async ({ page }) => {
  const db = getDb();
  const before = await db.portalSettings.findUniqueOrThrow({ where: { id: "ccas" }, select: { name: true, longName: true } });
  // A signed-in visitor: pages are never served from the anonymous page cache.
  await loginAs(page, "staff");

  await page.goto("/annuaire");
  const header = page.getByRole("banner");
  const footer = page.getByRole("contentinfo");
  await expect(header).toContainText(before.longName);
  await expect(footer).toContainText(before.name);
  await expect(page).toHaveTitle(`Annuaire des associations – ${before.name}`);
  await expectAccessible(page);

  const tag = Date.now().toString(36);
  const changed = { name: `${before.name} ${tag}`, longName: `${before.longName} (essai ${tag})` };
  await db.portalSettings.update({ where: { id: "ccas" }, data: changed });
  try {
    // The portal keeps its settings for 5 s: reload until the change shows.
    await expect(async () => {
      await page.reload();
      await expect(header).toContainText(changed.longName, { timeout: 500 });
    }).toPass({ timeout: 20_000 });
    await expect(footer).toContainText(changed.name);
    await expect(page).toHaveTitle(`Annuaire des associations – ${changed.name}`);

    await page.getByRole("link", { name: "Événements", exact: true }).click();
    await expect(page).toHaveTitle(`Événements – ${changed.name}`);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", new RegExp(`formations du ${changed.name}\\.$`));
    await expect(header).toContainText(changed.longName);
  } finally {
    await db.portalSettings.update({ where: { id: "ccas" }, data: before });
  }
});
