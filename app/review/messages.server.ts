// The message thread of a dossier between the association and CCAS staff; each side is
// told of the other's message by e-mail.
import { prisma, writeTransaction, type Prisma, type Tx } from "~/db.server";
import { memberDossierPath } from "~/dossiers/dossier-states";
import { notFound } from "~/lib/http.server";
import { absoluteUrl, enqueueMail, kickMailQueue } from "~/mail/mail.server";
import { requireDossierAccess, ReviewError, type Actor } from "./access.server";
import { userNames } from "./names.server";
import { dossierHeader, memberEmails } from "./recipients.server";

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
  if (!dossier) throw notFound();
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
  if (!dossier) throw notFound();
  if (dossier.state === "brouillon") throw new ReviewError("Déposez d'abord le dossier pour écrire au CCAS.", "body");
  const appended = await writeTransaction(async (tx) => {
    if (!(await appendMessageOnce(tx, { dossierId, authorId: actor.id, fromStaff: false, body }))) return false;
    const d = await dossierHeader(tx, dossierId);
    const reviewers = await tx.callReviewer.findMany({ where: { callId: d.callId }, select: { userId: true } });
    let recipients = await tx.user.findMany({
      where: { id: { in: reviewers.map((r) => r.userId) }, disabledAt: null },
      select: { email: true },
    });
    if (recipients.length === 0)
      recipients = await tx.user.findMany({ where: { role: "admin", disabledAt: null }, select: { email: true } });
    for (const { email } of recipients) {
      await enqueueMail(tx, {
        to: email,
        subject: `Dossier ${d.number} : nouveau message de ${d.association.name}`,
        text: [
          `${actor.name} (${d.association.name}) a écrit sur le dossier ${d.number} :`,
          "",
          body,
          "",
          `Répondre : ${absoluteUrl(`/instruction/dossiers/${d.id}#messagerie`)}`,
        ].join("\n"),
      });
    }
    return true;
  });
  if (appended) void kickMailQueue();
}

export async function postStaffMessage(dossierId: string, actor: Actor, body: string) {
  await requireDossierAccess(actor, dossierId);
  const appended = await writeTransaction(async (tx) => {
    if (!(await appendMessageOnce(tx, { dossierId, authorId: actor.id, fromStaff: true, body }))) return false;
    const d = await dossierHeader(tx, dossierId);
    for (const to of await memberEmails(tx, d.associationId)) {
      await enqueueMail(tx, {
        to,
        subject: `Dossier ${d.number} : nouveau message du CCAS`,
        text: [
          "Bonjour,",
          "",
          `Le CCAS vous a écrit au sujet du dossier ${d.number} :`,
          "",
          body,
          "",
          `Répondre : ${absoluteUrl(memberDossierPath(d.associationId, d.id))}`,
        ].join("\n"),
      });
    }
    return true;
  });
  if (appended) void kickMailQueue();
}
