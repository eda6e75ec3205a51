// Steering, end to end as its users click through it: the administrator ties a call to a projet
// phare and defines its indicators; the association gives its targets and deposits; the reviewer
// accepts it, the subsidy (attached to the projet phare by the call) is voted and its first
// instalment paid; the association reports the values achieved; staff validate; the steering
// dashboard and the board's PDF report show target and achieved. The year is one of its own, with
// a social project made for it, so the dashboard's figures are this journey's alone.
import { readFile } from "node:fs/promises";
import type { Browser, Page } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { buildDossierData } from "../prisma/factories/dossier";
import { createSocialProject } from "../prisma/factories/steering";
import { toParisInputValue } from "../app/lib/format";
import { expect, expectAccessible, getDb, loginAs, test, waitForMail } from "./support/fixtures";
import { E2E_URL } from "./support/paths";

const DAY = 24 * 3600_000;

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext({ baseURL: E2E_URL, locale: "fr-FR", timezoneId: "Europe/Paris" })).newPage();
}

/** A financial year the call form accepts that no social project and no subsidy of the shared database uses. */
async function freeYear(): Promise<number> {
  const db = getDb();
  for (;;) {
    const year = 2030 + Math.floor(Math.random() * 60);
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
  await page.goto("/admin/appels/nouveau");
  const title = `Médiation numérique ${year} ${tag}`;
  await page.getByRole("textbox", { name: "Titre", exact: true }).fill(title);
  await page.getByLabel("Résumé").fill("Des permanences de médiation numérique dans les quartiers.");
  await page.getByLabel("Texte de l'appel (Markdown)").fill("## Projets attendus\n\nDes permanences régulières.");
  await page.getByRole("checkbox", { name: "Accès aux droits" }).check();
  await page.getByLabel("Enveloppe totale (€)").fill("40 000");
  await page.getByLabel("Montant minimum par dossier (€)").fill("1 000");
  await page.getByLabel("Montant maximum par dossier (€)").fill("10 000");
  await page.getByLabel("Ouverture (heure de Paris)").fill(toParisInputValue(new Date(Date.now() - 3600_000)));
  await page.getByLabel("Clôture (heure de Paris)").fill(toParisInputValue(new Date(Date.now() + 20 * DAY)));
  await page.getByLabel("Exercice budgétaire").fill(String(year));
  for (const box of await page
    .getByRole("group", { name: /Pièces obligatoires/ })
    .getByRole("checkbox")
    .all())
    await box.uncheck();
  await page.getByLabel(/^Critère 1/).fill("Qualité du projet");
  await page.getByLabel(/^Pondération du critère 1/).fill("100");
  await page.getByRole("checkbox", { name: new RegExp(reviewer.email.replace(/[.]/g, "\\.")) }).check();
  await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(page.getByRole("heading", { name: /État : Brouillon/ })).toBeVisible();
  const call = await db.call.findFirstOrThrow({ where: { title } });
  expect(call.financialYear).toBe(year);

  const steering = page.getByRole("region", { name: "Projet social", exact: true });
  await steering.getByLabel(`Projet phare n°${flagship.number} – ${flagship.title}`).check();
  await steering.getByRole("button", { name: "Enregistrer le rattachement au projet social" }).click();
  await expect(page.getByRole("status")).toHaveText("Le rattachement de l'appel au projet social est enregistré.");

  await page.getByRole("link", { name: "Indicateurs de moyens et de résultats" }).click();
  const adding = page.getByRole("region", { name: "Ajouter un indicateur" });
  await adding.getByLabel("Nom de l'indicateur").fill(people);
  await adding.getByLabel("Nature").selectOption({ label: "Indicateur de résultats" });
  await adding.getByLabel("Unité").selectOption({ label: "personnes" });
  await adding.getByLabel("Objectif obligatoire").check();
  await adding.getByRole("button", { name: "Ajouter l'indicateur" }).click();
  await expect(page.getByRole("status")).toContainText(`Indicateur « ${people} » ajouté.`);
  await adding.getByLabel("Nom de l'indicateur").fill(hours);
  await adding.getByLabel("Nature").selectOption({ label: "Indicateur de moyens" });
  await adding.getByLabel("Unité").selectOption({ label: "heures" });
  await adding.getByRole("button", { name: "Ajouter l'indicateur" }).click();
  await expect(page.getByRole("status")).toContainText(`Indicateur « ${hours} » ajouté.`);
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
  const association = await db.association.findUniqueOrThrow({ where: { id: associationId } });
  const projectTitle = `Permanences numériques ${tag}`;
  const { declaration: _signedOnThePage, ...sections } = buildDossierData(association, { requestedCents: 6_000_00, title: projectTitle });
  await db.dossier.update({
    where: { id: started.id },
    data: { data: { ...(started.data as object), ...sections }, projectTitle, requestedCents: 6_000_00 },
  });
  const dossierPath = `/espace/associations/${associationId}/dossiers/${started.id}`;
  await memberPage.goto(`${dossierPath}/indicateurs`);
  await memberPage.getByLabel(`Objectif pour « ${people} »`).fill("120");
  await memberPage.getByLabel(`Objectif pour « ${hours} »`).fill("200");
  await memberPage.getByRole("button", { name: "Enregistrer et continuer" }).click();
  await expect(memberPage).toHaveURL(/\/budget_projet$/);
  await memberPage.goto(`${dossierPath}/declaration`);
  for (const box of await memberPage.getByRole("checkbox").all()) await box.check();
  await memberPage.getByRole("button", { name: "Signer la déclaration" }).click();
  await expect(memberPage.getByRole("status")).toContainText("Déclaration signée");
  await memberPage.getByRole("button", { name: "Déposer le dossier" }).click();
  await expect(memberPage.getByRole("status")).toContainText(new RegExp(`Dossier déposé sous le numéro AAP-${year}-\\d{4}`));
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
  const today = new Date().toISOString().slice(0, 10);
  await reviewerPage.getByLabel("Date de la décision").fill(today);
  await reviewerPage.getByLabel("Référence de la délibération").fill(`CA-${tag}`);
  await reviewerPage.getByLabel(/^Montant voté/).fill("5 000");
  await reviewerPage.getByRole("button", { name: "Enregistrer le vote" }).click();
  await expect(reviewerPage.getByRole("status")).toContainText("Le vote est enregistré");
  await reviewerPage.getByLabel("Type du versement 1").selectOption("avance");
  await reviewerPage.getByLabel("Montant du versement 1").fill("3 000");
  await reviewerPage.getByLabel("Date prévue du versement 1").fill(today);
  await reviewerPage.getByLabel("Type du versement 2").selectOption("solde");
  await reviewerPage.getByLabel("Montant du versement 2").fill("2 000");
  await reviewerPage.getByLabel("Date prévue du versement 2").fill(new Date(Date.now() + 90 * DAY).toISOString().slice(0, 10));
  await reviewerPage.getByRole("button", { name: "Enregistrer l'échéancier" }).click();
  await expect(reviewerPage.getByRole("status")).toContainText("L'échéancier est enregistré");
  await reviewerPage.getByLabel("Montant versé (avance)").fill("3 000");
  await reviewerPage.getByLabel("Date du versement (avance)").fill(today);
  await reviewerPage.getByRole("button", { name: "Enregistrer ce versement (avance)" }).click();
  await expect(reviewerPage.getByRole("status")).toContainText("Le versement est enregistré");

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
