// The dossier's moves through instruction: opening for instruction, sending back for
// correction. Every move is conditional on the state read and leaves an audit event.
import { writeTransaction, type Prisma, type Tx } from "~/db.server";
import { stateLabel, type DossierState } from "~/dossiers/dossier-states";
import { recordAudit } from "~/lib/audit.server";
import { notFoundError } from "~/lib/domain-error";
import { kickMailQueue } from "~/mail/mail.server";
import { requireDossierAccess, reviewRefusal, type Actor } from "./access.server";
import { defaultCorrectionDueDay, startOfParisDay, type CorrectionReason } from "./correction-reasons";
import { cancelPendingCorrections, recordCorrectionRequest } from "./corrections.server";
import { correctionRequestedEmail, instructionStartedEmail } from "./emails";
import { dossierForMail, mailMembers } from "./recipients.server";

export async function transition(
  tx: Tx,
  dossierId: string,
  from: readonly string[],
  to: DossierState,
  actor: Actor,
  action: string,
  data: Prisma.DossierUpdateManyMutationInput = {},
  comment?: string | null,
) {
  const current = await tx.dossier.findUnique({ where: { id: dossierId }, select: { state: true, correctionRequestedAt: true } });
  if (!current) throw notFoundError();
  if (!from.includes(current.state)) {
    throw reviewRefusal(`Impossible : le dossier est « ${stateLabel(current.state)} ».`, { code: "wrong_state" });
  }
  if (action === "demande_correction" && current.state === "en_construction" && current.correctionRequestedAt) {
    // Sent twice (a double click, two reviewers): one request, one e-mail to the association.
    throw reviewRefusal(
      "Une demande de correction attend déjà la réponse de l'association : écrivez-lui plutôt dans la messagerie du dossier.",
      { code: "correction_pending" },
    );
  }
  // Conditional update: two reviewers acting at once cannot both move the dossier.
  const updated = await tx.dossier.updateMany({
    where: { id: dossierId, state: current.state, correctionRequestedAt: current.correctionRequestedAt },
    data: { ...data, state: to },
  });
  if (updated.count !== 1)
    throw reviewRefusal("Le dossier vient d'être modifié par quelqu'un d'autre. Rechargez la page.", { code: "state_changed" });
  await recordAudit(tx, {
    entityType: "dossier",
    entityId: dossierId,
    actorId: actor.id,
    action,
    fromState: current.state,
    toState: to,
    comment: comment ?? null,
  });
}

/** "Passer en instruction": the association can no longer edit the dossier (a correction still awaited is cancelled). */
export async function startInstruction(dossierId: string, actor: Actor) {
  await requireDossierAccess(actor, dossierId);
  await writeTransaction(async (tx) => {
    await transition(tx, dossierId, ["en_construction"], "en_instruction", actor, "passage_en_instruction", {
      instructionStartedAt: new Date(),
      correctionRequestedAt: null,
    });
    await cancelPendingCorrections(tx, dossierId);
    const d = await dossierForMail(tx, dossierId);
    await mailMembers(tx, d.associationId, instructionStartedEmail(d, d.memberUrl));
  });
  void kickMailQueue();
}

/** Why and by when; without it (older callers), « Dossier incomplet » within the default delay. */
export type CorrectionTerms = { reason: CorrectionReason; dueAt: Date };

/**
 * Back to "en construction" with what to correct, why and by when (a CorrectionRequest row);
 * the association's members are told by e-mail.
 */
export async function requestCorrection(dossierId: string, actor: Actor, message: string, terms?: CorrectionTerms) {
  await requireDossierAccess(actor, dossierId);
  const now = new Date();
  const { reason, dueAt } = terms ?? { reason: "incomplet", dueAt: startOfParisDay(defaultCorrectionDueDay(now)) };
  if (dueAt.getTime() <= now.getTime()) {
    throw reviewRefusal("Date limite : choisissez une date après aujourd'hui.", { code: "due_date_past", field: "dueDate" });
  }
  await writeTransaction(async (tx) => {
    await transition(
      tx,
      dossierId,
      ["en_construction", "en_instruction"],
      "en_construction",
      actor,
      "demande_correction",
      { correctionRequestedAt: now },
      message,
    );
    await recordCorrectionRequest(tx, dossierId, actor.id, { reason, message, dueAt }, now);
    const d = await dossierForMail(tx, dossierId);
    await mailMembers(tx, d.associationId, correctionRequestedEmail(d, message, d.memberUrl, { reason, dueAt }));
  });
  void kickMailQueue();
}
