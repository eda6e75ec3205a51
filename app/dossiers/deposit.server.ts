// Depositing a dossier: one conditional transition in one write transaction, a number given
// at the first deposit (retried on a clash), the history row, the acknowledgement.
import type { SessionUser } from "~/accounts/auth.server";
import { isCallOpen } from "~/calls/call-status";
import { writeTransaction } from "~/db.server";
import { recordAudit } from "~/lib/audit.server";
import { formatDateTime } from "~/lib/format";
import { isDraftNumber, nextDossierNumber } from "~/dossiers/dossier-number";
import { sendAcknowledgement } from "~/dossiers/acknowledgement.server";
import { dossierCompleteness, type StepStatus } from "~/dossiers/completeness.server";
import { getDossierForMember } from "~/dossiers/reading.server";
import { assignReviewGroup } from "~/review/routing.server";
import { buildSubmissionSnapshot } from "~/dossiers/submission-snapshot.server";
import { answerCorrectionRequests } from "~/review/corrections.server";
import { validationChoices } from "~/settings/taxonomy-choices";
import { getTaxonomy } from "~/settings/taxonomy.server";

export type SubmitResult =
  | { ok: true; number: string; resubmission: boolean; submittedAt: Date }
  | { ok: true; already: true; number: string; submittedAt: Date | null }
  | { ok: false; message: string; steps?: StepStatus[] };

function closedMessage(closesAt: Date) {
  return `L'appel à projets est clos depuis le ${formatDateTime(closesAt)} : le dossier ne peut plus être déposé.`;
}

/**
 * Deposits a draft, or re-deposits a dossier the CCAS sent back for correction. One write
 * transaction reads the dossier and its call, checks the closing instant by the server's clock
 * at that moment, and moves the state conditionally (`update … where state = expected`): of
 * several requests at once exactly one deposits (one history row, one receipt); the others see
 * the dossier deposited and get `already`. The closing time binds every deposit except the
 * re-deposit the CCAS asked for; the first deposit time (`submittedAt`) is never overwritten.
 * `now` is for tests: by default the time is taken inside the transaction.
 */
export async function submitDossier(
  access: { associationId: string; user: SessionUser; isRepresentative: boolean },
  dossierId: string,
  now?: Date,
): Promise<SubmitResult> {
  const taxonomy = await getTaxonomy();
  const choices = validationChoices(taxonomy);
  const deposit = () =>
    writeTransaction(async (tx) => {
      const at = now ?? new Date();
      const dossier = await getDossierForMember(access.associationId, dossierId, tx);
      const resubmission = dossier.state === "en_construction" && dossier.correctionRequestedAt !== null;
      if (dossier.state !== "brouillon" && !resubmission) {
        if (dossier.state === "en_construction")
          return { ok: true as const, already: true as const, number: dossier.number, submittedAt: dossier.submittedAt };
        return { ok: false as const, message: "Ce dossier est déjà en instruction : il ne peut plus être déposé." };
      }
      if (!resubmission && !isCallOpen(dossier.call, at)) return { ok: false as const, message: closedMessage(dossier.call.closesAt) };
      if (!access.isRepresentative)
        return { ok: false as const, message: "Seul·e le ou la représentant·e légal·e de l'association peut déposer le dossier." };
      const steps = dossierCompleteness(dossier, choices);
      const incomplete = steps.filter((s) => !s.complete);
      if (incomplete.length)
        return {
          ok: false as const,
          message: `Le dossier est incomplet : ${incomplete.map((s) => (s.key === "indicateurs" ? `${s.label} (${s.errors.join(" ")})` : s.label)).join(", ")}.`,
          steps,
        };

      const number = isDraftNumber(dossier.number) ? await nextDossierNumber(tx, dossier.call.financialYear) : dossier.number;
      const updated = await tx.dossier.updateMany({
        where: resubmission
          ? {
              id: dossier.id,
              associationId: access.associationId,
              state: "en_construction",
              correctionRequestedAt: dossier.correctionRequestedAt,
            }
          : // The closing instant again in the statement itself, so no other writer can slip between.
            {
              id: dossier.id,
              associationId: access.associationId,
              state: "brouillon",
              call: { is: { status: "publie", opensAt: { lte: at }, closesAt: { gt: at } } },
            },
        data: {
          number,
          state: "en_construction",
          submittedAt: dossier.submittedAt ?? at,
          correctionRequestedAt: null,
          updatedById: access.user.id,
        },
      });
      if (updated.count !== 1) throw new DossierRaceError();
      const kind = resubmission ? "redepot" : "depot";
      // The dossier as deposited, read after the write in the same transaction (decision 019).
      const record = await buildSubmissionSnapshot(tx, { dossierId: dossier.id, kind, at, submitter: access.user, taxonomy });
      await tx.dossierSubmission.create({
        data: { dossierId: dossier.id, kind, submittedAt: at, submittedById: access.user.id, ...record },
      });
      if (resubmission) await answerCorrectionRequests(tx, dossier.id, at);
      await recordAudit(tx, {
        entityType: "dossier",
        entityId: dossier.id,
        actorId: access.user.id,
        action: resubmission ? "redepot" : "depot",
        fromState: dossier.state,
        toState: "en_construction",
      });
      if (!resubmission) await assignReviewGroup(tx, dossier.id);
      return { ok: true as const, number, resubmission, submittedAt: at };
    });
  const outcome = await retryOnNumberClash(deposit).catch(async (error) => {
    // Another process changed the dossier between the read and the write: answer as it is now.
    if (!(error instanceof DossierRaceError)) throw error;
    const current = await getDossierForMember(access.associationId, dossierId);
    if (current.state === "en_construction" && current.correctionRequestedAt === null && current.submittedAt) {
      return { ok: true as const, already: true as const, number: current.number, submittedAt: current.submittedAt };
    }
    return {
      ok: false as const,
      message: isCallOpen(current.call) ? "Le dossier a changé entre-temps : rechargez la page." : closedMessage(current.call.closesAt),
    };
  });
  if (outcome.ok && !("already" in outcome)) await sendAcknowledgement(dossierId, access.user, outcome.resubmission, outcome.submittedAt);
  return outcome;
}

/** The dossier changed between the read and the conditional write; caught above, never leaves this module. */
class DossierRaceError extends Error {}

/** Dossier numbers are unique: a number taken by another process in the meantime means another try. */
async function retryOnNumberClash<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt < 5 && String(error).includes("Unique constraint")) continue;
      throw error;
    }
  }
}
