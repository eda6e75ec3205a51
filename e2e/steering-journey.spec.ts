// Steering, end to end as its users click through it: the administrator ties a call to a projet
// phare and defines its indicators; the association gives its targets and deposits; the reviewer
// accepts it, the subsidy (attached to the projet phare by the call) is voted and its first
// instalment paid; the association reports the values achieved; staff validate; the steering
// dashboard and the board's PDF report show target and achieved. The year is one of its own, with
// a social project made for it, so the dashboard's figures are this journey's alone.
import { readFile } from "node:fs/promises";
import type { Browser, Page } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { createSocialProject } from "../prisma/factories/steering";
import { expect, expectAccessible, getDb, loginAs, test, waitForMail } from "./support/fixtures";
import { addCallIndicator, fillDossierSections, signAndDeposit, voteScheduleAndPayAdvance, writeCallDraft } from "./support/journeys";
import { E2E_URL } from "./support/paths";

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext({ baseURL: E2E_URL, locale: "fr-FR", timezoneId: "Europe/Paris" })).newPage();
}

/** A financial year the call form accepts that no social project and no subsidy of the shared database uses. */
async function freeYear(): Promise<number> {
  const db = getDb();
  for (;;) {
    // Before 2022, apart from the years the other journeys' projects take (2030 on).
    const year = 2000 + Math.floor(Math.random() * 22);
    const busy =
      (await db.socialProject.count({ where: { startYear: { lte: year }, endYear: { gte: year } } })) +
      (await db.subsidy.count({ where: { financialYear: year } }));
    if (busy === 0) return year;
  }
}

