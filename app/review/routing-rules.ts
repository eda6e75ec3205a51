// The routing rules of a call's reviewer groups, as pure functions (browser and server alike):
// a group's rules all must hold (an empty rule holds for every dossier), and a dossier goes to
// the first group, by position, whose rules it meets; none, and it stays "sans groupe".
import { formatEuros } from "~/lib/format";

export type RoutingRule = {
  fieldSlug: string | null;
  districtSlug: string | null;
  minCents: number | null;
  maxCents: number | null;
};

/** What the rules read of a dossier: its association's fields and district, the amount requested. */
export type RoutingSubject = {
  fieldSlugs: readonly string[];
  districtSlug: string | null;
  requestedCents: number | null;
};

/** Every rule of the group holds. An amount bound never holds for a dossier without an amount. */
export function groupMatches(rule: RoutingRule, subject: RoutingSubject): boolean {
  if (rule.fieldSlug !== null && !subject.fieldSlugs.includes(rule.fieldSlug)) return false;
  if (rule.districtSlug !== null && subject.districtSlug !== rule.districtSlug) return false;
  if (rule.minCents !== null && (subject.requestedCents === null || subject.requestedCents < rule.minCents)) return false;
  if (rule.maxCents !== null && (subject.requestedCents === null || subject.requestedCents > rule.maxCents)) return false;
  return true;
}

/** The first group, by position, whose rules the dossier meets; null when none does. */
export function firstMatchingGroup<G extends RoutingRule & { position: number }>(groups: readonly G[], subject: RoutingSubject): G | null {
  return [...groups].sort((a, b) => a.position - b.position).find((g) => groupMatches(g, subject)) ?? null;
}

export type RuleLabels = {
  field: (slug: string) => { label: string; retired: boolean };
  district: (slug: string) => { label: string; retired: boolean };
};

/** The rules in French, one phrase each ("Montant demandé d'au moins 10 000,00 €"); none: every dossier. */
export function describeRules(rule: RoutingRule, labels: RuleLabels): string[] {
  const term = (t: { label: string; retired: boolean }) => (t.retired ? `${t.label} (terme retiré)` : t.label);
  const out: string[] = [];
  if (rule.fieldSlug !== null) out.push(`Champ d'intervention : ${term(labels.field(rule.fieldSlug))}`);
  if (rule.districtSlug !== null) out.push(`Quartier : ${term(labels.district(rule.districtSlug))}`);
  if (rule.minCents !== null && rule.maxCents !== null)
    out.push(`Montant demandé entre ${formatEuros(rule.minCents)} et ${formatEuros(rule.maxCents)}`);
  else if (rule.minCents !== null) out.push(`Montant demandé d'au moins ${formatEuros(rule.minCents)}`);
  else if (rule.maxCents !== null) out.push(`Montant demandé d'au plus ${formatEuros(rule.maxCents)}`);
  return out;
}

/** The name shown for a dossier without a group. */
export const NO_GROUP_LABEL = "Sans groupe";
