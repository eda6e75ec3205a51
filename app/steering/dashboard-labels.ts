// How the steering dashboard words its figures, the same on the page, in the exports and in the
// PDF report (browser-safe: no database).
import { formatIndicatorValue, type IndicatorKind } from "~/steering/indicators";
import type { IndicatorGroup, Spread } from "~/steering/indicator-totals";

export const KIND_SHORT_LABELS: Record<IndicatorKind, string> = { moyens: "Moyens", resultats: "Résultats" };

function spreadText(spread: Spread, unit: string): string {
  if (!spread) return "—";
  const mean = formatIndicatorValue(spread.mean, unit);
  if (spread.min === spread.max) return `moyenne ${mean}`;
  return `moyenne ${mean} (de ${formatIndicatorValue(spread.min, unit)} à ${formatIndicatorValue(spread.max, unit)})`;
}

/** "190 personnes"; for a share "moyenne 57,5 % (de 50 % à 65 %)"; "—" when no project gave one. */
export function targetText(g: IndicatorGroup): string {
  if (!g.additive) return spreadText(g.targetSpread, g.unit);
  return g.withTarget ? formatIndicatorValue(g.targetSum, g.unit) : "—";
}

export function achievedText(g: IndicatorGroup): string {
  if (!g.additive) return spreadText(g.achievedSpread, g.unit);
  return g.reporting ? formatIndicatorValue(g.achievedSum, g.unit) : "—";
}

/** Achieved over target: "67 %", or "—" (a share is never turned into a rate). */
export function rateText(g: IndicatorGroup): string {
  return g.rate === null ? "—" : `${g.rate.toLocaleString("fr-FR")} %`;
}

/** "3 projets sur 4 ont rendu compte ; 1 en attente de validation". */
export function reportingText(g: IndicatorGroup): string {
  const pending = g.pending ? ` ; ${g.pending} en attente de validation` : "";
  return `${g.reporting} sur ${g.projects} ${g.projects > 1 ? "ont" : "a"} rendu compte${pending}`;
}
