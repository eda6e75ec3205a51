// Decisions on a dossier: accepted (with its amount, which creates the subsidy), refused,
// closed without follow-up. The association is told by e-mail.
import { prisma, writeTransaction } from "~/db.server";
import { memberDossierPath, type DossierState } from "~/dossiers/dossier-states";
import { absoluteUrl, enqueueMail, kickMailQueue } from "~/mail/mail.server";
import { createSubsidyFromDossier } from "~/subsidies/subsidy.server";
import { requireDossierAccess, ReviewError, type Actor } from "./access.server";
import { dossierHeader, memberEmails } from "./recipients.server";
import { transition } from "./transitions.server";

export const DECIDED_STATES = ["accepte", "refuse", "sans_suite"] as const satisfies readonly DossierState[];

/** The accepted amount: positive, at most the amount requested. Returns a French message, or null when valid. */
export function checkAcceptedAmount(amountCents: number, requestedCents: number | null): string | null {
  if (!Number.isInteger(amountCents) || amountCents <= 0) return "Le montant accordé doit être supérieur à 0 €.";
  if (requestedCents !== null && amountCents > requestedCents) {
    return `Le montant accordé ne peut pas dépasser le montant demandé (${(requestedCents / 100).toLocaleString("fr-FR", { style: "currency", currency: "EUR" })}).`;
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
    if (problem) throw new ReviewError(problem, "amount");
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
      input.decision === "accepte"
        ? [`Montant accordé : ${(input.amountCents / 100).toLocaleString("fr-FR", { style: "currency", currency: "EUR" })}`, reason]
            .filter(Boolean)
            .join(" — ")
        : reason,
    );
    if (input.decision === "accepte") await createSubsidyFromDossier(dossierId, actor, tx);
    const d = await dossierHeader(tx, dossierId);
    const lines =
      input.decision === "accepte"
        ? [
            `Votre dossier ${d.number} est accepté.`,
            `Montant accordé : ${(input.amountCents / 100).toLocaleString("fr-FR", { style: "currency", currency: "EUR" })}.`,
            ...(reason ? ["", reason] : []),
          ]
        : input.decision === "refuse"
          ? [`Votre dossier ${d.number} est refusé.`, "", `Motif : ${reason}`]
          : [`Votre dossier ${d.number} est classé sans suite.`, ...(reason ? ["", `Motif : ${reason}`] : [])];
    for (const to of await memberEmails(tx, d.associationId)) {
      await enqueueMail(tx, {
        to,
        subject: `Dossier ${d.number} : décision du CCAS`,
        text: [
          "Bonjour,",
          "",
          `Appel à projets : ${d.call.title}`,
          ...lines,
          "",
          `Votre dossier : ${absoluteUrl(memberDossierPath(d.associationId, d.id))}`,
        ].join("\n"),
      });
    }
  });
  void kickMailQueue();
}
