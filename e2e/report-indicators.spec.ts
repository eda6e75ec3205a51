// Steering in the compte rendu financier: the association reports the values achieved for its
// dossier's indicators (a required value left blank is refused, what was typed stays), staff read
// target vs achieved and validate. And a multi-year agreement: staff give the subsidy an indicator,
// a yearly objective and the record of a review meeting; the association reads them and is told.
import type { Browser, Page } from "@playwright/test";
import { createGrant, createSubsidyFromDossier } from "../app/subsidies/creation.server";
import { recordVote } from "../app/subsidies/vote.server";
import { createCall } from "../prisma/factories/call";
import { createDossier } from "../prisma/factories/dossier";
import { createCallIndicator, createProjectIndicator } from "../prisma/factories/steering";
import { expect, expectAccessible, getDb, loginAs, signIn, test, waitForMail } from "./support/fixtures";
import { E2E_URL } from "./support/paths";

test.describe.configure({ timeout: 180_000 });

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: E2E_URL, locale: "fr-FR", timezoneId: "Europe/Paris" });
  return context.newPage();
}

test("the association reports the values achieved; staff see target vs achieved and validate", async ({ page, browser }) => {
  const db = getDb();
  const tag = Date.now().toString(36);
  const staff = await loginAs(page, "staff");
  const memberPage = await newPage(browser);
  const member = await loginAs(memberPage, "member", { representative: true, association: { name: `Le Relais ${tag}` } });
  const call = await createCall(db, { title: `Inclusion ${tag}`, requiredAttachments: [] });
  const people = await createCallIndicator(db, call.id, { name: `Personnes accompagnées ${tag}`, unit: "personnes", targetRequired: true });
  const hours = await createCallIndicator(db, call.id, {
    name: `Heures d'atelier ${tag}`,
    unit: "heures",
    kind: "moyens",
    targetRequired: false,
  });
  const dossier = await createDossier(db, {
    callId: call.id,
    associationId: member.associationId!,
    state: "accepte",
    title: `Ateliers ${tag}`,
  });
  await createProjectIndicator(db, { dossierId: dossier.id }, { callIndicatorId: people.id, target: 40 });
  await createProjectIndicator(db, { dossierId: dossier.id }, { callIndicatorId: hours.id, target: null });
  const subsidy = await createSubsidyFromDossier(dossier.id, staff);
  await recordVote(subsidy.id, { decisionDate: "2026-03-20", deliberationRef: `CA-${tag}`, yearAmounts: [8_000_00] }, staff);
  const year = subsidy.financialYear;

  // Without JavaScript, the server refuses a report whose required value is blank, with everything typed kept.
  const noScript = await browser.newContext({ baseURL: E2E_URL, locale: "fr-FR", javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await signIn(plain, member.id);
  await plain.goto(`/espace/associations/${member.associationId}/subventions/${subsidy.id}`);
  await plain.getByLabel("60 – Achats – réalisé").fill("1 800");
  await plain.getByLabel(`Valeur atteinte – Heures d'atelier ${tag}`).fill("50");
  await plain.getByLabel("Bilan qualitatif de l'action").fill("Sans JavaScript.");
  await plain.getByRole("button", { name: `Transmettre le compte rendu financier ${year}` }).click();
  await expect(plain.getByRole("alert")).toContainText(`Indiquez la valeur atteinte pour « Personnes accompagnées ${tag} ».`);
  await expect(plain.getByLabel(`Valeur atteinte – Heures d'atelier ${tag}`)).toHaveValue("50");
  await expect(plain.getByLabel("60 – Achats – réalisé")).toHaveValue("1 800");
  await expect(plain.getByLabel("Bilan qualitatif de l'action")).toHaveValue("Sans JavaScript.");
  await noScript.close();

  // With it, the browser says the same before sending.
  await memberPage.goto(`/espace/associations/${member.associationId}/subventions/${subsidy.id}`);
  await expect(memberPage.getByRole("heading", { name: "Indicateurs : valeurs atteintes" })).toBeVisible();
  await expectAccessible(memberPage);
  await memberPage.getByLabel("60 – Achats – réalisé").fill("2 500");
  await memberPage.getByLabel("74 – Subvention du CCAS – réalisé").fill("8 000");
  await memberPage.getByLabel(`Valeur atteinte – Heures d'atelier ${tag}`).fill("64");
  await memberPage.getByLabel(`Commentaire – Heures d'atelier ${tag}`).fill("Deux ateliers par semaine.");
  await memberPage.getByLabel("Bilan qualitatif de l'action").fill("Trente-huit personnes accompagnées vers leurs droits.");
  await memberPage.getByRole("button", { name: `Transmettre le compte rendu financier ${year}` }).click();
  await expect(memberPage.getByRole("alert")).toContainText(`Indiquez la valeur atteinte pour « Personnes accompagnées ${tag} ».`);
  await expect(memberPage.getByLabel(`Valeur atteinte – Heures d'atelier ${tag}`)).toHaveValue("64");
  await expect(memberPage.getByLabel(`Commentaire – Heures d'atelier ${tag}`)).toHaveValue("Deux ateliers par semaine.");
  await expect(memberPage.getByLabel("Bilan qualitatif de l'action")).toHaveValue("Trente-huit personnes accompagnées vers leurs droits.");
  await expect(memberPage.getByLabel("60 – Achats – réalisé")).toHaveValue("2 500");
  await expectAccessible(memberPage);
  expect((await db.financialReport.findFirstOrThrow({ where: { subsidyId: subsidy.id } })).status).toBe("a_fournir");

  // Completed, it is sent.
  await memberPage.getByLabel(`Valeur atteinte – Personnes accompagnées ${tag}`).fill("38");
  await memberPage.getByLabel(`Commentaire – Personnes accompagnées ${tag}`).fill("Deux familles ont déménagé.");
  await memberPage.getByRole("button", { name: `Transmettre le compte rendu financier ${year}` }).click();
  await expect(memberPage.getByRole("status")).toContainText("compte rendu financier est transmis");
  await expect(memberPage.getByTestId(`indicator-results-${year}`)).toContainText("38 personnes");
  await expectAccessible(memberPage);

  // Staff read target, achieved, gap and comment, and validate.
  await page.goto(`/instruction/subventions/${subsidy.id}`);
  const table = page.getByTestId(`indicator-results-${year}`);
  const peopleRow = table.getByRole("row", { name: new RegExp(`Personnes accompagnées ${tag}`) });
  await expect(peopleRow.getByRole("cell")).toHaveText(["40 personnes", "38 personnes", /^-2 personnes$/, "Deux familles ont déménagé."]);
  const hoursRow = table.getByRole("row", { name: new RegExp(`Heures d'atelier ${tag}`) });
  await expect(hoursRow.getByRole("cell")).toHaveText(["—", "64 heures", "—", "Deux ateliers par semaine."]);
  await expectAccessible(page);
  await page.getByRole("button", { name: `Valider le compte rendu ${year}` }).click();
  await expect(page.getByRole("status")).toContainText("Le compte rendu financier est validé");
  await expect(page.getByTestId(`report-status-${year}`)).toContainText("Validé");

  const report = await db.financialReport.findFirstOrThrow({
    where: { subsidyId: subsidy.id },
    include: { results: { include: { indicator: true } } },
  });
  expect(report.status).toBe("valide");
  expect(Object.fromEntries(report.results.map((r) => [r.indicator.callIndicatorId, r.value]))).toEqual({
    [people.id]: 38,
    [hours.id]: 64,
  });
});

test("a multi-year agreement: staff set an indicator, a yearly objective and a review meeting; the association sees them", async ({
  page,
  browser,
}) => {
  const db = getDb();
  const tag = Date.now().toString(36);
  const staff = await loginAs(page, "staff");
  const memberPage = await newPage(browser);
  const member = await loginAs(memberPage, "member", { representative: true, association: { name: `Accueil de nuit ${tag}` } });
  const subsidy = await createGrant(
    { associationId: member.associationId!, purpose: `Accueil de nuit ${tag}`, amount: 15_000_00, financialYear: 2026, fundsAction: true },
    staff,
  );
  await recordVote(
    subsidy.id,
    { decisionDate: "2026-02-10", deliberationRef: `CPO-${tag}`, yearAmounts: [15_000_00, 16_000_00, 17_000_00] },
    staff,
  );

  await page.goto(`/instruction/subventions/${subsidy.id}`);
  await expect(page.getByRole("heading", { name: "Objectifs de la convention pluriannuelle" })).toBeVisible();
  await expectAccessible(page);

  // The subsidy's own indicator (granted outside calls), with its target.
  await page.getByLabel("Nouvel indicateur – nom").fill(`Nuitées offertes ${tag}`);
  await page.getByLabel("Nouvel indicateur – type").selectOption("resultats");
  await page.getByLabel("Nouvel indicateur – unité").selectOption("nuitees");
  await page.getByLabel("Nouvel indicateur – objectif").fill("3 000");
  await page.getByRole("button", { name: "Ajouter l'indicateur" }).click();
  await expect(page.getByRole("status")).toContainText("L'indicateur est ajouté");
  await expect(page.getByRole("heading", { name: `Indicateur 1 : Nuitées offertes ${tag} (3 000 nuitées)` })).toBeVisible();

  // A yearly objective measured by it; a target without an indicator is refused first.
  await page.getByLabel("Nouvel objectif 2027 – intitulé").fill(`Ouvrir aussi le dimanche ${tag}`);
  await page.getByLabel("Nouvel objectif 2027 – cible").fill("3 400");
  await page.getByRole("button", { name: "Ajouter l'objectif 2027" }).click();
  await expect(page.getByRole("alert")).toContainText("Choisissez l'indicateur qui mesure la cible.");
  await expect(page.getByLabel("Nouvel objectif 2027 – intitulé")).toHaveValue(`Ouvrir aussi le dimanche ${tag}`);
  await page.getByLabel("Nouvel objectif 2027 – indicateur").selectOption({ label: `Nuitées offertes ${tag}` });
  await page.getByRole("button", { name: "Ajouter l'objectif 2027" }).click();
  await expect(page.getByRole("status")).toContainText("L'objectif 2027 est ajouté");
  await expect(page.getByLabel("Objectif 2027 n°1 – intitulé")).toHaveValue(`Ouvrir aussi le dimanche ${tag}`);

  // The review meeting of 2026.
  await page.getByLabel("Date du dialogue de gestion 2026").fill("2026-11-12");
  await page.getByLabel("Participants (2026)").fill("La directrice de l'association, l'instructrice du CCAS");
  await page.getByLabel("Compte rendu des échanges (2026)").fill(`Bilan à mi-parcours ${tag} : fréquentation en hausse.`);
  await page.getByLabel("Décisions (2026)").fill("Étudier l'ouverture du dimanche.");
  await page.getByRole("button", { name: "Enregistrer le dialogue de gestion 2026" }).click();
  await expect(page.getByRole("status")).toContainText("Le dialogue de gestion 2026 est enregistré");
  await expect(page.getByLabel("Participants (2026)")).toHaveValue("La directrice de l'association, l'instructrice du CCAS");
  await expectAccessible(page);
  expect(
    await db.auditEvent.count({
      where: { entityId: subsidy.id, action: { in: ["indicator_added", "objective_added", "review_meeting_recorded"] } },
    }),
  ).toBe(3);

  // The association is told and reads both, read-only.
  const mail = await waitForMail(member.email, new RegExp(`Dialogue de gestion 2026 – ${subsidy.number}`));
  expect(mail.text).toContain(`/espace/associations/${member.associationId}/subventions/${subsidy.id}`);
  await memberPage.goto(`/espace/associations/${member.associationId}/subventions/${subsidy.id}`);
  const objectives = memberPage.getByRole("region", { name: "Objectifs de la convention pluriannuelle" });
  await expect(objectives).toContainText(`Ouvrir aussi le dimanche ${tag} – cible : 3 400 nuitées (« Nuitées offertes ${tag} »)`);
  await expect(objectives).toContainText("Aucun objectif fixé pour 2026.");
  const meeting = memberPage.getByRole("article", { name: "Dialogue de gestion 2026" });
  await expect(meeting).toContainText("12 novembre 2026");
  await expect(meeting).toContainText(`Bilan à mi-parcours ${tag} : fréquentation en hausse.`);
  await expect(meeting).toContainText("Étudier l'ouverture du dimanche.");
  await expect(memberPage.getByRole("button", { name: /dialogue de gestion/ })).toHaveCount(0);
  await expectAccessible(memberPage);
});
