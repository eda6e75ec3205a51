// The dossier's moves through instruction: opening for instruction, sending back for
// correction. Every move is conditional on the state read and leaves an audit event.
import { prisma, writeTransaction, type Prisma, type Tx } from "~/db.server";
import { memberDossierPath, stateLabel, type DossierState } from "~/dossiers/dossier-states";
import { notFound } from "~/lib/http.server";
import { absoluteUrl, enqueueMail, kickMailQueue } from "~/mail/mail.server";
import { requireDossierAccess, ReviewError, type Actor } from "./access.server";
import { dossierHeader, memberEmails } from "./recipients.server";

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
  if (!current) throw notFound();
  if (!from.includes(current.state)) {
    throw new ReviewError(`Impossible : le dossier est « ${stateLabel(current.state)} ».`);
  }
  if (action === "demande_correction" && current.state === "en_construction" && current.correctionRequestedAt) {
    // Sent twice (a double click, two reviewers): one request, one e-mail to the association.
    throw new ReviewError(
      "Une demande de correction attend déjà la réponse de l'association : écrivez-lui plutôt dans la messagerie du dossier.",
    );
  }
  // Conditional update: two reviewers acting at once cannot both move the dossier.
  const updated = await tx.dossier.updateMany({
    where: { id: dossierId, state: current.state, correctionRequestedAt: current.correctionRequestedAt },
    data: { ...data, state: to },
  });
  if (updated.count !== 1) throw new ReviewError("Le dossier vient d'être modifié par quelqu'un d'autre. Rechargez la page.");
  await tx.auditEvent.create({
    data: {
      entityType: "dossier",
      entityId: dossierId,
      actorId: actor.id,
      action,
      fromState: current.state,
      toState: to,
      comment: comment ?? null,
    },
  });
}

/** "Passer en instruction": the association can no longer edit the dossier. */
export async function startInstruction(dossierId: string, actor: Actor) {
  await requireDossierAccess(actor, dossierId);
  await writeTransaction((tx) =>
    transition(tx, dossierId, ["en_construction"], "en_instruction", actor, "passage_en_instruction", {
      instructionStartedAt: new Date(),
      correctionRequestedAt: null,
    }),
  );
}

// The e-mails below are queued in the transaction of the change they announce

/** Back to "en construction" with what to correct; the association's members are told by e-mail. */
export async function requestCorrection(dossierId: string, actor: Actor, message: string) {
  await requireDossierAccess(actor, dossierId);
  await writeTransaction(async (tx) => {
    await transition(
      tx,
      dossierId,
      ["en_construction", "en_instruction"],
      "en_construction",
      actor,
      "demande_correction",
      { correctionRequestedAt: new Date() },
      message,
    );
    const d = await dossierHeader(tx, dossierId);
    for (const to of await memberEmails(tx, d.associationId)) {
      await enqueueMail(tx, {
        to,
        subject: `Dossier ${d.number} : corrections demandées`,
        text: [
          "Bonjour,",
          "",
          `Le CCAS demande des corrections sur le dossier ${d.number} (« ${d.projectTitle ?? d.call.title} ») de ${d.association.name} :`,
          "",
          message,
          "",
          "Le dossier est de nouveau modifiable. Corrigez-le puis déposez-le à nouveau :",
          absoluteUrl(memberDossierPath(d.associationId, d.id)),
        ].join("\n"),
      });
    }
  });
  void kickMailQueue();
}

/** The latest correction request on a dossier, for the association's dossier page. */
export async function getCorrectionRequest(dossierId: string) {
  const [dossier, event] = await Promise.all([
    prisma.dossier.findUnique({ where: { id: dossierId }, select: { state: true } }),
    prisma.auditEvent.findFirst({
      where: { entityType: "dossier", entityId: dossierId, action: "demande_correction" },
      orderBy: { createdAt: "desc" },
      select: { comment: true, createdAt: true },
    }),
  ]);
  if (!dossier || !event) return null;
  return { message: event.comment ?? "", requestedAt: event.createdAt, pending: dossier.state === "en_construction" };
}
