// Browser-safe wording of the network's moderation: its filters, report states, dates (kinds and categories: post-labels).
import { formatDate } from "~/lib/format";

/** The staff list's filters (GET parameters `etat` and `masquage`). */
export const VISIBILITY_FILTERS = { toutes: "Masquées ou non", masquees: "Masquées", visibles: "Visibles" } as const;
export type VisibilityFilter = keyof typeof VISIBILITY_FILTERS;
export const STATUS_FILTERS = { tous: "Tous les états", open: "En cours", fulfilled: "Pourvues", archived: "Archivées" } as const;
export type StatusFilter = keyof typeof STATUS_FILTERS;

export const REPORT_STATUS_LABELS = { open: "À traiter", upheld: "Masqué", dismissed: "Classé sans suite" } as const;

/** A moment's day in Paris: « 1er décembre 2026 » (a calendar day such as a post's last day: post-labels' formatDay). */
export function formatParisDay(date: Date | string) {
  return formatDate(date).replace(/^1 /, "1er ");
}

/** « 1 annonce », « 3 annonces ». */
export function countOf(count: number, singular: string, plural = `${singular}s`) {
  return `${count} ${count > 1 ? plural : singular}`;
}
