// The ranking of a call's dossiers by average score, cumulated against its envelope.
import { prisma } from "~/db.server";
import { REVIEWABLE_STATES } from "~/dossiers/dossier-states";
import { requireCallAccess, type Actor } from "./access.server";
import { dossierLineSelect } from "./selects.server";
import { scoreSummary } from "./scores";

export type RankInput = { id: string; state: string; average: number | null; requestedCents: number | null; proposedCents: number | null };
export type RankedRow<T extends RankInput> = T & {
  rank: number | null;
  amountCents: number;
  cumulativeCents: number | null;
  exceedsEnvelope: boolean;
};

/**
 * Dossiers by average score (best first, unscored last); refused and closed dossiers come
 * after and count for nothing. The amount counted is the proposed one, else the requested one.
 */
export function rankAgainstEnvelope<T extends RankInput>(
  rows: T[],
  envelopeCents: number,
): { rows: RankedRow<T>[]; totalCents: number; exceeded: boolean } {
  const out = (r: T) => r.state === "refuse" || r.state === "sans_suite";
  const sorted = [...rows].sort((a, b) => {
    if (out(a) !== out(b)) return out(a) ? 1 : -1;
    if (a.average === null && b.average === null) return 0;
    if (a.average === null) return 1;
    if (b.average === null) return -1;
    return b.average - a.average;
  });
  let cumulative = 0;
  let rank = 0;
  const ranked = sorted.map((row) => {
    if (out(row)) return { ...row, rank: null, amountCents: 0, cumulativeCents: null, exceedsEnvelope: false };
    const amountCents = row.proposedCents ?? row.requestedCents ?? 0;
    cumulative += amountCents;
    rank += 1;
    return { ...row, rank, amountCents, cumulativeCents: cumulative, exceedsEnvelope: cumulative > envelopeCents };
  });
  return { rows: ranked, totalCents: cumulative, exceeded: cumulative > envelopeCents };
}

export async function callDossiersWithScores(callId: string) {
  const call = await prisma.call.findUniqueOrThrow({
    where: { id: callId },
    select: {
      id: true,
      title: true,
      envelopeCents: true,
      criteria: { orderBy: { position: "asc" }, select: { id: true, label: true, weight: true } },
      reviewers: { select: { userId: true } },
    },
  });
  const dossiers = await prisma.dossier.findMany({
    where: { callId, state: { in: [...REVIEWABLE_STATES] } },
    orderBy: { number: "asc" },
    select: {
      ...dossierLineSelect,
      decidedAt: true,
      decisionReason: true,
      association: { select: { name: true, siret: true, rna: true, fields: { select: { slug: true } } } },
      scores: { select: { criterionId: true, reviewerId: true, value: true } },
      conflicts: { select: { reviewerId: true } },
    },
  });
  const reviewerIds = call.reviewers.map((r) => r.userId);
  return {
    call,
    dossiers: dossiers.map(({ scores, conflicts, ...d }) => {
      const summary = scoreSummary(
        call.criteria,
        scores,
        reviewerIds,
        conflicts.map((c) => c.reviewerId),
      );
      return { ...d, average: summary.average, scoredBy: summary.complete };
    }),
  };
}

export async function getCallRanking(user: Actor, callId: string) {
  await requireCallAccess(user, callId);
  const { call, dossiers } = await callDossiersWithScores(callId);
  const ranking = rankAgainstEnvelope(dossiers, call.envelopeCents);
  return { call: { id: call.id, title: call.title, envelopeCents: call.envelopeCents }, ...ranking };
}
