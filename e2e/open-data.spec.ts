// Opening hours and open data: a member fills in the week with the form, the directory page
// shows the week and "ouvert / fermé maintenant" (computed in the browser: its clock is frozen
// here), and /donnees lists every file the portal publishes, which download.
import { expect, expectAccessible, getDb, loginAs, test } from "./support/fixtures";

const MATRIX_SIRET = "21250056500008";

test("a member fills in the opening hours; the directory says whether it is open now", async ({ page }) => {
  const member = await loginAs(page, "member", { association: { name: "La Ressourcerie des Prés", openingHours: "" } });
  await page.goto(`/espace/associations/${member.associationId}/profil`);
  await expectAccessible(page);

  // A mistake first: closing before opening is refused beside the field, what was typed stays.
  await page.getByLabel("Lundi, ouverture").fill("12:00");
  await page.getByLabel("Lundi, fermeture", { exact: true }).fill("09:00");
  await page.getByRole("button", { name: "Enregistrer la fiche" }).click();
  await expect(page.getByRole("alert")).toContainText("Lundi : la fermeture doit venir après l'ouverture (12 h).");
  await expect(page.getByLabel("Lundi, ouverture")).toHaveValue("12:00");

  await page.getByLabel("Lundi, ouverture").fill("09:00");
  await page.getByLabel("Lundi, fermeture", { exact: true }).fill("12:00");
  await page.getByLabel("Lundi, réouverture").fill("14:00");
  await page.getByLabel("Lundi, fermeture du soir").fill("17:30");
  for (const day of ["Mardi", "Jeudi", "Vendredi"]) {
    await page.getByLabel(`${day}, ouverture`).fill("09:00");
    await page.getByLabel(`${day}, fermeture`, { exact: true }).fill("12:00");
  }
  await page.getByRole("checkbox", { name: "Dimanche : fermé" }).check();
  await page.getByRole("checkbox", { name: "Fermé les jours fériés" }).check();
  await page.getByLabel("Précisions sur l'accueil").fill("Dépôts d'objets le samedi sur rendez-vous.");
  await page.getByRole("button", { name: "Enregistrer la fiche" }).click();
  await expect(page.getByRole("status")).toContainText("Fiche enregistrée");

  const saved = await getDb().association.findUniqueOrThrow({ where: { id: member.associationId! } });
  expect(saved.openingHours).toBe("Mo 09:00-12:00,14:00-17:30; Tu,Th,Fr 09:00-12:00; Su off; PH off");
  // The form shows the saved week back.
  await expect(page.getByLabel("Lundi, fermeture du soir")).toHaveValue("17:30");
  await expect(page.getByRole("checkbox", { name: "Dimanche : fermé" })).toBeChecked();

  // Monday 5 January 2026, 10:30 in Paris (09:30 UTC).
  await page.clock.setFixedTime(new Date("2026-01-05T09:30:00Z"));
  await page.goto(`/annuaire/${saved.slug}`);
  await expect(page.getByTestId("open-now")).toHaveText("Ouvert maintenant · ferme à 12 h");
  const week = page.getByRole("table", { name: "Horaires d'ouverture de la semaine" });
  await expect(week.getByRole("row", { name: /Lundi/ })).toContainText("9 h – 12 h, 14 h – 17 h 30");
  await expect(week.getByRole("row", { name: /Mercredi/ })).toContainText("Fermé");
  await expect(page.getByText("Fermé les jours fériés.")).toBeVisible();
  await expect(page.getByText("Dépôts d'objets le samedi sur rendez-vous.")).toBeVisible();
  await expectAccessible(page);

  // Wednesday 7 January, 10:00 in Paris: closed, opens on Thursday.
  await page.clock.setFixedTime(new Date("2026-01-07T09:00:00Z"));
  await page.reload();
  await expect(page.getByTestId("open-now")).toHaveText("Fermé maintenant · ouvre demain à 9 h");
  // Whit Monday 25 May 2026 (a public holiday), 10:00 in Paris.
  await page.clock.setFixedTime(new Date("2026-05-25T08:00:00Z"));
  await page.reload();
  await expect(page.getByTestId("open-now")).toHaveText("Fermé maintenant · ouvre demain à 9 h");
});

test("/donnees lists every file the portal publishes, and each downloads", async ({ page, request }) => {
  // The subsidies file needs the CCAS's SIRET (the demo seed has none): configure it, as the
  // access matrix does, and wait for the portal's settings cache.
  const db = getDb();
  const settings = await db.portalSettings.findUniqueOrThrow({ where: { id: "ccas" } });
  if (!settings.siret) await db.portalSettings.update({ where: { id: "ccas" }, data: { siret: MATRIX_SIRET } });
  await expect.poll(async () => (await request.get("/donnees/subventions.csv")).status(), { timeout: 15_000 }).toBe(200);

  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Données ouvertes" }).click();
  await expect(page).toHaveURL(/\/donnees$/);
  await expect(page.getByRole("heading", { level: 1, name: "Données ouvertes" })).toBeVisible();
  await expectAccessible(page);
  const files = page.getByRole("table", { name: "Fichiers publiés" });
  for (const [path, schema] of [
    ["/donnees/structures.json", "data·inclusion (structures) 1.0.8"],
    ["/donnees/structures.csv", "data·inclusion (structures) 1.0.8"],
    ["/donnees/services.json", "data·inclusion (services) 1.0.8"],
    ["/donnees/services.csv", "data·inclusion (services) 1.0.8"],
    ["/donnees/subventions.csv", "SCDL subventions 2.1.1"],
  ]) {
    const row = files.getByRole("row", { name: new RegExp(path.replace(/[./]/g, "\\$&")) });
    await expect(row.getByRole("link", { name: path })).toBeVisible();
    await expect(row).toContainText(schema);
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["access-control-allow-origin"]).toBe("*");
  }
  await expect(page.getByText("Licence Ouverte 2.0")).toBeVisible();

  const structures = (await (await request.get("/donnees/structures.json")).json()) as { nom: string; lien_source: string }[];
  const epicerie = structures.find((s) => s.nom === "Épicerie solidaire Planoise")!;
  expect(epicerie.lien_source).toMatch(/\/annuaire\/epicerie-solidaire-planoise$/);
  const csv = await (await request.get("/donnees/subventions.csv")).text();
  expect(csv.split("\r\n")[0]).toBe(
    "nomAttribuant,idAttribuant,dateConvention,referenceDecision,nomBeneficiaire,idBeneficiaire,rnaBeneficiaire,objet,montant,nature,conditionsVersement,datesPeriodeVersement,idRAE,notificationUE,pourcentageSubvention,dispositifAide",
  );
});
