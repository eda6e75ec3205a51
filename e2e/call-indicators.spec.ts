// Indicators on a call, targets in the dossier: an administrator defines two indicators on a call
// (one with a required target) and ties one to a criterion; the public call page lists them; the
// association fills the step « Indicateurs et objectifs » (a blank required target is refused in
// French and what was typed stays), adds an indicator of its own, deposits; staff see the targets.
import type { Browser, Page } from "@playwright/test";
import { createCall } from "../prisma/factories/call";
import { createDossier } from "../prisma/factories/dossier";
import { expect, expectAccessible, getDb, loginAs, test } from "./support/fixtures";
import { addCallIndicator } from "./support/journeys";
import { E2E_URL } from "./support/paths";

test.describe.configure({ timeout: 180_000 });

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: E2E_URL, locale: "fr-FR", timezoneId: "Europe/Paris" });
  return context.newPage();
}

test("staff define indicators, the association gives its targets and deposits, staff read them", async ({ page, browser }) => {
  const db = getDb();
  const tag = Date.now().toString(36);
  const people = `Personnes accompagnées ${tag}`;
  const hours = `Heures d'atelier ${tag}`;
  const staffPage = await newPage(browser);
  const staff = await loginAs(staffPage, "staff", { name: "Solène Indicateurs" });
  const call = await createCall(db, { title: `Appel indicateurs ${tag}`, requiredAttachments: [], reviewerIds: [staff.id] });

  // The administrator defines the indicators.
  await loginAs(page, "admin");
  await page.goto(`/admin/appels/${call.id}`);
  await page.getByRole("link", { name: "Indicateurs de moyens et de résultats" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Indicateurs de l'appel" })).toBeVisible();
  await expectAccessible(page);
  await addCallIndicator(page, {
    name: people,
    kind: "Indicateur de résultats",
    unit: "personnes",
    required: true,
    description: "Personnes différentes accompagnées sur l'année.",
  });
  await addCallIndicator(page, { name: hours, kind: "Indicateur de moyens", unit: "heures" });
  await expect(page.getByRole("heading", { name: `2. ${hours}`, exact: true })).toBeVisible();

  // One criterion refers to the required indicator.
  const criterion = page.getByRole("group", { name: "Critère « Qualité et faisabilité du projet » : indicateurs" });
  await criterion.getByLabel(people).check();
  await page.getByRole("button", { name: "Enregistrer les critères" }).click();
  await expect(page.getByRole("status")).toContainText("Indicateurs des critères enregistrés.");
  await expect(
    page.getByRole("group", { name: "Critère « Qualité et faisabilité du projet » : indicateurs" }).getByLabel(people),
  ).toBeChecked();
  await expectAccessible(page);

  // The public call page lists them before anyone starts.
  const visitor = await newPage(browser);
  await visitor.goto(`/appels-a-projets/${call.slug}`);
  const listed = visitor.getByRole("region", { name: "Indicateurs de suivi" });
  await expect(listed).toContainText(`${people} – indicateur de résultats, en personnes (objectif obligatoire)`);
  await expect(listed).toContainText("pris en compte dans le critère « Qualité et faisabilité du projet »");
  await expect(listed).toContainText(`${hours} – indicateur de moyens, en heures (objectif facultatif)`);
  await expectAccessible(visitor);

  // The association fills the step.
  const memberPage = await newPage(browser);
  const member = await loginAs(memberPage, "member", { representative: true, association: { name: `Le Relais ${tag}` } });
  const draft = await createDossier(db, { callId: call.id, associationId: member.associationId!, state: "brouillon" });
  await db.dossier.update({ where: { id: draft.id }, data: { declarationSignedAt: new Date(), declarationSignerId: member.id } });
  const base = `/espace/associations/${member.associationId}/dossiers/${draft.id}`;
  await memberPage.goto(`${base}/projet`);
  await memberPage.getByRole("link", { name: "7. Indicateurs et objectifs" }).click();
  await expect(memberPage.getByRole("heading", { level: 1, name: "Indicateurs et objectifs" })).toBeVisible();
  await expect(memberPage.getByText("Personnes différentes accompagnées sur l'année.")).toBeVisible();
  await expectAccessible(memberPage);
  await memberPage.getByLabel(`Objectif pour « ${hours} »`).fill("35");
  await memberPage.getByLabel("Indicateur propre n°1 : nom").fill("Ateliers de cuisine");
  await memberPage.getByRole("button", { name: "Enregistrer et continuer" }).click();
  await expect(memberPage.getByText(`Objectif pour « ${people} » : ce champ est obligatoire.`).first()).toBeVisible();
  await expect(memberPage.getByLabel(`Objectif pour « ${hours} »`)).toHaveValue("35");
  await expect(memberPage.getByLabel("Indicateur propre n°1 : nom")).toHaveValue("Ateliers de cuisine");
  expect(await db.projectIndicator.count({ where: { dossierId: draft.id } })).toBe(0);
  await expectAccessible(memberPage);

  await memberPage.getByLabel(`Objectif pour « ${people} »`).fill("120");
  await memberPage.getByLabel("Indicateur propre n°1 : nature").selectOption({ label: "Indicateur de moyens" });
  await memberPage.getByLabel("Indicateur propre n°1 : unité").selectOption({ label: "séances ou ateliers" });
  await memberPage.getByLabel("Indicateur propre n°1 : objectif").fill("12");
  await memberPage.getByRole("button", { name: "Enregistrer et continuer" }).click();
  await expect(memberPage).toHaveURL(new RegExp(`${base}/budget_projet$`));
  expect(
    (await db.projectIndicator.findMany({ where: { dossierId: draft.id }, orderBy: { position: "asc" } })).map((r) => [r.name, r.target]),
  ).toEqual([
    [people, 120],
    [hours, 35],
    ["Ateliers de cuisine", 12],
  ]);

  // The overview shows the targets; the dossier is deposited.
  await memberPage.goto(base);
  const summary = memberPage.getByRole("region", { name: "Indicateurs et objectifs" });
  await expect(summary).toContainText("120 personnes");
  await expect(summary).toContainText("12 séances ou ateliers");
  await expectAccessible(memberPage);
  await memberPage.getByRole("button", { name: "Déposer le dossier" }).click();
  await expect(memberPage.getByRole("status")).toContainText("Dossier déposé sous le numéro");

  // Staff read the targets on the dossier page, and the criterion's indicator on the grid.
  await staffPage.goto(`/instruction/dossiers/${draft.id}`);
  const targets = staffPage.getByRole("region", { name: "Indicateurs et objectifs" });
  await expect(targets.getByRole("row", { name: new RegExp(people) })).toContainText("120 personnes");
  await expect(targets.getByRole("row", { name: new RegExp(hours) })).toContainText("35 heures");
  await expect(
    targets.getByRole("row", { name: /Ateliers de cuisine \(indicateur de moyens, séances ou ateliers, indicateur propre\)/ }),
  ).toContainText("12 séances ou ateliers");
  await expectAccessible(staffPage);
});
