// How the indicators of many projects add up on the steering dashboard, without the database:
// grouped by `indicatorGroupKey` (same kind, unit and name up to case and accents); additive units
// are summed, shares are never summed (mean, lowest, highest).
import { indicatorGroupKey, isAdditiveUnit, type IndicatorKind } from "~/steering/indicators";

/** One project's indicator in a year: its target and what its validated compte rendu says. */
export type IndicatorFact = {
  name: string;
  kind: IndicatorKind;
  unit: string;
  target: number | null;
  /** The value achieved, from a validated report only (null otherwise). */
  achieved: number | null;
  /** The year's report was sent and awaits validation. */
  pending: boolean;
};

export type Spread = { mean: number; min: number; max: number } | null;

export type IndicatorGroup = {
  key: string;
  name: string;
  kind: IndicatorKind;
  unit: string;
  additive: boolean;
  /** Projects carrying this indicator. */
  projects: number;
  withTarget: number;
  reporting: number;
  pending: number;
  /** Additive units: sums (null for shares). */
  targetSum: number | null;
  achievedSum: number | null;
  /** Achieved over target, in % (additive units, target above 0). */
  rate: number | null;
  /** Shares: spread of the targets and of the achieved values (null for additive units). */
  targetSpread: Spread;
  achievedSpread: Spread;
};

const round2 = (v: number) => Math.round(v * 100) / 100;

export function spreadOf(values: number[]): Spread {
  if (values.length === 0) return null;
  const sum = values.reduce((a, b) => a + b, 0);
  return { mean: round2(sum / values.length), min: Math.min(...values), max: Math.max(...values) };
}

/** Groups, in the order of their first appearance sorted by kind then name. */
export function groupIndicators(facts: readonly IndicatorFact[]): IndicatorGroup[] {
  const groups = new Map<string, IndicatorFact[]>();
  for (const fact of facts) {
    const key = indicatorGroupKey(fact);
    groups.set(key, [...(groups.get(key) ?? []), fact]);
  }
  return [...groups]
    .map(([key, list]) => {
      const first = list[0];
      const additive = isAdditiveUnit(first.unit);
      const targets = list.flatMap((f) => (f.target === null ? [] : [f.target]));
      const achieved = list.flatMap((f) => (f.achieved === null ? [] : [f.achieved]));
      const targetSum = additive ? round2(targets.reduce((a, b) => a + b, 0)) : null;
      const achievedSum = additive ? round2(achieved.reduce((a, b) => a + b, 0)) : null;
      return {
        key,
        name: first.name,
        kind: first.kind,
        unit: first.unit,
        additive,
        projects: list.length,
        withTarget: targets.length,
        reporting: achieved.length,
        pending: list.filter((f) => f.pending).length,
        targetSum,
        achievedSum,
        rate: targetSum && achievedSum !== null && achieved.length > 0 ? Math.round((achievedSum / targetSum) * 100) : null,
        targetSpread: additive ? null : spreadOf(targets),
        achievedSpread: additive ? null : spreadOf(achieved),
      };
    })
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name, "fr"));
}
