// The scoring grid, computed: a reviewer's weighted score and the average over reviewers.
// Pure and browser-safe (unit-tested).

export type CriterionWeight = { id: string; weight: number };
export type ScoreValue = { criterionId: string; reviewerId: string; value: number };

/**
 * A reviewer's weighted score out of 10: Σ(weight × value) / Σ(weight) over every criterion
 * of the call. A grid with a criterion left unscored is incomplete and gives null.
 */
export function weightedScore(criteria: CriterionWeight[], scores: Pick<ScoreValue, "criterionId" | "value">[]): number | null {
  if (criteria.length === 0) return null;
  const byCriterion = new Map(scores.map((s) => [s.criterionId, s.value]));
  let weighted = 0;
  let totalWeight = 0;
  for (const c of criteria) {
    const value = byCriterion.get(c.id);
    if (value === undefined) return null;
    weighted += c.weight * value;
    totalWeight += c.weight;
  }
  if (totalWeight === 0) return null;
  return weighted / totalWeight;
}

export type ReviewerScore = { reviewerId: string; score: number | null; conflicted: boolean };

/**
 * Per reviewer weighted scores and their average. Reviewers with a declared conflict of
 * interest are left out (even if scores of theirs exist), as are incomplete grids.
 */
export function scoreSummary(
  criteria: CriterionWeight[],
  scores: ScoreValue[],
  reviewerIds: string[],
  conflictedIds: string[] = [],
): { reviewers: ReviewerScore[]; average: number | null; complete: number } {
  const conflicted = new Set(conflictedIds);
  const ids = [...new Set([...reviewerIds, ...scores.map((s) => s.reviewerId)])];
  const reviewers = ids.map((reviewerId) => ({
    reviewerId,
    conflicted: conflicted.has(reviewerId),
    score: conflicted.has(reviewerId)
      ? null
      : weightedScore(
          criteria,
          scores.filter((s) => s.reviewerId === reviewerId),
        ),
  }));
  const counted = reviewers.filter((r) => r.score !== null).map((r) => r.score as number);
  const average = counted.length ? counted.reduce((a, b) => a + b, 0) / counted.length : null;
  return { reviewers, average, complete: counted.length };
}
