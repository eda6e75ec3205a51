// Decisions on a dossier: accepted (with its amount, which creates the subsidy), refused,
// closed without follow-up. The association is told by e-mail.
import { prisma, writeTransaction } from "~/db.server";
import type { DossierState } from "~/dossiers/dossier-states";
import { formatEuros } from "~/lib/format";
import { kickMailQueue } from "~/mail/mail.server";
import { createSubsidyFromDossier } from "~/subsidies/creation.server";
import { requireDossierAccess, reviewRefusal, type Actor } from "./access.server";
import { decisionEmail } from "./emails";
import { dossierForMail, mailMembers } from "./recipients.server";
import { transition } from "./transitions.server";

export const DECIDED_STATES = ["accepte", "refuse", "sans_suite"] as const satisfies readonly DossierState[];

/** The accepted amount: positive, at most the amount requested. Returns a French message, or null when valid. */
export function checkAcceptedAmount(amountCents: number, requestedCents: number | null): string | null {
  if (!Number.isInteger(amountCents) || amountCents <= 0) return "Le montant accordé doit être supérieur à 0 €.";
  if (requestedCents !== null && amountCents > requestedCents) {
    return `Le montant accordé ne peut pas dépasser le montant demandé (${formatEuros(requestedCents)}).`;
  }
  return null;
}

export type Decision =
  | { decision: "accepte"; amountCents: number; comment?: string }
  | { decision: "refuse"; reason: string }
  | { decision: "sans_suite"; reason?: string };

export async function decide(dossierId: string, actor: Actor, input: Decision) {
  await requireDossierAccess(actor, dossierId);
  const current = await prisma.dossier.findUniqueOrThrow({ where: { id: dossierId }, select: { requestedCents: true } });
  if (input.decision === "accepte") {
    const problem = checkAcceptedAmount(input.amountCents, current.requestedCents);
    if (problem) throw reviewRefusal(problem, { field: "amount", code: "amount_refused" });
  }
  const now = new Date();
  const reason = input.decision === "accepte" ? (input.comment ?? null) : (input.reason ?? null);
  // Accepting creates the subsidy in the same transaction: both happen or neither.
  await writeTransaction(async (tx) => {
    await transition(
      tx,
      dossierId,
      ["en_instruction"],
      input.decision,
      actor,
      "decision",
      {
        decidedAt: now,
        decisionReason: reason,
        ...(input.decision === "accepte" ? { proposedCents: input.amountCents } : {}),
      },
      input.decision === "accepte" ? [`Montant accordé : ${formatEuros(input.amountCents)}`, reason].filter(Boolean).join(" — ") : reason,
    );
    if (input.decision === "accepte") await createSubsidyFromDossier(dossierId, actor, tx);
    const d = await dossierForMail(tx, dossierId);
    const wording =
      input.decision === "accepte"
        ? { decision: input.decision, amountCents: input.amountCents, reason }
        : { decision: input.decision, reason };
    await mailMembers(tx, d.associationId, decisionEmail(d, wording, d.memberUrl));
  });
  void kickMailQueue();
}
