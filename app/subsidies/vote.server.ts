// The board's vote: the amount (one per year for a CPO), the convention when one is mandatory,
// the comptes rendus due.
import { writeTransaction } from "~/db.server";
import { subsidyRefusal } from "~/subsidies/errors";
import { parisDay, reportDueDate, requiresConvention, sumPaid } from "~/subsidies/rules";
import { recordAudit } from "~/lib/audit.server";
import { formatEuros } from "~/lib/format";

/**
 * Records the board's vote: one amount, or one per year for a CPO (2 to 4 years from the
 * financial year). Creates the convention when one is mandatory and the reports due.
 */
export async function recordVote(
  subsidyId: string,
  input: { decisionDate: string; deliberationRef: string; yearAmounts: number[] },
  actor: { id: string },
) {
  if (input.yearAmounts.length < 1 || input.yearAmounts.length > 4) {
    throw subsidyRefusal("amount", "Une convention pluriannuelle porte sur 4 années au plus.", "amount_0");
  }
  if (input.yearAmounts.some((a) => !Number.isSafeInteger(a) || a <= 0)) {
    throw subsidyRefusal("amount", "Chaque montant annuel doit être supérieur à 0 €.", "amount_0");
  }
  return writeTransaction(async (tx) => {
    const subsidy = await tx.subsidy.findUnique({ where: { id: subsidyId }, include: { instalments: true, convention: true } });
    if (!subsidy) throw subsidyRefusal("subsidy_not_found", "Subvention introuvable.");
    const voted = input.yearAmounts.reduce((a, b) => a + b, 0);
    const paid = sumPaid(subsidy.instalments);
    if (voted < paid) {
      throw subsidyRefusal(
        "below_paid",
        `Le montant voté (${formatEuros(voted)}) ne peut pas être inférieur au montant déjà versé (${formatEuros(paid)}).`,
        "amount_0",
      );
    }
    const years = input.yearAmounts.map((amountCents, i) => ({ year: subsidy.financialYear + i, amountCents }));
    await tx.subsidy.update({
      where: { id: subsidyId },
      data: {
        votedCents: voted,
        decisionDate: parisDay(input.decisionDate),
        deliberationRef: input.deliberationRef,
        multiYear: years.length > 1,
      },
    });
    await tx.subsidyYear.deleteMany({ where: { subsidyId } });
    await tx.subsidyYear.createMany({ data: years.map((y) => ({ subsidyId, ...y })) });
    if (requiresConvention(input.yearAmounts) && !subsidy.convention) {
      await tx.convention.create({ data: { subsidyId } });
    }
    if (subsidy.fundsAction) {
      for (const y of years) {
        await tx.financialReport.upsert({
          where: { subsidyId_financialYear: { subsidyId, financialYear: y.year } },
          create: { subsidyId, financialYear: y.year, dueDate: reportDueDate(y.year) },
          update: {},
        });
      }
      await tx.financialReport.deleteMany({
        where: { subsidyId, status: "a_fournir", financialYear: { notIn: years.map((y) => y.year) } },
      });
    }
    await recordAudit(tx, {
      entityType: "subsidy",
      entityId: subsidyId,
      actorId: actor.id,
      action: "vote_recorded",
      fromState: subsidy.votedCents === null ? "proposee" : "votee",
      toState: "votee",
      comment: `${input.deliberationRef} : ${formatEuros(voted)}`,
    });
    return tx.subsidy.findUniqueOrThrow({ where: { id: subsidyId } });
  });
}
