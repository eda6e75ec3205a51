// Steps several journeys take the same way through the pages: the administrator writing a call,
// the association signing and depositing a dossier whose sections were filled in the database,
// and staff voting a subsidy, scheduling it in two instalments and paying the first.
import type { Page } from "@playwright/test";
import { buildDossierData } from "../../prisma/factories/dossier";
import { toParisInputValue } from "../../app/lib/format";
import { expect, getDb } from "./fixtures";

const DAY = 24 * 3600_000;
const euros = (cents: number) => (cents / 100).toLocaleString("fr-FR").replace(/\u202f/g, " ");

/** On /admin/appels/nouveau: a call open for 20 days with one criterion, no required attachment, one reviewer; saved as a draft. */
export async function writeCallDraft(
  page: Page,
  call: { title: string; reviewerEmail: string; financialYear?: number; envelope?: string; summary?: string },
) {
  await page.goto("/admin/appels/nouveau");
  await page.getByRole("textbox", { name: "Titre", exact: true }).fill(call.title);
  await page.getByLabel("Résumé").fill(call.summary ?? "Permanences d'accès aux droits dans les quartiers.");
  await page.getByLabel("Texte de l'appel (Markdown)").fill("## Projets attendus\n\nDes permanences régulières.");
  await page.getByRole("checkbox", { name: "Accès aux droits" }).check();
  await page.getByLabel("Enveloppe totale (€)").fill(call.envelope ?? "50 000");
  await page.getByLabel("Montant minimum par dossier (€)").fill("1 000");
  await page.getByLabel("Montant maximum par dossier (€)").fill("10 000");
  await page.getByLabel("Ouverture (heure de Paris)").fill(toParisInputValue(new Date(Date.now() - 3600_000)));
  await page.getByLabel("Clôture (heure de Paris)").fill(toParisInputValue(new Date(Date.now() + 20 * DAY)));
  if (call.financialYear) await page.getByLabel("Exercice budgétaire").fill(String(call.financialYear));
  for (const box of await page
    .getByRole("group", { name: /Pièces obligatoires/ })
    .getByRole("checkbox")
    .all())
    await box.uncheck();
  await page.getByLabel(/^Critère 1/).fill("Qualité du projet");
  await page.getByLabel(/^Pondération du critère 1/).fill("100");
  await page.getByRole("checkbox", { name: new RegExp(call.reviewerEmail.replace(/[.]/g, "\\.")) }).check();
  await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(page.getByRole("heading", { name: /État : Brouillon/ })).toBeVisible();
  return getDb().call.findFirstOrThrow({ where: { title: call.title } });
}

/** Fills the Cerfa sections of a started dossier in the database (the form's steps are call-application.spec.ts's). */
export async function fillDossierSections(dossierId: string, project: { title: string; requestedCents: number }) {
  const db = getDb();
  const started = await db.dossier.findUniqueOrThrow({ where: { id: dossierId }, include: { association: true } });
  const { declaration: _signedOnThePage, ...sections } = buildDossierData(started.association, project);
  await db.dossier.update({
    where: { id: dossierId },
    data: { data: { ...(started.data as object), ...sections }, projectTitle: project.title, requestedCents: project.requestedCents },
  });
}

/** The representative signs the declaration and deposits; answers the deposited dossier. */
export async function signAndDeposit(memberPage: Page, dossierPath: string, numberPattern: RegExp) {
  await memberPage.goto(`${dossierPath}/declaration`);
  for (const box of await memberPage.getByRole("checkbox").all()) await box.check();
  await memberPage.getByRole("button", { name: "Signer la déclaration" }).click();
  await expect(memberPage.getByRole("status")).toContainText("Déclaration signée");
  await memberPage.getByRole("button", { name: "Déposer le dossier" }).click();
  await expect(memberPage.getByRole("status")).toContainText(numberPattern);
}

/** On a subsidy's staff page: the vote of `votedCents`, an advance and a balance, the advance paid today. */
export async function voteScheduleAndPayAdvance(page: Page, o: { deliberationRef: string; votedCents: number; advanceCents: number }) {
  const today = new Date().toISOString().slice(0, 10);
  await page.getByLabel("Date de la décision").fill(today);
  await page.getByLabel("Référence de la délibération").fill(o.deliberationRef);
  await page.getByLabel(/^Montant voté/).fill(euros(o.votedCents));
  await page.getByRole("button", { name: "Enregistrer le vote" }).click();
  await expect(page.getByRole("status")).toContainText("Le vote est enregistré");
  await page.getByLabel("Type du versement 1").selectOption("avance");
  await page.getByLabel("Montant du versement 1").fill(euros(o.advanceCents));
  await page.getByLabel("Date prévue du versement 1").fill(today);
  await page.getByLabel("Type du versement 2").selectOption("solde");
  await page.getByLabel("Montant du versement 2").fill(euros(o.votedCents - o.advanceCents));
  await page.getByLabel("Date prévue du versement 2").fill(new Date(Date.now() + 90 * DAY).toISOString().slice(0, 10));
  await page.getByRole("button", { name: "Enregistrer l'échéancier" }).click();
  await expect(page.getByRole("status")).toContainText("L'échéancier est enregistré");
  await page.getByLabel("Montant versé (avance)").fill(euros(o.advanceCents));
  await page.getByLabel("Date du versement (avance)").fill(today);
  await page.getByRole("button", { name: "Enregistrer ce versement (avance)" }).click();
  await expect(page.getByRole("status")).toContainText("Le versement est enregistré");
}

/** On a call's « Indicateurs de l'appel » page: one indicator added through « Ajouter un indicateur ». */
export async function addCallIndicator(
  page: Page,
  o: { name: string; kind: "Indicateur de moyens" | "Indicateur de résultats"; unit: string; required?: boolean; description?: string },
) {
  const adding = page.getByRole("region", { name: "Ajouter un indicateur" });
  await adding.getByLabel("Nom de l'indicateur").fill(o.name);
  await adding.getByLabel("Nature").selectOption({ label: o.kind });
  await adding.getByLabel("Unité").selectOption({ label: o.unit });
  if (o.required) await adding.getByLabel("Objectif obligatoire").check();
  if (o.description) await adding.getByLabel("Description").fill(o.description);
  await adding.getByRole("button", { name: "Ajouter l'indicateur" }).click();
  await expect(page.getByRole("status")).toContainText(`Indicateur « ${o.name} » ajouté.`);
}
