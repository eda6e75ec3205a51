// Staff moderation on a real SQLite database: hiding a post tells its association why, showing it
// again clears the reason; a report upheld hides its message and closes every open report of it,
// a report dismissed hides nothing; each reporter is told; handled reports go after a year.
import { describe, expect, it } from "vitest";
import { createAssociation } from "../../prisma/factories/association";
import { createNetworkPost } from "../../prisma/factories/network";
import { addMembership, createUser } from "../../prisma/factories/user";

const { prisma } = await import("../db.server");
const { dismissReport, hidePost, purgeHandledAbuseReports, unhidePost, unhideMessage, upholdReport } = await import("./moderation.server");

async function associationWithMember() {
  const association = await createAssociation(prisma, { status: "validated" });
  const member = await createUser(prisma);
  await addMembership(prisma, member.id, association.id, true);
  return { ...association, member };
}

async function messageBetween(a: { id: string; member: { id: string } }, b: { id: string }) {
  const conversation = await prisma.conversation.create({
    data: { fromAssociationId: a.id, toAssociationId: b.id, subject: "Prêt de salle", startedById: a.member.id },
  });
  return prisma.conversationMessage.create({
    data: { conversationId: conversation.id, associationId: a.id, authorId: a.member.id, body: "Un message déplacé." },
  });
}

describe("moderation of posts", () => {
  it("hides a post with a reason its association's members receive, audited; showing it again clears the reason", async () => {
    const staff = await createUser(prisma, { role: "staff" });
    const author = await associationWithMember();
    const post = await createNetworkPost(prisma, author.id, { title: "Annonce à masquer" });
    await hidePost({ postId: post.id, reason: "Annonce commerciale, contraire à la charte." }, staff);
    const hidden = await prisma.networkPost.findUniqueOrThrow({ where: { id: post.id } });
    expect(hidden.hiddenAt).not.toBeNull();
    expect(hidden.hiddenReason).toBe("Annonce commerciale, contraire à la charte.");
    expect(hidden.hiddenById).toBe(staff.id);
    const mail = await prisma.emailMessage.findFirstOrThrow({ where: { to: author.member.email } });
    expect(mail.subject).toBe("Votre annonce « Annonce à masquer » a été masquée");
    expect(mail.text).toContain("Motif : Annonce commerciale, contraire à la charte.");
    expect(mail.text).toContain(`/espace/associations/${author.id}/reseau/${post.id}`);
    expect(await prisma.auditEvent.count({ where: { entityType: "network_post", entityId: post.id, action: "masquage_annonce" } })).toBe(1);

    await unhidePost({ postId: post.id }, staff);
    const shown = await prisma.networkPost.findUniqueOrThrow({ where: { id: post.id } });
    expect([shown.hiddenAt, shown.hiddenReason, shown.hiddenById]).toEqual([null, null, null]);
    await expect(unhidePost({ postId: post.id }, staff)).rejects.toMatchObject({ code: "not_hidden", status: 409 });
    await expect(hidePost({ postId: "inconnue", reason: "x" }, staff)).rejects.toMatchObject({ status: 404 });
  });
});

