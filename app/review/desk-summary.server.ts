// The head of the staff dossier page beyond what dossier-view gives: the call's year and closing,
// the subsidy the decision created (voted, paid), and the correction request with its time left.
import { prisma } from "~/db.server";
import { requireDossierAccess, type Actor } from "./access.server";
import { correctionDeadlineText } from "./correction-reasons";
import { getCorrectionRequest } from "./corrections.server";

export async function getDeskSummary(user: Actor, dossierId: string, now = new Date()) {
  await requireDossierAccess(user, dossierId);
  const [dossier, correction] = await Promise.all([
    prisma.dossier.findUniqueOrThrow({
      where: { id: dossierId },
      select: {
        call: { select: { financialYear: true, closesAt: true } },
        subsidy: {
          select: {
            id: true,
            number: true,
            votedCents: true,
            instalments: { where: { paidAt: { not: null } }, select: { paidCents: true, amountCents: true } },
          },
        },
      },
    }),
    getCorrectionRequest(dossierId),
  ]);
  const { subsidy } = dossier;
  return {
    call: dossier.call,
    subsidy: subsidy
      ? {
          id: subsidy.id,
          number: subsidy.number,
          votedCents: subsidy.votedCents,
          paidCents: subsidy.instalments.reduce((sum, i) => sum + (i.paidCents ?? i.amountCents), 0),
        }
      : null,
    // The time left is worded here, by the server's clock: the page shows the same words once hydrated.
    correction: correction
      ? {
          ...correction,
          deadlineText:
            correction.pending && correction.reason && correction.dueAt
              ? correctionDeadlineText({ reason: correction.reason, dueAt: correction.dueAt }, now)
              : null,
        }
      : null,
  };
}
