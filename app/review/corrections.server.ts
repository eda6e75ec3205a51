// Correction requests (CorrectionRequest): the row written with the request, answered by the
// re-deposit, cancelled when staff take the dossier back into instruction, read by both sides,
// and the two reminders (a few days before the due date, once past it) sent by a background job.
import { prisma, writeTransaction, type Tx } from "~/db.server";
import { kickMailQueue } from "~/mail/mail.server";
import { CORRECTION_REMINDER_DAYS_BEFORE, correctionDeadlineText, correctionReasonLabel } from "./correction-reasons";
import { correctionReminderEmail } from "./emails";
import { dossierForMail, mailMembers } from "./recipients.server";

const DAY_MS = 86_400_000;

/** Within the transaction of the request: the new row (an older one still open is cancelled). */
export async function recordCorrectionRequest(
  tx: Tx,
  dossierId: string,
  actorId: string,
  request: { reason: string; message: string; dueAt: Date },
  at = new Date(),
) {
  await cancelPendingCorrections(tx, dossierId, at);
  return tx.correctionRequest.create({ data: { dossierId, requestedById: actorId, createdAt: at, ...request } });
}

/** Within the re-deposit's transaction: the open request is answered. */
export async function answerCorrectionRequests(tx: Tx, dossierId: string, at = new Date()) {
  await tx.correctionRequest.updateMany({ where: { dossierId, answeredAt: null, cancelledAt: null }, data: { answeredAt: at } });
}

/** Staff take the dossier back into instruction without waiting for the re-deposit. */
export async function cancelPendingCorrections(tx: Tx, dossierId: string, at = new Date()) {
  await tx.correctionRequest.updateMany({ where: { dossierId, answeredAt: null, cancelledAt: null }, data: { cancelledAt: at } });
}

/**
 * The latest correction request on a dossier, for both sides' pages. `pending`: the association
 * has not answered it by a re-deposit yet. A request made before the table existed is read from
 * the audit trail, without a reason or a due date.
 */
export async function getCorrectionRequest(dossierId: string) {
  const [dossier, row] = await Promise.all([
    prisma.dossier.findUnique({ where: { id: dossierId }, select: { state: true, correctionRequestedAt: true } }),
    prisma.correctionRequest.findFirst({
      where: { dossierId },
      orderBy: { createdAt: "desc" },
      select: { reason: true, message: true, dueAt: true, createdAt: true, answeredAt: true, cancelledAt: true, remindedAt: true },
    }),
  ]);
  if (!dossier) return null;
  const awaiting = dossier.state === "en_construction" && dossier.correctionRequestedAt !== null;
  if (row) {
    return {
      reason: row.reason as string | null,
      reasonLabel: correctionReasonLabel(row.reason) as string | null,
      message: row.message,
      requestedAt: row.createdAt,
      dueAt: row.dueAt as Date | null,
      answeredAt: row.answeredAt,
      cancelledAt: row.cancelledAt,
      remindedAt: row.remindedAt,
      pending: awaiting && !row.answeredAt && !row.cancelledAt,
    };
  }
  const event = await prisma.auditEvent.findFirst({
    where: { entityType: "dossier", entityId: dossierId, action: "demande_correction" },
    orderBy: { createdAt: "desc" },
    select: { comment: true, createdAt: true },
  });
  if (!event) return null;
  return {
    reason: null,
    reasonLabel: null,
    message: event.comment ?? "",
    requestedAt: event.createdAt,
    dueAt: null,
    answeredAt: null,
    cancelledAt: null,
    remindedAt: null,
    pending: awaiting,
  };
}

/** The pending request as the association's pages show it (CorrectionNotice), its time left worded now. */
export async function getPendingCorrectionNotice(dossierId: string, now = new Date()) {
  const request = await getCorrectionRequest(dossierId);
  if (!request?.pending) return null;
  return {
    message: request.message,
    requestedAt: request.requestedAt,
    reasonLabel: request.reasonLabel,
    dueAt: request.dueAt,
    deadlineText: request.reason && request.dueAt ? correctionDeadlineText({ reason: request.reason, dueAt: request.dueAt }, now) : null,
  };
}

export type CorrectionRequestView = NonNullable<Awaited<ReturnType<typeof getCorrectionRequest>>>;

/**
 * The reminders of the open requests, each sent once: "soon" when the due date is less than
 * CORRECTION_REMINDER_DAYS_BEFORE days away (not for a request made that close to it), "overdue"
 * once it is past. `remindedAt` says which went: null, none; before `dueAt`, the first; from `dueAt`
 * on, the second. Each row is claimed by a conditional update on `remindedAt` in the transaction
 * that queues its e-mail, so two runs at once send it once.
 */
export async function sendCorrectionReminders(now = new Date()) {
  const soonFrom = new Date(now.getTime() + CORRECTION_REMINDER_DAYS_BEFORE * DAY_MS);
  const open = await prisma.correctionRequest.findMany({
    where: {
      answeredAt: null,
      cancelledAt: null,
      dueAt: { lte: soonFrom },
      dossier: { state: "en_construction", correctionRequestedAt: { not: null } },
    },
    select: { id: true, dossierId: true, reason: true, message: true, dueAt: true, createdAt: true, remindedAt: true },
  });
  let sent = 0;
  for (const r of open) {
    const overdue = r.dueAt.getTime() <= now.getTime();
    const kind = overdue ? "overdue" : "soon";
    if (overdue && r.remindedAt && r.remindedAt.getTime() >= r.dueAt.getTime()) continue;
    if (!overdue && (r.remindedAt || r.createdAt.getTime() >= r.dueAt.getTime() - CORRECTION_REMINDER_DAYS_BEFORE * DAY_MS)) continue;
    const queued = await writeTransaction(async (tx) => {
      const claimed = await tx.correctionRequest.updateMany({
        where: { id: r.id, remindedAt: r.remindedAt, answeredAt: null, cancelledAt: null },
        data: { remindedAt: now },
      });
      if (claimed.count !== 1) return false;
      const d = await dossierForMail(tx, r.dossierId);
      await mailMembers(tx, d.associationId, correctionReminderEmail(d, r, kind, d.memberUrl, now));
      return true;
    });
    if (queued) sent += 1;
  }
  if (sent) void kickMailQueue();
  return sent;
}
