// An expert opinion given through its link: a reviewer asks an elected official (no account) for
// an opinion on a dossier; the official opens the e-mailed link without a session, reads the
// dossier, downloads an attachment, answers with a text and a PDF; the reviewer reads the answer
// and downloads the file. A link that is not valid gets the same French page.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createAssociation } from "../prisma/factories/association";
import { createCall } from "../prisma/factories/call";
import { createDossier } from "../prisma/factories/dossier";
import { expect, expectAccessible, getDb, linkIn, loginAs, test, uniqueEmail, waitForMail } from "./support/fixtures";
import { E2E_DATA_DIR, E2E_URL } from "./support/paths";

test.describe.configure({ timeout: 180_000 });

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n% avis de l'élue\n%%EOF\n");
const parisDay = (offsetDays: number) =>
  new Intl.DateTimeFormat("fr-CA", { timeZone: "Europe/Paris" }).format(new Date(Date.now() + offsetDays * 86_400_000));

test("an elected official gives an opinion through the link, staff read it and download the file", async ({ page, browser }) => {
  const db = getDb();
  const reviewer = await loginAs(page, "staff", { name: "Inès Instructrice" });
  const call = await createCall(db, { title: `Avis ${Date.now().toString(36)}`, reviewerIds: [reviewer.id], requiredAttachments: [] });
  const association = await createAssociation(db, { status: "validated", name: `Lire Ensemble ${Date.now().toString(36)}` });
  const dossier = await createDossier(db, { callId: call.id, associationId: association.id, state: "en_instruction" });
  // One attachment, which the official downloads through the link.
  const storedName = `e2e-avis-${randomBytes(6).toString("hex")}.pdf`;
  mkdirSync(path.join(E2E_DATA_DIR, "uploads"), { recursive: true });
  writeFileSync(path.join(E2E_DATA_DIR, "uploads", storedName), PDF);
  const document = await db.document.create({
    data: {
      associationId: association.id,
      kind: "statuts",
      label: "Statuts signés",
      originalName: "statuts.pdf",
      storedName,
      mimeType: "application/pdf",
      size: PDF.length,
      sha256: "0",
    },
  });
  await db.dossierAttachment.create({ data: { dossierId: dossier.id, documentId: document.id, kind: "statuts" } });

  // The reviewer asks.
  const expertEmail = uniqueEmail("elue");
  await page.goto(`/instruction/dossiers/${dossier.id}`);
  await expect(page.getByRole("heading", { name: "Avis demandés" })).toBeVisible();
  await page.getByLabel("Nom de la personne consultée").fill("Mme Claire Dupont");
  await page.getByLabel("Son adresse e-mail").fill(expertEmail);
  await page.getByLabel("Question posée").fill("Le projet répond-il aux besoins du quartier de Planoise ?");
  await page.getByLabel("Date limite de réponse").fill(parisDay(0));
  await page.getByRole("button", { name: "Envoyer la demande d'avis" }).click();
  // Today is refused, in French, and what was typed stays.
  await expect(page.getByText("Date limite : choisissez une date après aujourd'hui.").first()).toBeVisible();
  await expect(page.getByLabel("Son adresse e-mail")).toHaveValue(expertEmail);
  await page.getByLabel("Date limite de réponse").fill(parisDay(10));
  await page.getByRole("button", { name: "Envoyer la demande d'avis" }).click();
  await expect(page.getByText("Demande d'avis envoyée à Mme Claire Dupont.")).toBeVisible();
  const section = page.locator("#avis");
  await expect(section.getByText("Avis attendu")).toBeVisible();
  await expectAccessible(page);

  // The official opens the e-mailed link, without any session.
  const mail = await waitForMail(expertEmail, /Demande d'avis/);
  const link = linkIn(mail, "/avis/");
  expect(link.startsWith(`${E2E_URL}/avis/`)).toBe(true);
  const context = await browser.newContext({ baseURL: E2E_URL, locale: "fr-FR", timezoneId: "Europe/Paris" });
  const expert = await context.newPage();
  await expert.goto(link);
  await expect(expert.getByRole("heading", { level: 1 })).toHaveText(`Demande d'avis – dossier ${dossier.number}`);
  await expect(expert.getByText("Le projet répond-il aux besoins du quartier de Planoise ?")).toBeVisible();
  await expect(expert.getByRole("heading", { name: "Identification de l'association" })).toBeVisible();
  await expectAccessible(expert);
  const [attachment] = await Promise.all([expert.waitForEvent("download"), expert.getByRole("link", { name: "Statuts signés" }).click()]);
  expect(readFileSync(await attachment.path()).equals(PDF)).toBe(true);

  // An empty answer is refused in French; then the answer with a PDF.
  await expert.getByRole("button", { name: "Envoyer mon avis" }).click();
  await expect(expert.getByText("Votre avis : ce champ est obligatoire.").first()).toBeVisible();
  const answer = "Avis favorable : l'atelier répond à une demande forte des habitants.";
  await expert.getByRole("textbox", { name: "Votre avis" }).fill(answer);
  await expert.getByLabel(/Fichier joint/).setInputFiles({ name: "avis-dupont.pdf", mimeType: "application/pdf", buffer: PDF });
  await expert.getByRole("button", { name: "Envoyer mon avis" }).click();
  await expect(expert.getByRole("heading", { name: "Merci pour votre avis" })).toBeVisible();
  await expect(expert.getByText(answer)).toBeVisible();
  await expect(expert.getByRole("button", { name: "Envoyer mon avis" })).toHaveCount(0);
  await expectAccessible(expert);

  // A link that is not valid: the same French page for everyone.
  const refused = await expert.goto(`${link}x`);
  expect(refused?.status()).toBe(404);
  await expect(expert.getByText("Ce lien de demande d'avis n'est pas valide")).toBeVisible();
  await context.close();

  // The reviewer reads the answer and downloads the file.
  await page.reload();
  await expect(section.getByText("Avis rendu", { exact: true })).toBeVisible();
  await expect(section.getByText(answer)).toBeVisible();
  const [file] = await Promise.all([page.waitForEvent("download"), section.getByRole("link", { name: "avis-dupont.pdf" }).click()]);
  expect(file.suggestedFilename()).toBe("avis-dupont.pdf");
  expect(readFileSync(await file.path()).equals(PDF)).toBe(true);
  await expect(page.getByRole("cell", { name: "Avis reçu" })).toBeVisible();
  await expectAccessible(page);
});

test("a reminder sends a new link that replaces the first, and a cancelled request's link is refused", async ({ page, browser }) => {
  const db = getDb();
  const reviewer = await loginAs(page, "staff", { name: "Paul Instructeur" });
  const call = await createCall(db, {
    title: `Avis relance ${Date.now().toString(36)}`,
    reviewerIds: [reviewer.id],
    requiredAttachments: [],
  });
  const association = await createAssociation(db, { status: "validated", name: `Jouer Ensemble ${Date.now().toString(36)}` });
  const dossier = await createDossier(db, { callId: call.id, associationId: association.id, state: "en_construction" });
  const expertEmail = uniqueEmail("partenaire");
  await page.goto(`/instruction/dossiers/${dossier.id}`);
  await page.getByLabel("Nom de la personne consultée").fill("M. Karim Benali");
  await page.getByLabel("Son adresse e-mail").fill(expertEmail);
  await page.getByLabel("Question posée").fill("La Mission locale peut-elle accueillir ce public ?");
  await page.getByLabel("Date limite de réponse").fill(parisDay(5));
  await page.getByLabel("Avis confidentiel").check();
  await page.getByRole("button", { name: "Envoyer la demande d'avis" }).click();
  await expect(page.getByText("Demande d'avis envoyée à M. Karim Benali.")).toBeVisible();
  const section = page.locator("#avis");
  await expect(section.getByText("Confidentiel", { exact: true })).toBeVisible();
  const first = linkIn(await waitForMail(expertEmail, /Demande d'avis/), "/avis/");

  await section.getByRole("button", { name: "Relancer M. Karim Benali" }).click();
  await expect(page.getByText("M. Karim Benali est relancé·e par courriel, avec un nouveau lien.")).toBeVisible();
  // Once a day at most: the button gives way to a note.
  await expect(section.getByRole("button", { name: "Relancer M. Karim Benali" })).toHaveCount(0);
  const second = linkIn(await waitForMail(expertEmail, /Rappel/), "/avis/");
  expect(second).not.toBe(first);

  const context = await browser.newContext({ baseURL: E2E_URL, locale: "fr-FR", timezoneId: "Europe/Paris" });
  const expert = await context.newPage();
  expect((await expert.goto(first))?.status()).toBe(404);
  await expect(expert.getByText("Ce lien de demande d'avis n'est pas valide")).toBeVisible();
  await expectAccessible(expert);
  expect((await expert.goto(second))?.status()).toBe(200);
  await expect(expert.getByText("Votre avis est confidentiel : seul le personnel du CCAS le lira.")).toBeVisible();

  await section.getByRole("button", { name: "Annuler la demande à M. Karim Benali" }).click();
  await expect(page.getByText("La demande d'avis à M. Karim Benali est annulée : son lien ne fonctionne plus.")).toBeVisible();
  await expect(section.getByText("Demande annulée")).toBeVisible();
  expect((await expert.goto(second))?.status()).toBe(404);
  await expect(expert.getByText("Ce lien de demande d'avis n'est pas valide")).toBeVisible();
  await context.close();
  const history = page.getByRole("table").filter({ hasText: "Historique" });
  await expect(history.getByRole("cell", { name: "Relance d'une demande d'avis" })).toBeVisible();
  await expect(history.getByRole("cell", { name: "Demande d'avis annulée" })).toBeVisible();
});
