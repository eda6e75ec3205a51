// The staff dossier page as a desk: the summary, « Sur cette page », one decision panel. A
// reviewer asks for corrections with a reason and a due date, the association sees the time
// left and files again, the reviewer sees the request answered, scores and accepts; then the
// page says the truth (no form, notation closed).
import type { Browser, Page } from "@playwright/test";
import { createCall } from "../prisma/factories/call";
import { createDossier } from "../prisma/factories/dossier";
import { defaultCorrectionDueDay, parisDayKey } from "../app/review/correction-reasons";
import { formatDate } from "../app/lib/format";
import { expect, expectAccessible, getDb, loginAs, test, waitForMail } from "./support/fixtures";
import { E2E_URL } from "./support/paths";

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: E2E_URL, locale: "fr-FR", timezoneId: "Europe/Paris" });
  return context.newPage();
}

test.describe.configure({ timeout: 240_000 });

test("staff ask for corrections with a reason and a due date, the association answers, staff decide and the page says so", async ({
  page,
  browser,
}) => {
  const db = getDb();
  const reviewer = await loginAs(page, "staff", { name: "Denise Bureau" });
  const memberPage = await newPage(browser);
  const member = await loginAs(memberPage, "member", { representative: true, association: { name: "Les Ateliers du Bureau" } });
  const call = await createCall(db, {
    title: `Bureau d'instruction ${Date.now().toString(36)}`,
    reviewerIds: [reviewer.id],
    requiredAttachments: [],
  });
  const dossier = await createDossier(db, {
    callId: call.id,
    associationId: member.associationId!,
    state: "en_instruction",
    requestedCents: 6_000_00,
  });
  const here = `/instruction/dossiers/${dossier.id}`;

  // The summary and the in-page navigation.
  await page.goto(here);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(dossier.number);
  const summary = page.locator("header.desk-summary");
  await expect(summary.getByRole("link", { name: "Les Ateliers du Bureau" })).toHaveAttribute("href", /^\/annuaire\//);
  await expect(summary).toContainText(`exercice ${call.financialYear}`);
  await expect(summary).toContainText("Montant demandé");
  await expect(summary).toContainText("6\u202f000,00\u00a0€");
  const nav = page.getByRole("navigation", { name: "Sur cette page" });
  for (const label of ["Décision", "Notation", "Dossier", "Pièces jointes", "L'association", "Annotations", "Messagerie", "Historique"]) {
    await expect(nav.getByRole("link", { name: label, exact: true })).toBeVisible();
  }
  await expectAccessible(page);
  await nav.getByRole("link", { name: "Dossier", exact: true }).click();
  await expect(page).toHaveURL(/#dossier$/);
  await page.getByText("Le projet", { exact: true }).click();
  await expect(page.locator("#dossier details[open]")).toHaveCount(1);
  await nav.getByRole("link", { name: "L'association", exact: true }).click();
  await expect(page).toHaveURL(/#association$/);
  await expect(page.getByRole("heading", { name: "Subventions par exercice" })).toBeVisible();
  await expect(page.getByText("Aucun autre dossier déposé.")).toBeVisible();
  await nav.getByRole("link", { name: "Décision", exact: true }).click();
  await expect(page).toHaveURL(/#decision$/);

  // A due date that is not after today is refused in French, what was typed is kept.
  const message = "L'attestation d'assurance jointe a expiré : merci d'en joindre une à jour.";
  await page.getByLabel("Motif de la demande").selectOption({ label: "Pièce ou information périmée" });
  await page.getByLabel("Corrections demandées à l'association").fill(message);
  await page.getByLabel("À déposer avant le").fill(parisDayKey(new Date()));
  await page.getByRole("button", { name: "Renvoyer pour correction" }).click();
  await expect(page.getByText("Date limite : choisissez une date après aujourd'hui.").first()).toBeVisible();
  await expect(page.getByLabel("Corrections demandées à l'association")).toHaveValue(message);
  expect((await db.dossier.findUniqueOrThrow({ where: { id: dossier.id } })).state).toBe("en_instruction");

  // Due in five days.
  const dueDay = defaultCorrectionDueDay(new Date(), 5);
  const dueText = formatDate(new Date(`${dueDay}T12:00:00Z`));
  await page.getByLabel("À déposer avant le").fill(dueDay);
  await page.getByRole("button", { name: "Renvoyer pour correction" }).click();
  await expect(page.getByText("renvoyé en construction")).toBeVisible();
  const deadline = `Corrections demandées (Pièce ou information périmée) : à déposer avant le ${dueText} — encore 5 jours`;
  await expect(summary.getByText(deadline)).toBeVisible();
  // Awaiting the re-deposit: no second request, instruction still possible.
  await expect(page.getByRole("button", { name: "Renvoyer pour correction" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Passer en instruction" })).toBeVisible();
  await expectAccessible(page);
  const mail = await waitForMail(member.email, /corrections demandées/);
  expect(mail.text).toContain("Motif : Pièce ou information périmée");
  expect(mail.text).toContain(message);
  expect(mail.text).toContain(`à déposer avant le ${dueText}`);

  // The association sees the reason and the time left, and files the dossier again.
  const memberDossierUrl = `/espace/associations/${member.associationId}/dossiers/${dossier.id}`;
  await memberPage.goto(memberDossierUrl);
  await expect(memberPage.getByText(deadline)).toBeVisible();
  await expect(memberPage.getByText(message)).toBeVisible();
  await expectAccessible(memberPage);
  await memberPage.getByRole("button", { name: "Déposer le dossier corrigé" }).click();
  await expect(memberPage.getByText(/Dossier corrigé déposé de nouveau/)).toBeVisible();
  await expect(memberPage.getByText(deadline)).toHaveCount(0);

  // Staff see the request answered.
  await page.reload();
  await expect(summary.getByText(deadline)).toHaveCount(0);
  await expect(summary).toContainText(/Pièce ou information périmée, demandée le .* ; répondue par le dépôt du /);
  const row = await db.correctionRequest.findFirstOrThrow({ where: { dossierId: dossier.id } });
  expect(row.answeredAt).not.toBeNull();

  // Instruction, scoring, the decision.
  await page.getByRole("button", { name: "Passer en instruction" }).click();
  await expect(page.getByText("Le dossier est en instruction")).toBeVisible();
  await page.getByLabel(/Adéquation aux priorités/).fill("8");
  await page.getByLabel(/Qualité et faisabilité/).fill("7");
  await page.getByLabel(/Solidité financière/).fill("6");
  await page.getByRole("button", { name: "Enregistrer ma notation" }).click();
  await expect(page.getByText("Votre notation est enregistrée.")).toBeVisible();
  await page.getByLabel("Montant accordé (€)").fill("5 000");
  await page.getByLabel("Commentaire joint à la décision").fill("Projet utile, montant ajusté au budget.");
  await page.getByRole("button", { name: "Accepter le dossier" }).click();
  await expect(page.getByText("Dossier accepté")).toBeVisible();

  // Decided: what, when, by whom, how much, why; no form; the notation closed, my notes read only.
  const panel = page.locator("#decision");
  await expect(panel).toContainText("Le dossier est décidé : accepté.");
  await expect(panel).toContainText("Denise Bureau");
  await expect(panel).toContainText("5\u202f000,00\u00a0€");
  await expect(panel).toContainText("Projet utile, montant ajusté au budget.");
  for (const name of [
    "Accepter le dossier",
    "Refuser le dossier",
    "Classer sans suite",
    "Renvoyer pour correction",
    "Passer en instruction",
    "Enregistrer ma notation",
  ]) {
    await expect(page.getByRole("button", { name })).toHaveCount(0);
  }
  await expect(page.getByText("La notation est close : le dossier est décidé.")).toBeVisible();
  await expect(page.getByText("La notation s'ouvre quand le dossier est en instruction.")).toHaveCount(0);
  await expect(page.locator("#notation")).toContainText("8 / 10");
  // The subsidy the decision created, linked from the summary.
  const subsidy = await db.subsidy.findUniqueOrThrow({ where: { dossierId: dossier.id } });
  await expect(summary.getByRole("link", { name: subsidy.number })).toHaveAttribute("href", `/instruction/subventions/${subsidy.id}`);
  await expectAccessible(page);
});

test("without JavaScript: the correction form answers in French and keeps what was typed, then the refusal leaves no form", async ({
  browser,
}) => {
  const db = getDb();
  const context = await browser.newContext({ baseURL: E2E_URL, locale: "fr-FR", timezoneId: "Europe/Paris", javaScriptEnabled: false });
  const page = await context.newPage();
  const reviewer = await loginAs(page, "staff");
  const member = await loginAs(await newPage(browser), "member", { representative: true });
  const call = await createCall(db, {
    title: `Bureau sans script ${Date.now().toString(36)}`,
    reviewerIds: [reviewer.id],
    requiredAttachments: [],
  });
  const dossier = await createDossier(db, { callId: call.id, associationId: member.associationId!, state: "en_instruction" });
  await page.goto(`/instruction/dossiers/${dossier.id}`);

  const message = "Le relevé d'identité bancaire manque.";
  await page.getByLabel("Corrections demandées à l'association").fill(message);
  await page.getByLabel("À déposer avant le").fill("2020-01-10");
  await page.getByRole("button", { name: "Renvoyer pour correction" }).click();
  await expect(page.getByText("Date limite : choisissez une date après aujourd'hui.").first()).toBeVisible();
  await expect(page.getByLabel("Corrections demandées à l'association")).toHaveValue(message);
  await expect(page.getByLabel("Motif de la demande")).toHaveValue("incomplet");
  // (axe needs scripts: the same page is checked with JavaScript by the journey above.)
  expect(await db.correctionRequest.count({ where: { dossierId: dossier.id } })).toBe(0);

  await page.getByLabel("Motif du refus").fill("Hors du champ de l'appel.");
  await page.getByRole("button", { name: "Refuser le dossier" }).click();
  await expect(page.getByText("Dossier refusé ; l'association est prévenue.")).toBeVisible();
  await expect(page.locator("#decision")).toContainText("Hors du champ de l'appel.");
  await expect(page.locator("#decision form")).toHaveCount(0);
  await expect(page.getByText("La notation est close : le dossier est décidé.")).toBeVisible();
  await context.close();
});
