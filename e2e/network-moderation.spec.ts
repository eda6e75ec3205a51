// The CCAS moderates the network: a post hidden with a reason (its association told by e-mail),
// shown again; reports handled — a message hidden (« Masquer »), a post report classed without
// follow-up — each reporter told. What members wrote is shown as text, never as HTML.
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { createAssociation } from "../prisma/factories/association";
import { createNetworkPost } from "../prisma/factories/network";
import { addMembership, createUser } from "../prisma/factories/user";
import { expect, expectAccessible, getDb, loginAs, test, uniqueEmail, waitForMail } from "./support/fixtures";

const HOSTILE = `<script>window.__xss = 1</script><img src="x" onerror="window.__xss = 1">`;

async function associationWithMember(label: string) {
  const db = getDb();
  const association = await createAssociation(db, { status: "validated", name: `${label} ${randomBytes(3).toString("hex")}` });
  const user = await createUser(db, { email: uniqueEmail("reseau") });
  await addMembership(db, user.id, association.id, true);
  return { ...association, user };
}

async function openModeration(page: Page) {
  await page.goto("/instruction");
  await page.getByRole("link", { name: "Modérer le réseau" }).click();
  await page.waitForURL("**/instruction/reseau");
  await expect(page.getByRole("heading", { name: "Réseau : annonces et signalements", level: 1 })).toBeVisible();
}

const articleTitled = (page: Page, heading: string) =>
  page.getByRole("article").filter({ has: page.getByRole("heading", { name: heading, exact: true }) });

test("staff hide a post with a reason its association receives, then show it again", async ({ page }) => {
  await loginAs(page, "staff");
  const author = await associationWithMember("Amicale des locataires");
  const title = `Annonce à modérer ${randomBytes(3).toString("hex")}`;
  const post = await createNetworkPost(getDb(), author.id, { title, body: `Texte de l'annonce ${HOSTILE}` });

  await openModeration(page);
  await expectAccessible(page);
  const article = articleTitled(page, title);
  await expect(article.getByText(HOSTILE, { exact: false })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

  await article.getByRole("button", { name: "Masquer l'annonce" }).click();
  await expect(article.getByText("Indiquez le motif du masquage.").first()).toBeVisible();
  await article.getByLabel("Motif du masquage, lu par l'association").fill("Annonce commerciale : les ventes ne sont pas admises.");
  await article.getByRole("button", { name: "Masquer l'annonce" }).click();
  await expect(page.getByText("L'annonce est masquée ; les membres de l'association en sont informés par courriel.")).toBeVisible();
  await expect(articleTitled(page, title).getByText("Annonce commerciale : les ventes ne sont pas admises.")).toBeVisible();
  await expectAccessible(page);

  // Its association hears of it, with the reason and the link to its post.
  const mail = await waitForMail(author.user.email, /a été masquée/, 20_000);
  expect(mail.subject).toBe(`Votre annonce « ${title} » a été masquée`);
  expect(mail.text).toContain("Motif : Annonce commerciale : les ventes ne sont pas admises.");
  expect(mail.text).toContain(`/espace/associations/${author.id}/reseau/${post.id}`);

  // Only the hidden ones, then shown again.
  await page.getByLabel("Masquage", { exact: true }).selectOption("masquees");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await page.waitForURL(/masquage=masquees/);
  await articleTitled(page, title).getByRole("button", { name: "Afficher de nouveau l'annonce" }).click();
  await expect(page.getByText("L'annonce est de nouveau visible.")).toBeVisible();
  await expect(articleTitled(page, title)).toHaveCount(0);
  expect((await getDb().networkPost.findUniqueOrThrow({ where: { id: post.id } })).hiddenAt).toBeNull();
});

test("staff uphold a message report (the message is hidden) and dismiss a post report; the reporters are told", async ({ page }) => {
  const db = getDb();
  await loginAs(page, "staff");
  const writer = await associationWithMember("Comité de quartier");
  const reader = await associationWithMember("Maison des familles");
  const subject = `Prêt de salle ${randomBytes(3).toString("hex")}`;
  const conversation = await db.conversation.create({
    data: { fromAssociationId: writer.id, toAssociationId: reader.id, subject, startedById: writer.user.id },
  });
  const message = await db.conversationMessage.create({
    data: { conversationId: conversation.id, associationId: writer.id, authorId: writer.user.id, body: `Message insultant ${HOSTILE}` },
  });
  await db.abuseReport.create({
    data: { reporterId: reader.user.id, reporterAssociationId: reader.id, messageId: message.id, reason: `Propos blessants ${HOSTILE}` },
  });
  const postTitle = `Annonce signalée ${randomBytes(3).toString("hex")}`;
  const post = await createNetworkPost(db, writer.id, { title: postTitle });
  const postReport = await db.abuseReport.create({
    data: { reporterId: reader.user.id, reporterAssociationId: reader.id, postId: post.id, reason: "Publiée deux fois" },
  });

  await openModeration(page);
  const messageReport = articleTitled(page, `Message signalé : ${subject}`);
  await expect(messageReport.getByText(`Propos blessants ${HOSTILE}`)).toBeVisible();
  await expect(messageReport.getByText(`${writer.name} à ${reader.name}`)).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await expectAccessible(page);

  await messageReport.getByLabel("Motif du masquage, lu par l'association").fill("Propos injurieux envers une autre association.");
  await messageReport.getByRole("button", { name: "Masquer", exact: true }).click();
  await expect(page.getByText("Signalement traité : le contenu est masqué et la personne qui l'a signalé en est informée.")).toBeVisible();
  await expect(articleTitled(page, `Message signalé : ${subject}`)).toHaveCount(0);
  const hidden = await db.conversationMessage.findUniqueOrThrow({ where: { id: message.id } });
  expect(hidden.hiddenReason).toBe("Propos injurieux envers une autre association.");
  const upheld = await waitForMail(reader.user.email, /le contenu a été masqué/, 20_000);
  expect(upheld.text).toContain("Propos injurieux envers une autre association.");

  const report = articleTitled(page, `Annonce signalée : ${postTitle}`);
  await report.getByLabel("Précision pour la personne qui a signalé").fill("Une seule annonce est en ligne.");
  await report.getByRole("button", { name: "Classer sans suite" }).click();
  await expect(page.getByText("Signalement classé sans suite ; la personne qui l'a signalé en est informée.")).toBeVisible();
  await expectAccessible(page);
  expect((await db.abuseReport.findUniqueOrThrow({ where: { id: postReport.id } })).status).toBe("dismissed");
  expect((await db.networkPost.findUniqueOrThrow({ where: { id: post.id } })).hiddenAt).toBeNull();
  const dismissed = await waitForMail(reader.user.email, /classé sans suite/, 20_000);
  expect(dismissed.text).toContain("Précision du CCAS : Une seule annonce est en ligne.");
});
