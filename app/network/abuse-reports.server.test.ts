// Abuse reports on a real SQLite database: a member reports a message written to their
// association (not their own, not another conversation's), once while it is open; staff are told
// by a queued e-mail; a post of another association can be reported the same way.
import { describe, expect, it } from "vitest";
import { createAssociation } from "../../prisma/factories/association";
import { createConversation } from "../../prisma/factories/conversations";
import { createNetworkPost } from "../../prisma/factories/network";
import { addMembership, createUser } from "../../prisma/factories/user";

const { prisma } = await import("../db.server");
const { reportMessage, reportPost } = await import("./abuse-reports.server");

async function memberOf() {
  const association = await createAssociation(prisma);
  const user = await createUser(prisma);
  await addMembership(prisma, user.id, association.id, false);
  return { ...association, user };
}

describe("abuse reports", () => {
  it("records a report of the other side's message once, and tells the staff by e-mail", async () => {
    const staff = await createUser(prisma, { role: "staff" });
    const a = await memberOf();
    const b = await memberOf();
    const { messageIds } = await createConversation(prisma, {
      fromAssociationId: a.id,
      toAssociationId: b.id,
      messages: [
        { from: "from", body: "Message douteux" },
        { from: "to", body: "Réponse de B" },
      ],
    });
    const reporter = { reporterId: b.user.id, reporterAssociationId: b.id };
    const report = await reportMessage({ ...reporter, messageId: messageIds[0], reason: "  Démarchage  " });
    const row = await prisma.abuseReport.findUniqueOrThrow({ where: { id: report.id } });
    expect(row).toMatchObject({
      messageId: messageIds[0],
      reporterId: b.user.id,
      reporterAssociationId: b.id,
      reason: "Démarchage",
      status: "open",
    });
    const mail = await prisma.emailMessage.findFirstOrThrow({
      where: { to: staff.email, subject: `Signalement : un message de ${a.name}` },
    });
    expect(mail.text).toContain(`${b.name} signale un message de ${a.name}`);
    expect(mail.text).toContain("Démarchage");
    expect(mail.text).toContain("/instruction/reseau");
    expect(mail.text).not.toContain("Message douteux");

    await expect(reportMessage({ ...reporter, messageId: messageIds[0], reason: "Encore" })).rejects.toMatchObject({
      status: 409,
      code: "already_reported",
    });
    // Once handled, the same person may report it again.
    await prisma.abuseReport.update({ where: { id: report.id }, data: { status: "dismissed", handledAt: new Date() } });
    await reportMessage({ ...reporter, messageId: messageIds[0], reason: "Il recommence" });
    expect(await prisma.abuseReport.count({ where: { messageId: messageIds[0] } })).toBe(2);
  });

  it("refuses one's own message, another conversation's, a hidden one, a non-member and an empty reason", async () => {
    const a = await memberOf();
    const b = await memberOf();
    const stranger = await memberOf();
    const { messageIds } = await createConversation(prisma, {
      fromAssociationId: a.id,
      toAssociationId: b.id,
      messages: [
        { from: "from", body: "De A" },
        { from: "to", body: "De B" },
      ],
    });
    const asB = { reporterId: b.user.id, reporterAssociationId: b.id, reason: "Motif" };
    await expect(reportMessage({ ...asB, messageId: messageIds[1] })).rejects.toMatchObject({ status: 404 });
    await expect(
      reportMessage({ reporterId: stranger.user.id, reporterAssociationId: stranger.id, reason: "Motif", messageId: messageIds[0] }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(reportMessage({ ...asB, reporterId: stranger.user.id, messageId: messageIds[0] })).rejects.toMatchObject({ status: 404 });
    await expect(reportMessage({ ...asB, reason: "   ", messageId: messageIds[0] })).rejects.toMatchObject({ field: "reason" });
    await expect(reportMessage({ ...asB, reason: "x".repeat(1001), messageId: messageIds[0] })).rejects.toMatchObject({ field: "reason" });
    await prisma.conversationMessage.update({ where: { id: messageIds[0] }, data: { hiddenAt: new Date() } });
    await expect(reportMessage({ ...asB, messageId: messageIds[0] })).rejects.toMatchObject({ status: 404 });
    expect(await prisma.abuseReport.count({ where: { messageId: { in: messageIds } } })).toBe(0);
  });

  it("reports another association's visible post, not one's own or a hidden one", async () => {
    const author = await memberOf();
    const reader = await memberOf();
    const post = await createNetworkPost(prisma, author.id, { title: "Offre de locaux" });
    await reportPost({ reporterId: reader.user.id, reporterAssociationId: reader.id, postId: post.id, reason: "Annonce trompeuse" });
    expect(await prisma.abuseReport.count({ where: { postId: post.id, status: "open" } })).toBe(1);
    await expect(
      reportPost({ reporterId: author.user.id, reporterAssociationId: author.id, postId: post.id, reason: "Moi-même" }),
    ).rejects.toMatchObject({ status: 404 });
    const hidden = await createNetworkPost(prisma, author.id, { title: "Masquée" });
    await prisma.networkPost.update({ where: { id: hidden.id }, data: { hiddenAt: new Date() } });
    await expect(
      reportPost({ reporterId: reader.user.id, reporterAssociationId: reader.id, postId: hidden.id, reason: "Motif" }),
    ).rejects.toMatchObject({ status: 404 });
  });
});