test("indicators on a call → targets → vote and payment → values achieved → validated → dashboard and report", async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  const db = getDb();
  const tag = Date.now().toString(36);
  const year = await freeYear();
  const project = await createSocialProject(db, {
    title: `Projet social parcours ${tag}`,
    startYear: year,
    endYear: year,
    axes: [{ title: `Accès aux droits ${tag}`, flagships: [`Médiateurs numériques ${tag}`] }],
  });
  const [axis] = project.axes;
  const [flagship] = axis.flagships;
  const people = `Personnes accompagnées ${tag}`;
  const hours = `Heures de permanence ${tag}`;
  const reviewerPage = await newPage(browser);
  const reviewer = await loginAs(reviewerPage, "staff", { name: "Paule Pilote" });

  // 1. The administrator writes the call for that exercice, ties it to the projet phare, defines its indicators, publishes it.
  await loginAs(page, "admin");
  const title = `Médiation numérique ${year} ${tag}`;
  const call = await writeCallDraft(page, { title, reviewerEmail: reviewer.email, financialYear: year, envelope: "40 000" });
  expect(call.financialYear).toBe(year);

  const steering = page.getByRole("region", { name: "Projet social", exact: true });
  await steering.getByLabel(`Projet phare n°${flagship.number} – ${flagship.title}`).check();
  await steering.getByRole("button", { name: "Enregistrer le rattachement au projet social" }).click();
  await expect(page.getByRole("status")).toHaveText("Le rattachement de l'appel au projet social est enregistré.");

  await page.getByRole("link", { name: "Indicateurs de moyens et de résultats" }).click();
  await addCallIndicator(page, { name: people, kind: "Indicateur de résultats", unit: "personnes", required: true });
  await addCallIndicator(page, { name: hours, kind: "Indicateur de moyens", unit: "heures" });
  await expectAccessible(page);
  await page.goto(`/admin/appels/${call.id}`);
  await page.getByRole("button", { name: "Publier l'appel" }).click();
  await expect(page.getByRole("heading", { name: /État : Publié/ })).toBeVisible();

  // 2. The association starts its dossier (sections filled in the database, as in call-to-payment.spec.ts),
  //    gives its targets on the step's page, signs and deposits.
  const memberPage = await newPage(browser);
  const rep = await loginAs(memberPage, "member", {
    representative: true,
    name: "Nina Numérique",
    association: { name: `Clic Solidaire ${tag}` },
  });
  const associationId = rep.associationId!;
  await memberPage.goto("/appels-a-projets");
  await memberPage.getByRole("link", { name: title }).click();
  await expect(memberPage.getByRole("region", { name: "Dans le projet social" })).toContainText(flagship.title);
  await memberPage.getByRole("button", { name: "Commencer un dossier" }).click();
  await expect(memberPage.getByRole("heading", { name: "Identification de l'association" })).toBeVisible();
  const started = await db.dossier.findFirstOrThrow({ where: { associationId, callId: call.id } });
  await fillDossierSections(started.id, { title: `Permanences numériques ${tag}`, requestedCents: 6_000_00 });
  const dossierPath = `/espace/associations/${associationId}/dossiers/${started.id}`;
  await memberPage.goto(`${dossierPath}/indicateurs`);
  await memberPage.getByLabel(`Objectif pour « ${people} »`).fill("120");
  await memberPage.getByLabel(`Objectif pour « ${hours} »`).fill("200");
  await memberPage.getByRole("button", { name: "Enregistrer et continuer" }).click();
  await expect(memberPage).toHaveURL(/\/budget_projet$/);
  await signAndDeposit(memberPage, dossierPath, new RegExp(`Dossier déposé sous le numéro AAP-${year}-\\d{4}`));
  const deposited = await db.dossier.findUniqueOrThrow({ where: { id: started.id } });

  // 3. The reviewer reads the targets, instructs and accepts; the subsidy is attached to the projet phare by its call.
  await reviewerPage.goto(`/instruction/dossiers/${deposited.id}`);
  const targets = reviewerPage.getByRole("region", { name: "Indicateurs et objectifs" });
  await expect(targets.getByRole("row", { name: new RegExp(people) })).toContainText("120 personnes");
  await reviewerPage.getByRole("button", { name: "Passer en instruction" }).click();
  await expect(reviewerPage.getByRole("status")).toContainText("en instruction");
  await reviewerPage.getByLabel("Montant accordé (€)").fill("5 000");
  await reviewerPage.getByRole("button", { name: "Accepter le dossier" }).click();
  await expect(reviewerPage.getByRole("status")).toContainText("Dossier accepté");
  const subsidy = await db.subsidy.findUniqueOrThrow({ where: { dossierId: started.id } });
  expect(subsidy).toMatchObject({ financialYear: year, axisId: axis.id, flagshipId: flagship.id });

  // 4. The vote, the schedule, the first payment.
  await reviewerPage.goto(`/instruction/subventions/${subsidy.id}`);
  await expect(reviewerPage.getByRole("region", { name: "Rattachement au projet social" })).toBeVisible();
  await voteScheduleAndPayAdvance(reviewerPage, { deliberationRef: `CA-${tag}`, votedCents: 5_000_00, advanceCents: 3_000_00 });

  // 5. The association reports the values achieved: the required one first left blank, then given.
  await memberPage.goto(`/espace/associations/${associationId}/subventions/${subsidy.id}`);
  await memberPage.getByLabel("60 – Achats – réalisé").fill("1 500");
  await memberPage.getByLabel("74 – Subvention du CCAS – réalisé").fill("5 000");
  await memberPage.getByLabel(`Valeur atteinte – ${hours}`).fill("180");
  await memberPage.getByLabel("Bilan qualitatif de l'action").fill("Permanences tenues chaque semaine dans trois quartiers.");
  await memberPage.getByRole("button", { name: `Transmettre le compte rendu financier ${year}` }).click();
  await expect(memberPage.getByRole("alert")).toContainText(`Indiquez la valeur atteinte pour « ${people} ».`);
  await expect(memberPage.getByLabel(`Valeur atteinte – ${hours}`)).toHaveValue("180");
  await memberPage.getByLabel(`Valeur atteinte – ${people}`).fill("96");
  await memberPage.getByLabel(`Commentaire – ${people}`).fill("Moins de venues l'été.");
  await memberPage.getByRole("button", { name: `Transmettre le compte rendu financier ${year}` }).click();
  await expect(memberPage.getByRole("status")).toContainText("compte rendu financier est transmis");
  await expectAccessible(memberPage);

  // 6. Staff read target vs achieved and validate.
  await reviewerPage.goto(`/instruction/subventions/${subsidy.id}`);
  await reviewerPage.getByRole("button", { name: `Valider le compte rendu ${year}` }).click();
  await expect(reviewerPage.getByRole("status")).toContainText("Le compte rendu financier est validé");
  await waitForMail(rep.email, /compte rendu/i);

  // 7. The steering dashboard of that year, and the board's report, show them.
  await reviewerPage.goto("/instruction");
  await reviewerPage.getByRole("link", { name: "Pilotage du projet social", exact: true }).click();
  await reviewerPage.getByLabel("Année", { exact: true }).selectOption(String(year));
  await reviewerPage.getByRole("button", { name: "Afficher" }).click();
  await expect(reviewerPage.getByRole("heading", { level: 1, name: `Pilotage du projet social ${year}` })).toBeVisible();
  await expect(reviewerPage.getByTestId("steering-voted")).toHaveText(/5\s000,00\s€/);
  await expect(reviewerPage.getByTestId("steering-paid")).toHaveText(/3\s000,00\s€/);
  await expect(reviewerPage.getByTestId("steering-projects")).toHaveText("1");
  const axes = reviewerPage.getByTestId("steering-axes");
  await expect(axes.getByRole("row", { name: new RegExp(`n°${flagship.number} – ${flagship.title}`) })).toContainText(/5\s000,00\s€/);
  const indicators = reviewerPage.getByTestId("steering-indicators");
  const peopleRow = indicators.getByRole("row", { name: new RegExp(`^${people}`) }).first();
  await expect(peopleRow).toContainText("120 personnes");
  await expect(peopleRow).toContainText("96 personnes");
  await expect(peopleRow).toContainText("80 %");
  await expectAccessible(reviewerPage);

  const waiting = reviewerPage.waitForEvent("download");
  await reviewerPage.getByRole("link", { name: "Télécharger le rapport annuel (PDF)", exact: true }).click();
  const pdf = await readFile((await (await waiting).path())!);
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  const flat = text.replace(/\s+/g, " ");
  expect(flat).toContain(`Rapport annuel de pilotage ${year}`);
  expect(flat).toContain("Montant voté : 5 000,00 €");
  expect(flat).toContain(people);
  expect(flat).toContain("Objectif : 120 personnes ; atteint : 96 personnes ; taux : 80 %");
});
