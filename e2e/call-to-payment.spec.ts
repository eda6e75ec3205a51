// The whole path of a project, as its users click through it: an administrator publishes a call
// for the next financial year; an association applies and deposits (the form's steps are covered by
// call-application.spec.ts: here the project's sections are filled in the database, the declaration
// is signed and the dossier deposited through the pages); a reviewer instructs and accepts it; the
// subsidy it creates is voted, scheduled and its first instalment paid; the association follows it
// from its dossier to the payment.
import { expect, expectAccessible, getDb, loginAs, test, waitForMail } from "./support/fixtures";
import { fillDossierSections, signAndDeposit, voteScheduleAndPayAdvance, writeCallDraft } from "./support/journeys";
import { E2E_URL } from "./support/paths";

test("from the call's publication to the first payment", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const db = getDb();
  const tag = Date.now().toString(36);
  const nextYear = new Date().getFullYear() + 1;
  const reviewerPage = await (await browser.newContext({ baseURL: E2E_URL, locale: "fr-FR", timezoneId: "Europe/Paris" })).newPage();
  const reviewer = await loginAs(reviewerPage, "staff", { name: "Rémi Instructeur" });

  // 1. The administrator writes the call for next year's exercice and publishes it.
  await loginAs(page, "admin");
  const title = `Accès aux droits ${nextYear} ${tag}`;
  await page.goto("/admin/appels/nouveau");
  await expect(page.getByLabel("Exercice budgétaire")).toHaveValue(String(nextYear));
  const call = await writeCallDraft(page, { title, reviewerEmail: reviewer.email });
  await page.getByRole("button", { name: "Publier l'appel" }).click();
  await expect(page.getByRole("heading", { name: /État : Publié/ })).toBeVisible();
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
  const projectTitle = `Permanences du mardi ${tag}`;
  await fillDossierSections(started.id, { title: projectTitle, requestedCents: 6_000_00 });
  const dossierPath = `/espace/associations/${associationId}/dossiers/${started.id}`;
  await signAndDeposit(memberPage, dossierPath, new RegExp(`Dossier déposé sous le numéro AAP-${nextYear}-\\d{4}`));
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
  await voteScheduleAndPayAdvance(reviewerPage, { deliberationRef: `CA-${tag}`, votedCents: 5_500_00, advanceCents: 3_000_00 });
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
