// A member reports a message written to their association, or another association's post, as
// abusive. One open report per person and message (or post): reporting again is answered, not
// repeated. CCAS staff are told by a queued e-mail and handle it on the moderation page.
import { writeTransaction, type Tx } from "~/db.server";
import { DomainError, notFoundError } from "~/lib/domain-error";
import { absoluteUrl, enqueueMail, kickMailQueue } from "~/mail/mail.server";
import { abuseReportStaffEmail } from "./report-emails";

/** Where staff handle the reports (the moderation page). */
export const MODERATION_PATH = "/instruction/reseau";

export type Reporter = { reporterId: string; reporterAssociationId: string; reason: string };

async function requireMember(tx: Tx, userId: string, associationId: string) {
  const m = await tx.membership.findFirst({ where: { userId, associationId, user: { disabledAt: null } }, select: { id: true } });
  if (!m) throw notFoundError();
}

function checkReason(reason: string) {
  const text = reason.trim();
  if (!text) throw new DomainError("Motif du signalement : ce champ est obligatoire.", { field: "reason" });
  if (text.length > 1000) throw new DomainError("Motif du signalement : 1000 caractères au maximum.", { field: "reason" });
  return text;
}

async function tellStaff(tx: Tx, email: Parameters<typeof abuseReportStaffEmail>[0]) {
  const staff = await tx.user.findMany({ where: { role: { in: ["staff", "admin"] }, disabledAt: null }, select: { email: true } });
  const mail = abuseReportStaffEmail(email, absoluteUrl(MODERATION_PATH));
  for (const s of staff) await enqueueMail(tx, { to: s.email, ...mail });
}

const alreadyReported = () =>
  new DomainError("Vous avez déjà signalé ce contenu ; le CCAS examine votre signalement.", { code: "already_reported", status: 409 });

/**
 * Reports a message of a conversation the reporter's association is a side of, written by the
 * other side (404 otherwise: one's own messages are not reported).
 */
export async function reportMessage(input: Reporter & { messageId: string }) {
  const reason = checkReason(input.reason);
  const report = await writeTransaction(async (tx) => {
    await requireMember(tx, input.reporterId, input.reporterAssociationId);
    const message = await tx.conversationMessage.findFirst({
      where: {
        id: input.messageId,
        hiddenAt: null,
        associationId: { not: input.reporterAssociationId },
        conversation: { OR: [{ fromAssociationId: input.reporterAssociationId }, { toAssociationId: input.reporterAssociationId }] },
      },
      select: { id: true, associationId: true, conversation: { select: { fromAssociation: true, toAssociation: true } } },
    });
    if (!message) throw notFoundError("Ce message n'existe pas ou vous ne pouvez pas le signaler.");
    const open = await tx.abuseReport.findFirst({
      where: { messageId: message.id, reporterId: input.reporterId, status: "open" },
      select: { id: true },
    });
    if (open) throw alreadyReported();
    const created = await tx.abuseReport.create({
      data: { reporterId: input.reporterId, reporterAssociationId: input.reporterAssociationId, messageId: message.id, reason },
      select: { id: true },
    });
    const { fromAssociation, toAssociation } = message.conversation;
    const [reporter, reported] =
      fromAssociation.id === input.reporterAssociationId ? [fromAssociation, toAssociation] : [toAssociation, fromAssociation];
    await tellStaff(tx, { what: "message", reporterAssociationName: reporter.name, reportedAssociationName: reported.name, reason });
    return created;
  });
  void kickMailQueue();
  return report;
}

/** Reports another association's post that the reporter can see (not hidden, not their own). */
export async function reportPost(input: Reporter & { postId: string }) {
  const reason = checkReason(input.reason);
  const report = await writeTransaction(async (tx) => {
    await requireMember(tx, input.reporterId, input.reporterAssociationId);
    const post = await tx.networkPost.findFirst({
      where: { id: input.postId, hiddenAt: null, associationId: { not: input.reporterAssociationId } },
      select: { id: true, association: { select: { name: true } } },
    });
    if (!post) throw notFoundError("Cette annonce n'existe pas ou vous ne pouvez pas la signaler.");
    const open = await tx.abuseReport.findFirst({
      where: { postId: post.id, reporterId: input.reporterId, status: "open" },
      select: { id: true },
    });
    if (open) throw alreadyReported();
    const created = await tx.abuseReport.create({
      data: { reporterId: input.reporterId, reporterAssociationId: input.reporterAssociationId, postId: post.id, reason },
      select: { id: true },
    });
    const reporter = await tx.association.findUniqueOrThrow({ where: { id: input.reporterAssociationId }, select: { name: true } });
    await tellStaff(tx, { what: "post", reporterAssociationName: reporter.name, reportedAssociationName: post.association.name, reason });
    return created;
  });
  void kickMailQueue();
  return report;
}
