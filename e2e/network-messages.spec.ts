// The messagerie between associations: X's member contacts Y from Y's directory page (an empty
// message refused first, what was typed kept), lands on the conversation; Y's members are told by
// e-mail, see it unread, open it and reply; X sees the reply; Y reports X's message and staff are
// told. Who sees « Contacter cette association », and the 6th new conversation of the hour refused.
import type { Browser, Page } from "@playwright/test";
import { createConversation } from "../prisma/factories/conversations";
import { createAssociation } from "../prisma/factories/association";
import { enqueueSearchSync } from "../search/sync";
import { expect, expectAccessible, getDb, loginAs, test, waitForMail } from "./support/fixtures";
import { E2E_URL } from "./support/paths";

test.describe.configure({ timeout: 180_000 });

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: E2E_URL, locale: "fr-FR", timezoneId: "Europe/Paris" });
  return context.newPage();
}

const HOSTILE = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>`;

test("X contacts Y from the directory, Y replies, X reads the reply, Y reports X's message", async ({ page, browser }) => {
  const db = getDb();
  const tag = Math.random().toString(36).slice(2, 8);
  const x = await loginAs(page, "member", { name: `Xavier ${tag}`, association: { name: `Les Amis de X ${tag}` } });
  const yPage = await newPage(browser);
  const y = await loginAs(yPage, "member", { name: `Yasmine ${tag}`, association: { name: `Maison Y ${tag}` } });
  const ySlug = (await db.association.findUniqueOrThrow({ where: { id: y.associationId! }, select: { slug: true } })).slug;
  const subject = `Prêt de tables ${tag}`;

  // X opens Y's directory page and follows the contact link.
  await page.goto(`/annuaire/${ySlug}`);
  await expect(page.getByRole("heading", { level: 1, name: `Maison Y ${tag}` })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Contacter cette association" }).click();
  await page.waitForURL(`**/annuaire/${ySlug}/contacter`);
  await expect(page.getByRole("heading", { level: 1, name: `Contacter Maison Y ${tag}` })).toBeVisible();
  await expect(page.getByText(`Vous écrivez au nom de Les Amis de X ${tag}.`)).toBeVisible();
  await expectAccessible(page);

  // An empty message is refused, the subject kept.
  await page.getByLabel("Objet").fill(subject);
  await page.getByRole("button", { name: "Envoyer le message" }).click();
  await expect(page.getByText("Message : ce champ est obligatoire.").first()).toBeVisible();
  await expect(page.getByLabel("Objet")).toHaveValue(subject);
  await expectAccessible(page);

  // A hostile message is written as it was typed and shown as text.
  const body = `Bonjour, pourriez-vous nous prêter dix tables le 12 ? ${HOSTILE}`;
  await page.getByRole("textbox", { name: "Message", exact: true }).fill(body);
  await page.getByRole("button", { name: "Envoyer le message" }).click();
  await page.waitForURL(new RegExp(`/espace/associations/${x.associationId}/messagerie/[^/]+$`));
  const conversationId = page.url().split("/").pop()!;
  await expect(page.getByText(`Votre message a été envoyé à Maison Y ${tag}.`)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: subject })).toBeVisible();
  await expectAccessible(page);

  // Y's member is told by e-mail, with the link to Y's side of the conversation.
  const mail = await waitForMail(y.email, new RegExp(`Les Amis de X ${tag} vous a écrit : ${subject}`));
  expect(mail.text).toContain(`/espace/associations/${y.associationId}/messagerie/${conversationId}`);
  expect(mail.text).not.toContain(x.email);

  // Y sees it unread in its messagerie, opens it, reads the text as text.
  await yPage.goto(`/espace/associations/${y.associationId}/messagerie`);
  await expect(yPage.getByRole("heading", { level: 1, name: "Messagerie entre associations" })).toBeVisible();
  const line = yPage.getByRole("listitem").filter({ hasText: subject });
  await expect(line.getByText("non lu", { exact: true })).toBeVisible();
  await expect(line.getByRole("link", { name: `Les Amis de X ${tag}` })).toBeVisible();
  await expectAccessible(yPage);
  await line.getByRole("link", { name: subject }).click();
  await yPage.waitForURL(`**/messagerie/${conversationId}`);
  const messages = yPage.getByRole("list", { name: "Messages" });
  await expect(messages.getByText(body)).toBeVisible();
  await expect(messages.locator("img")).toHaveCount(0);
  expect(await yPage.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await expectAccessible(yPage);
  const read = await db.conversation.findUniqueOrThrow({ where: { id: conversationId } });
  expect(read.toReadAt).not.toBeNull();

  // Y replies.
  await yPage.getByLabel("Votre réponse").fill(`Bien sûr, passez jeudi ${tag}.`);
  await yPage.getByRole("button", { name: "Envoyer la réponse" }).click();
  await expect(yPage.getByText("Votre réponse a été envoyée.")).toBeVisible();
  await expect(messages.getByText(`Bien sûr, passez jeudi ${tag}.`)).toBeVisible();
  await expect(yPage.getByLabel("Votre réponse")).toHaveValue("");

  // X sees the reply, marked unread in X's messagerie.
  await page.goto(`/espace/associations/${x.associationId}/messagerie`);
  const xLine = page.getByRole("listitem").filter({ hasText: subject });
  await expect(xLine.getByText("non lu", { exact: true })).toBeVisible();
  await xLine.getByRole("link", { name: subject }).click();
  await page.waitForURL(`**/messagerie/${conversationId}`);
  await expect(page.getByRole("list", { name: "Messages" }).getByText(`Bien sûr, passez jeudi ${tag}.`)).toBeVisible();
  await expectAccessible(page);
  // Only the other side's messages can be reported.
  await expect(page.getByRole("list", { name: "Messages" }).getByText("Signaler ce message")).toHaveCount(1);

  // Y reports X's message: the reason is required, then the CCAS is told.
  const first = messages.getByRole("listitem").filter({ hasText: "dix tables" });
  await first.getByText("Signaler ce message").click();
  await first.getByRole("button", { name: "Envoyer le signalement" }).click();
  await expect(first.getByText("Motif du signalement : ce champ est obligatoire.").first()).toBeVisible();
  await first.getByLabel("Motif du signalement").fill(`Code HTML douteux ${tag}`);
  await first.getByRole("button", { name: "Envoyer le signalement" }).click();
  await expect(yPage.getByText("Merci : votre signalement a été transmis au CCAS, qui va l'examiner.")).toBeVisible();
  await expectAccessible(yPage);
  const report = await db.abuseReport.findFirstOrThrow({ where: { reason: `Code HTML douteux ${tag}` } });
  expect(report).toMatchObject({ reporterId: y.id, reporterAssociationId: y.associationId, status: "open" });
  const reported = await db.conversationMessage.findUniqueOrThrow({ where: { id: report.messageId! } });
  expect(reported.associationId).toBe(x.associationId);
  await waitForMail("instructrice@ccas-besancon.test", new RegExp(`Signalement : un message de Les Amis de X ${tag}`));
  await yPage.context().close();
});

test("the contact link shows for members of another association only; staff and own members are refused", async ({ page, browser }) => {
  const db = getDb();
  const tag = Math.random().toString(36).slice(2, 8);
  const own = await loginAs(page, "member", { association: { name: `Association fermée ${tag}` } });
  const slug = (await db.association.findUniqueOrThrow({ where: { id: own.associationId! }, select: { slug: true } })).slug;

  await page.goto(`/annuaire/${slug}`);
  await expect(page.getByRole("heading", { level: 1, name: `Association fermée ${tag}` })).toBeVisible();
  await expect(page.getByRole("link", { name: "Contacter cette association" })).toHaveCount(0);
  const ownAnswer = await page.goto(`/annuaire/${slug}/contacter`);
  expect(ownAnswer?.status()).toBe(403);
  await expect(page.getByText("Vous ne pouvez pas écrire à votre propre association.")).toBeVisible();

  const staffPage = await newPage(browser);
  await loginAs(staffPage, "staff");
  await staffPage.goto(`/annuaire/${slug}`);
  await expect(staffPage.getByRole("heading", { level: 1, name: `Association fermée ${tag}` })).toBeVisible();
  await expect(staffPage.getByRole("link", { name: "Contacter cette association" })).toHaveCount(0);
  const staffAnswer = await staffPage.goto(`/annuaire/${slug}/contacter`);
  expect(staffAnswer?.status()).toBe(403);
  await expect(staffPage.getByText("Les comptes du CCAS n'écrivent pas aux associations par l'annuaire")).toBeVisible();
  await expectAccessible(staffPage);
  await staffPage.context().close();

  const anonymous = await newPage(browser);
  await anonymous.goto(`/annuaire/${slug}`);
  await expect(anonymous.getByRole("heading", { level: 1, name: `Association fermée ${tag}` })).toBeVisible();
  await expect(anonymous.getByRole("link", { name: "Contacter cette association" })).toHaveCount(0);
  await anonymous.goto(`/annuaire/${slug}/contacter`);
  await anonymous.waitForURL(/\/connexion\?redirectTo=/);
  await anonymous.context().close();
});

test("the 6th new conversation of the hour is refused with a French message, what was typed kept", async ({ page }) => {
  const db = getDb();
  const tag = Math.random().toString(36).slice(2, 8);
  const writer = await loginAs(page, "member", { association: { name: `Association pressée ${tag}` } });
  const made: string[] = [];
  // Five conversations this person started in the last minutes.
  for (let i = 0; i < 5; i += 1) {
    const other = await createAssociation(db, { name: `Destinataire ${i} ${tag}` });
    made.push(other.id);
    await createConversation(db, {
      fromAssociationId: writer.associationId!,
      toAssociationId: other.id,
      startedById: writer.id,
      messages: [{ from: "from", body: `Bonjour ${i}`, authorId: writer.id }],
    });
  }
  const target = await createAssociation(db, { name: `Sixième association ${tag}` });
  made.push(target.id);
  await page.goto(`/annuaire/${target.slug}/contacter`);
  await page.getByLabel("Objet").fill(`Encore une demande ${tag}`);
  await page.getByRole("textbox", { name: "Message", exact: true }).fill("Une sixième prise de contact.");
  await page.getByRole("button", { name: "Envoyer le message" }).click();
  await expect(page.getByText("Vous avez envoyé beaucoup de messages en peu de temps. Réessayez dans une heure").first()).toBeVisible();
  await expect(page.getByLabel("Objet")).toHaveValue(`Encore une demande ${tag}`);
  await expect(page.getByRole("textbox", { name: "Message", exact: true })).toHaveValue("Une sixième prise de contact.");
  expect(await db.conversation.count({ where: { startedById: writer.id } })).toBe(5);
  await expectAccessible(page);
  // The associations this test made go (their conversations with them), and leave the directory's index.
  await db.association.deleteMany({ where: { id: { in: made } } });
  await enqueueSearchSync(db, made);
});