describe("abuse reports", () => {
  it("« Masquer » hides the reported message with the resolution, closes every open report of it and tells each reporter", async () => {
    const staff = await createUser(prisma, { role: "staff" });
    const writer = await associationWithMember();
    const reader = await associationWithMember();
    const other = await createUser(prisma);
    await addMembership(prisma, other.id, reader.id);
    const message = await messageBetween(writer, reader);
    const first = await prisma.abuseReport.create({
      data: { reporterId: reader.member.id, reporterAssociationId: reader.id, messageId: message.id, reason: "Insultant" },
    });
    await prisma.abuseReport.create({
      data: { reporterId: other.id, reporterAssociationId: reader.id, messageId: message.id, reason: "Idem" },
    });

    await upholdReport({ reportId: first.id, resolution: "Propos injurieux." }, staff);
    const hidden = await prisma.conversationMessage.findUniqueOrThrow({ where: { id: message.id } });
    expect(hidden.hiddenReason).toBe("Propos injurieux.");
    expect(hidden.hiddenById).toBe(staff.id);
    const reports = await prisma.abuseReport.findMany({ where: { messageId: message.id } });
    expect(reports.map((r) => [r.status, r.resolution, r.handledById])).toEqual([
      ["upheld", "Propos injurieux.", staff.id],
      ["upheld", "Propos injurieux.", staff.id],
    ]);
    for (const email of [reader.member.email, other.email]) {
      const mail = await prisma.emailMessage.findFirstOrThrow({ where: { to: email } });
      expect(mail.subject).toBe("Votre signalement : le contenu a été masqué");
      expect(mail.text).toContain("Propos injurieux.");
    }
    await expect(dismissReport({ reportId: first.id, resolution: null }, staff)).rejects.toMatchObject({
      code: "already_handled",
      status: 409,
    });
    expect(await prisma.auditEvent.count({ where: { entityType: "abuse_report", action: "signalement_retenu", entityId: first.id } })).toBe(
      1,
    );

    await unhideMessage({ messageId: message.id }, staff);
    expect((await prisma.conversationMessage.findUniqueOrThrow({ where: { id: message.id } })).hiddenAt).toBeNull();
  });

  it("« Classer sans suite » hides nothing and tells the reporter, with the resolution when given", async () => {
    const staff = await createUser(prisma, { role: "staff" });
    const author = await associationWithMember();
    const reporter = await associationWithMember();
    const post = await createNetworkPost(prisma, author.id);
    const report = await prisma.abuseReport.create({
      data: { reporterId: reporter.member.id, reporterAssociationId: reporter.id, postId: post.id, reason: "Doublon" },
    });
    await dismissReport({ reportId: report.id, resolution: "L'annonce respecte la charte." }, staff);
    expect((await prisma.networkPost.findUniqueOrThrow({ where: { id: post.id } })).hiddenAt).toBeNull();
    expect((await prisma.abuseReport.findUniqueOrThrow({ where: { id: report.id } })).status).toBe("dismissed");
    const mail = await prisma.emailMessage.findFirstOrThrow({ where: { to: reporter.member.email } });
    expect(mail.subject).toBe("Votre signalement a été classé sans suite");
    expect(mail.text).toContain("Précision du CCAS : L'annonce respecte la charte.");
    expect(await prisma.emailMessage.count({ where: { to: author.member.email } })).toBe(0);
  });

  it("deletes handled reports a year after their handling, never open ones", async () => {
    const author = await associationWithMember();
    const post = await createNetworkPost(prisma, author.id);
    const now = new Date("2027-06-01T10:00:00Z");
    const old = new Date("2026-05-30T10:00:00Z");
    const recent = new Date("2026-06-03T10:00:00Z");
    const [oldHandled, recentHandled, oldOpen] = await Promise.all([
      prisma.abuseReport.create({ data: { postId: post.id, reason: "a", status: "dismissed", handledAt: old, createdAt: old } }),
      prisma.abuseReport.create({ data: { postId: post.id, reason: "b", status: "upheld", handledAt: recent, createdAt: old } }),
      prisma.abuseReport.create({ data: { postId: post.id, reason: "c", createdAt: old } }),
    ]);
    expect(await purgeHandledAbuseReports(now)).toBe(1);
    const left = (await prisma.abuseReport.findMany({ where: { postId: post.id }, select: { id: true } })).map((r) => r.id).sort();
    expect(left).toEqual([recentHandled.id, oldOpen.id].sort());
    expect(left).not.toContain(oldHandled.id);
    const { retentionCleanup } = await import("../accounts/personal-data.server");
    expect((await retentionCleanup(new Date("2027-06-10T10:00:00Z"))).abuseReports).toBe(1);
  });
});
