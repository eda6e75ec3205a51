// The message thread of a dossier between the association and CCAS staff; each side is
// told of the other's message by e-mail.
import { prisma, writeTransaction, type Prisma, type Tx } from "~/db.server";
import { notFoundError } from "~/lib/domain-error";
import { kickMailQueue } from "~/mail/mail.server";
import { requireDossierAccess, reviewRefusal, type Actor } from "./access.server";
import { memberMessageEmail, staffMessageEmail } from "./emails";
import { userNames } from "./names.server";
import { dossierForMail, mailMembers, mailReviewers } from "./recipients.server";

/** A message or note identical to one its author wrote this recently is the same form sent again. */
export const RESENT_WITHIN_MS = 10 * 60_000;

/** Writes the message unless its author just wrote the very same one; true when written (then it is sent on). */
async function appendMessageOnce(tx: Tx, message: { dossierId: string; authorId: string; fromStaff: boolean; body: string }) {
  const same = await tx.message.findFirst({
    where: { ...message, createdAt: { gte: new Date(Date.now() - RESENT_WITHIN_MS) } },
    select: { id: true },
  });
  if (same) return false;
  await tx.message.create({ data: message });
  return true;
}

export const messageSelect = { id: true, body: true, createdAt: true, fromStaff: true, authorId: true } satisfies Prisma.MessageSelect;

/** The thread as a member sees it: scoped by association, 404 for anything else. */
export async function listMessagesForMember(associationId: string, dossierId: string) {
  const dossier = await prisma.dossier.findFirst({
    where: { id: dossierId, associationId },
    select: {
      id: true,
      state: true,
      number: true,
      projectTitle: true,
      requestedCents: true,
      proposedCents: true,
      decisionReason: true,
      decidedAt: true,
    },
  });
  if (!dossier) throw notFoundError();
  const messages = await prisma.message.findMany({ where: { dossierId }, orderBy: { createdAt: "asc" }, select: messageSelect });
  const names = await userNames(messages.map((m) => m.authorId));
  return {
    dossier,
    messages: messages.map((m) => ({
      id: m.id,
      body: m.body,
      createdAt: m.createdAt,
      fromStaff: m.fromStaff,
      authorName: m.fromStaff ? `${names.get(m.authorId) ?? "—"} (CCAS)` : (names.get(m.authorId) ?? "—"),
    })),
  };
}

export async function postMemberMessage(associationId: string, dossierId: string, actor: Actor, body: string) {
  const dossier = await prisma.dossier.findFirst({ where: { id: dossierId, associationId }, select: { id: true, state: true } });
  if (!dossier) throw notFoundError();
  if (dossier.state === "brouillon")
    throw reviewRefusal("Déposez d'abord le dossier pour écrire au CCAS.", { field: "body", code: "not_filed" });
  const appended = await writeTransaction(async (tx) => {
    if (!(await appendMessageOnce(tx, { dossierId, authorId: actor.id, fromStaff: false, body }))) return false;
    const d = await dossierForMail(tx, dossierId);
    await mailReviewers(tx, d.callId, memberMessageEmail(d, actor.name, body, d.staffThreadUrl));
    return true;
  });
  if (appended) void kickMailQueue();
}

export async function postStaffMessage(dossierId: string, actor: Actor, body: string) {
  await requireDossierAccess(actor, dossierId);
  const appended = await writeTransaction(async (tx) => {
    if (!(await appendMessageOnce(tx, { dossierId, authorId: actor.id, fromStaff: true, body }))) return false;
    const d = await dossierForMail(tx, dossierId);
    await mailMembers(tx, d.associationId, staffMessageEmail(d, body, d.memberUrl));
    return true;
  });
  if (appended) void kickMailQueue();
}
