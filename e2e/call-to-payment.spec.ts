// The whole path of a project, as its users click through it: an administrator publishes a call
// for the next financial year; an association applies and deposits (the form's steps are covered by
// call-application.spec.ts: here the project's sections are filled in the database, the declaration
// is signed and the dossier deposited through the pages); a reviewer instructs and accepts it; the
// subsidy it creates is voted, scheduled and its first instalment paid; the association follows it
// from its dossier to the payment.
import { buildDossierData } from "../prisma/factories/dossier";
import { toParisInputValue } from "../app/lib/format";
import { expect, expectAccessible, getDb, loginAs, test, waitForMail } from "./support/fixtures";
import { E2E_URL } from "./support/paths";

const DAY = 24 * 3600_000;

test("from the call's publication to the first payment", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const db = getDb();
  const tag = Date.now().toString(36);
  const nextYear = new Date().getFullYear() + 1;
  const reviewerPage = await (await browser.newContext({ baseURL: E2E_URL, locale: "fr-FR", timezoneId: "Europe/Paris" })).newPage();
  const reviewer = await loginAs(reviewerPage, "staff", { name: "Rémi Instructeur" });

  // 1. The administrator writes the call for next year's exercice and publishes it.
  await loginAs(page, "admin");
  await page.goto("/admin/appels/nouveau");
  const title = `Accès aux droits ${nextYear} ${tag}`;
  await page.getByRole("textbox", { name: "Titre", exact: true }).fill(title);
  await page.getByLabel("Résumé").fill("Permanences d'accès aux droits dans les quartiers.");
  await page.getByLabel("Texte de l'appel (Markdown)").fill("## Projets attendus\n\nDes permanences régulières.");
  await page.getByRole("checkbox", { name: "Accès aux droits" }).check();
  await page.getByLabel("Enveloppe totale (€)").fill("50 000");
  await page.getByLabel("Montant minimum par dossier (€)").fill("1 000");
  await page.getByLabel("Montant maximum par dossier (€)").fill("10 000");
  await page.getByLabel("Ouverture (heure de Paris)").fill(toParisInputValue(new Date(Date.now() - 3600_000)));
  await page.getByLabel("Clôture (heure de Paris)").fill(toParisInputValue(new Date(Date.now() + 20 * DAY)));
  await expect(page.getByLabel("Exercice budgétaire")).toHaveValue(String(nextYear));
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
  await page.getByRole("button", { name: "Publier l'appel" }).click();
  await expect(page.getByRole("heading", { name: /État : Publié/ })).toBeVisible();
  const call = await db.call.findFirstOrThrow({ where: { title } });
  expect(call.financialYear).toBe(nextYear);

  // 2. The association finds the call, starts its dossier, signs and deposits it.
  const memberPage = await (await browser.newContext({ baseURL: E2E_URL, locale: "fr-FR", timezoneId: "Europe/Paris" })).newPage();
  const rep = await loginAs(memberPage, "member", {
    representative: true,
    name: "Rosa Représentante",
    association: { name: `Droits Devant ${tag}` },
  });
  const associationId = rep.associationId!;
  await memberPage.goto("/appels-a-projets");
  await memberPage.getByRole("link", { name: title }).click();
  await memberPage.getByRole("button", { name: "Commencer un dossier" }).click();
  await expect(memberPage.getByRole("heading", { name: "Identification de l'association" })).toBeVisible();
  const started = await db.dossier.findFirstOrThrow({ where: { associationId, callId: call.id } });
  const association = await db.association.findUniqueOrThrow({ where: { id: associationId } });
  const projectTitle = `Permanences du mardi ${tag}`;
  const { declaration: _signedOnThePage, ...sections } = buildDossierData(association, { requestedCents: 6_000_00, title: projectTitle });
  await db.dossier.update({
    where: { id: started.id },
    data: { data: { ...(started.data as object), ...sections }, projectTitle, requestedCents: 6_000_00 },
  });
  const dossierPath = `/espace/associations/${associationId}/dossiers/${started.id}`;
  await memberPage.goto(`${dossierPath}/declaration`);
  for (const box of await memberPage.getByRole("checkbox").all()) await box.check();
  await memberPage.getByRole("button", { name: "Signer la déclaration" }).click();
  await expect(memberPage.getByRole("status")).toContainText("Déclaration signée");
  await memberPage.getByRole("button", { name: "Déposer le dossier" }).click();
  await expect(memberPage.getByRole("status")).toContainText(new RegExp(`Dossier déposé sous le numéro AAP-${nextYear}-\\d{4}`));
  const deposited = await db.dossier.findUniqueOrThrow({ where: { id: started.id } });
  await waitForMail(rep.email, new RegExp(`Accusé de réception du dossier ${deposited.number}`));

  // 3. The reviewer finds it in the queue, opens it for instruction and accepts it.
  await reviewerPage.goto("/instruction/dossiers");
  await reviewerPage.getByRole("link", { name: deposited.number }).click();
  await expect(reviewerPage.getByRole("heading", { level: 1 })).toContainText(deposited.number);
  await expectAccessible(reviewerPage);
  await reviewerPage.getByRole("button", { name: "Passer en instruction" }).click();
  await expect(reviewerPage.getByRole("status")).toContainText("en instruction");
  await waitForMail(rep.email, new RegExp(`${deposited.number}.*instruction`, "i"));
  await reviewerPage.getByLabel("Montant accordé (€)").fill("5 500");
  await reviewerPage.getByRole("button", { name: "Accepter le dossier" }).click();
  await expect(reviewerPage.getByRole("status")).toContainText("Dossier accepté");
  await expectAccessible(reviewerPage);
  await waitForMail(rep.email, new RegExp(deposited.number));
  const subsidy = await db.subsidy.findUniqueOrThrow({ where: { dossierId: started.id } });
  expect(subsidy).toMatchObject({ financialYear: nextYear, proposedCents: 5_500_00, requestedCents: 6_000_00 });

  // 4. From the dossier to its subsidy: the vote, the schedule, the first payment.
  await reviewerPage
    .getByRole("link", { name: new RegExp(subsidy.number) })
    .first()
    .click();
  await expect(reviewerPage.getByRole("heading", { level: 1 })).toContainText(subsidy.number);
  await expect(reviewerPage.getByRole("link", { name: new RegExp(deposited.number) }).first()).toBeVisible();
  const today = new Date().toISOString().slice(0, 10);
  await reviewerPage.getByLabel("Date de la décision").fill(today);
  await reviewerPage.getByLabel("Référence de la délibération").fill(`CA-${tag}`);
  await reviewerPage.getByLabel(/^Montant voté/).fill("5 500");
  await reviewerPage.getByRole("button", { name: "Enregistrer le vote" }).click();
  await expect(reviewerPage.getByRole("status")).toContainText("Le vote est enregistré");
  await reviewerPage.getByLabel("Type du versement 1").selectOption("avance");
  await reviewerPage.getByLabel("Montant du versement 1").fill("3 000");
  await reviewerPage.getByLabel("Date prévue du versement 1").fill(today);
  await reviewerPage.getByLabel("Type du versement 2").selectOption("solde");
  await reviewerPage.getByLabel("Montant du versement 2").fill("2 500");
  await reviewerPage.getByLabel("Date prévue du versement 2").fill(new Date(Date.now() + 90 * DAY).toISOString().slice(0, 10));
  await reviewerPage.getByRole("button", { name: "Enregistrer l'échéancier" }).click();
  await expect(reviewerPage.getByRole("status")).toContainText("L'échéancier est enregistré");
  await reviewerPage.getByLabel("Montant versé (avance)").fill("3 000");
  await reviewerPage.getByLabel("Date du versement (avance)").fill(today);
  await reviewerPage.getByRole("button", { name: "Enregistrer ce versement (avance)" }).click();
  await expect(reviewerPage.getByRole("status")).toContainText("Le versement est enregistré");
  await expect(reviewerPage.getByTestId("paid")).toContainText("3 000,00");
  await expectAccessible(reviewerPage);
  const paid = await db.instalment.findFirstOrThrow({ where: { subsidyId: subsidy.id, paidAt: { not: null } } });
  expect(paid.paidCents).toBe(3_000_00);

  // 5. The association follows it: its dossier links to the subsidy, which shows the payment.
  await memberPage.goto(dossierPath);
  await expectAccessible(memberPage);
  await memberPage
    .getByRole("link", { name: new RegExp(subsidy.number) })
    .first()
    .click();
  await expect(memberPage.getByRole("heading", { level: 1 })).toContainText(subsidy.number);
  await expect(memberPage.getByText(/3\s000,00\s€/).first()).toBeVisible();
  await expect(memberPage.getByRole("link", { name: new RegExp(deposited.number) }).first()).toBeVisible();
  await expectAccessible(memberPage);
});
