// The payment schedule and the payments recorded against it.
import { writeTransaction } from "~/db.server";
import { formatDate, formatEuros } from "~/lib/format";
import { subsidyRefusal } from "~/subsidies/errors";
import { parisDay, requiresConvention, sumPaid } from "~/subsidies/rules";
import { recordAudit } from "~/lib/audit.server";

/**
 * Replaces the unpaid instalments. Paid ones stay; the whole schedule must add up to the
 * voted amount exactly.
 */
export async function setSchedule(
  subsidyId: string,
  rows: { kind: "avance" | "acompte" | "solde"; amountCents: number; plannedDate: string }[],
  actor: { id: string },
) {
  return writeTransaction(async (tx) => {
    const subsidy = await tx.subsidy.findUnique({ where: { id: subsidyId }, include: { instalments: true } });
    if (!subsidy) throw subsidyRefusal("subsidy_not_found", "Subvention introuvable.");
    if (subsidy.votedCents === null)
      throw subsidyRefusal("not_voted", "Enregistrez d'abord le vote : l'échéancier répartit le montant voté.");
    const paid = subsidy.instalments.filter((i) => i.paidAt);
    const total = paid.reduce((s, i) => s + i.amountCents, 0) + rows.reduce((s, r) => s + r.amountCents, 0);
    if (total !== subsidy.votedCents) {
      throw subsidyRefusal(
        "schedule_total",
        `Les versements prévus totalisent ${formatEuros(total)}${paid.length ? " (versements déjà effectués compris)" : ""} alors que le montant voté est de ${formatEuros(subsidy.votedCents)} : l'échéancier doit correspondre exactement au montant voté.`,
        "amount_0",
      );
    }
    await tx.instalment.deleteMany({ where: { subsidyId, paidAt: null } });
    const sorted = [...rows].sort((a, b) => a.plannedDate.localeCompare(b.plannedDate));
    await tx.instalment.createMany({
      data: sorted.map((r, i) => ({
        subsidyId,
        kind: r.kind,
        amountCents: r.amountCents,
        plannedDate: parisDay(r.plannedDate),
        position: paid.length + i + 1,
      })),
    });
    await recordAudit(tx, {
      entityType: "subsidy",
      entityId: subsidyId,
      actorId: actor.id,
      action: "schedule_set",
      comment: sorted.map((r) => `${r.kind} ${formatEuros(r.amountCents)} le ${r.plannedDate}`).join(" ; "),
    });
  });
}

function paymentAlreadyRecorded(instalment: { paidAt: Date | null; paidCents: number | null }) {
  const when = instalment.paidAt ? ` le ${formatDate(instalment.paidAt)}` : "";
  return subsidyRefusal(
    "already_paid",
    `Ce versement est déjà enregistré (${formatEuros(instalment.paidCents ?? 0)} versés${when}) : il n'est pas enregistré une seconde fois.`,
    "instalmentId",
  );
}

/**
 * Records a payment on an instalment. Refused before the vote, before the convention's
 * signature when one is mandatory, and when the total paid would exceed the voted amount.
 */
export async function recordPayment(
  subsidyId: string,
  input: { instalmentId: string; paidAt: string; amountCents: number },
  actor: { id: string },
) {
  return writeTransaction(async (tx) => {
    const subsidy = await tx.subsidy.findUnique({
      where: { id: subsidyId },
      include: { instalments: true, years: true, convention: true },
    });
    if (!subsidy) throw subsidyRefusal("subsidy_not_found", "Subvention introuvable.");
    if (subsidy.votedCents === null)
      throw subsidyRefusal("not_voted", "Cette subvention n'a pas encore été votée : aucun versement n'est possible.");
    if (requiresConvention(subsidy.years.map((y) => y.amountCents)) && subsidy.convention?.status !== "signee") {
      throw subsidyRefusal(
        "convention_unsigned",
        "Le montant annuel dépasse 23 000 € : aucun versement n'est possible avant la signature de la convention (loi n° 2000-321, article 10).",
        "instalmentId",
      );
    }
    const instalment = subsidy.instalments.find((i) => i.id === input.instalmentId);
    if (!instalment)
      throw subsidyRefusal("instalment_not_found", "Ce versement ne fait pas partie de l'échéancier de la subvention.", "instalmentId");
    if (instalment.paidAt) throw paymentAlreadyRecorded(instalment);
    if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0) {
      throw subsidyRefusal("amount", "Indiquez un montant supérieur à 0 €.", "amount");
    }
    const alreadyPaid = sumPaid(subsidy.instalments);
    if (alreadyPaid + input.amountCents > subsidy.votedCents) {
      throw subsidyRefusal(
        "above_voted",
        `Ce versement porterait le total versé à ${formatEuros(alreadyPaid + input.amountCents)}, au-delà du montant voté (${formatEuros(subsidy.votedCents)}) : il est refusé.`,
        "amount",
      );
    }
    // Only an unpaid instalment is written: a second recording, even from another connection, changes nothing.
    const written = await tx.instalment.updateMany({
      where: { id: instalment.id, subsidyId, paidAt: null },
      data: { paidAt: parisDay(input.paidAt), paidCents: input.amountCents },
    });
    if (written.count !== 1) throw paymentAlreadyRecorded(await tx.instalment.findUniqueOrThrow({ where: { id: instalment.id } }));
    await recordAudit(tx, {
      entityType: "subsidy",
      entityId: subsidyId,
      actorId: actor.id,
      action: "payment_recorded",
      comment: `${instalment.kind} : ${formatEuros(input.amountCents)} le ${input.paidAt}`,
    });
  });
}
