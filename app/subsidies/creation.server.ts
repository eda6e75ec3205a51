// A subsidy comes into being: from an accepted dossier (idempotent), or granted outside any call.
import { isUniqueViolation, prisma, writeTransaction } from "~/db.server";
import { subsidyRefusal } from "~/subsidies/errors";
import { insertSubsidyWithNumber, type DbClient } from "~/subsidies/numbering.server";
import { recordAudit } from "~/lib/audit.server";
import { attachmentFromCall } from "~/steering/call-steering.server";
import { resolveAttachment } from "~/steering/subsidy-attachment.server";

/**
 * Creates the subsidy of an accepted dossier: requested and proposed amounts from the dossier,
 * financial year from the call, purpose = project title, funding an action.
 * Idempotent: a second call returns the existing subsidy (Subsidy.dossierId is unique).
 * Call it after the dossier's state is "accepte"; pass `db` when inside an interactive transaction.
 */
export async function createSubsidyFromDossier(dossierId: string, actor: { id: string }, db: DbClient = prisma) {
  const existing = await db.subsidy.findUnique({ where: { dossierId } });
  if (existing) return existing;

  const dossier = await db.dossier.findUnique({
    where: { id: dossierId },
    select: {
      id: true,
      number: true,
      state: true,
      associationId: true,
      projectTitle: true,
      requestedCents: true,
      proposedCents: true,
      call: { select: { id: true, financialYear: true } },
    },
  });
  if (!dossier) throw subsidyRefusal("dossier_not_found", "Dossier introuvable.");
  if (dossier.state !== "accepte") {
    throw subsidyRefusal("dossier_not_accepted", "Une subvention ne peut être créée que pour un dossier accepté.");
  }
  // The call's exercice, not the decision's: a "… 2027" call decided in December 2026 funds 2027.
  const financialYear = dossier.call.financialYear;
  const requestedCents = dossier.requestedCents ?? 0;
  const proposedCents = dossier.proposedCents ?? requestedCents;
  // Its place in the social project, when the call says it unambiguously (steering).
  const attachment = await attachmentFromCall(dossier.call.id, financialYear, db);

  try {
    const subsidy = await insertSubsidyWithNumber(db, {
      associationId: dossier.associationId,
      dossierId: dossier.id,
      purpose: dossier.projectTitle?.trim() || `Projet du dossier ${dossier.number}`,
      fundsAction: true,
      requestedCents,
      proposedCents,
      financialYear,
      ...attachment,
    });
    await recordAudit(db, {
      entityType: "subsidy",
      entityId: subsidy.id,
      actorId: actor.id,
      action: "created_from_dossier",
      toState: "proposee",
      comment: `Dossier ${dossier.number}`,
    });
    return subsidy;
  } catch (error) {
    // Two concurrent acceptances: the other one created it first.
    if (isUniqueViolation(error)) {
      const created = await db.subsidy.findUnique({ where: { dossierId } });
      if (created) return created;
    }
    throw error;
  }
}

/** A subsidy granted outside any call: an association of the directory, a purpose, an amount. */
export async function createGrant(
  input: { associationId: string; purpose: string; amount: number; financialYear: number; fundsAction: boolean; attachment?: string },
  actor: { id: string },
) {
  // Under the writers' lock, as every other numbering: on PostgreSQL an insert outside it could
  // take the number a decision's transaction is about to use, and fail that whole decision.
  return writeTransaction(async (tx) => {
    const association = await tx.association.findUnique({ where: { id: input.associationId }, select: { status: true } });
    if (!association || association.status !== "validated") {
      throw subsidyRefusal("association_not_validated", "Choisissez une association validée de l'annuaire.", "associationId");
    }
    const { axisId, flagshipId } = await resolveAttachment(tx, input.financialYear, input.attachment ?? "");
    const subsidy = await insertSubsidyWithNumber(tx, {
      associationId: input.associationId,
      purpose: input.purpose,
      fundsAction: input.fundsAction,
      requestedCents: input.amount,
      proposedCents: input.amount,
      financialYear: input.financialYear,
      axisId,
      flagshipId,
    });
    await recordAudit(tx, {
      entityType: "subsidy",
      entityId: subsidy.id,
      actorId: actor.id,
      action: "created_outside_call",
      toState: "proposee",
    });
    return subsidy;
  });
}
