// An administrator edits the directory's search synonyms (issue 19, docs/decisions/034): a refused
// group keeps what was typed, a new group reaches the public search within seconds, then is edited
// and deleted after a confirmation. Each step passes axe; the page works from the keyboard.
import { expect, expectAccessible, test } from "./support/fixtures";

test("an administrator adds, edits and deletes a synonym group, and the directory finds through it", async ({ page }) => {
  test.setTimeout(120_000);
  // A made-up word no association uses: only the synonym can bring « Toit Commun » for it.
  const word = `quokka${Date.now().toString(36)}`;

  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill("admin@ccas-besancon.test");
  await page.getByLabel("Mot de passe").fill("demo-administration-2026");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).not.toHaveURL(/\/connexion/);

  await page.goto("/admin/parametres");
  await page.getByRole("link", { name: "Gérer les synonymes de la recherche" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Synonymes de la recherche" })).toBeVisible();
  await expect(
    page.getByRole("cell", {
      name: "dettes, surendettement, endettement, budget, impayés, gérer son budget, gestion du budget",
      exact: true,
    }),
  ).toBeVisible();
  await expectAccessible(page);

  const terms = page.getByLabel("Termes équivalents");
  await test.step("a single term is refused, what was typed stays", async () => {
    await terms.fill(word);
    await page.getByRole("button", { name: "Ajouter le groupe" }).click();
    await expect(page.getByRole("alert")).toContainText("au moins deux termes");
    await expect(terms).toHaveAttribute("aria-invalid", "true");
    await expect(terms).toHaveValue(word);
    await expectAccessible(page);
  });

  await test.step("a term of another group is refused by the server, naming that group", async () => {
    await terms.fill(`${word}, colis`);
    await page.getByRole("button", { name: "Ajouter le groupe" }).click();
    await expect(page.getByRole("alert")).toContainText("« colis » figure déjà dans le groupe « aide alimentaire");
    await expect(terms).toHaveValue(`${word}, colis`);
  });

  await test.step("the fixed group is listed and the directory finds through it", async () => {
    await terms.fill(`${word.toUpperCase()}, Toit`);
    // From the keyboard: Enter in the field submits the form.
    await terms.press("Enter");
    await expect(page.getByRole("status")).toContainText(`Groupe « ${word}, toit » ajouté.`);
    await expect(page.getByRole("cell", { name: `${word}, toit`, exact: true })).toBeVisible();
    await expectAccessible(page);
    // Meilisearch re-indexes in the background: a few seconds at most.
    await expect
      .poll(
        async () => {
          await page.goto(`/annuaire?q=${word}`);
          return page.getByRole("link", { name: "Toit Commun", exact: true }).count();
        },
        { timeout: 15_000, intervals: [500, 1000] },
      )
      .toBeGreaterThan(0);
  });

  await test.step("the group is edited, then deleted after a confirmation", async () => {
    await page.goto("/admin/parametres/synonymes");
    await page.getByRole("link", { name: `Modifier le groupe « ${word}, toit »` }).click();
    const edited = page.getByLabel("Termes du groupe");
    await expect(edited).toHaveValue(`${word}, toit`);
    await edited.fill(`${word}, toit, toiture solidaire`);
    await page.getByRole("button", { name: "Enregistrer le groupe" }).click();
    await expect(page.getByRole("status")).toContainText("enregistré");
    await expect(page.getByRole("cell", { name: `${word}, toit, toiture solidaire`, exact: true })).toBeVisible();

    // The links are reachable from the keyboard.
    const remove = page.getByRole("link", { name: `Supprimer le groupe « ${word}, toit, toiture solidaire »` });
    await remove.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { name: `Supprimer le groupe « ${word}, toit, toiture solidaire » ?` })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Supprimer ce groupe" }).click();
    await expect(page.getByRole("status")).toContainText("supprimé");
    await expect(page.getByRole("cell", { name: new RegExp(word) })).toHaveCount(0);
  });
});
