// Browser-safe wording of the network's moderation and alerts: kinds, categories, statuses, dates.
import { formatDate } from "~/lib/format";

export const POST_KIND_LABELS = { besoin: "Besoin", offre: "Offre" } as const;
export type PostKind = keyof typeof POST_KIND_LABELS;
export const POST_KINDS = Object.keys(POST_KIND_LABELS) as PostKind[];

export const POST_CATEGORY_LABELS = {
  benevoles: "Bénévoles",
  locaux: "Locaux",
  materiel: "Matériel",
  alimentaire: "Alimentaire",
  competences: "Compétences",
  partenariat: "Partenariat",
} as const;

export const POST_STATUS_LABELS = { open: "En cours", fulfilled: "Pourvue", archived: "Archivée" } as const;
export type PostStatus = keyof typeof POST_STATUS_LABELS;

/** The staff list's filters (GET parameters `etat` and `masquage`). */
export const VISIBILITY_FILTERS = { toutes: "Masquées ou non", masquees: "Masquées", visibles: "Visibles" } as const;
export type VisibilityFilter = keyof typeof VISIBILITY_FILTERS;
export const STATUS_FILTERS = { tous: "Tous les états", open: "En cours", fulfilled: "Pourvues", archived: "Archivées" } as const;
export type StatusFilter = keyof typeof STATUS_FILTERS;

export const REPORT_STATUS_LABELS = { open: "À traiter", upheld: "Masqué", dismissed: "Classé sans suite" } as const;

/** « 1er décembre 2026 », « 2 décembre 2026 ». */
export function formatDay(date: Date | string) {
  return formatDate(date).replace(/^1 /, "1er ");
}

/** « 1 annonce », « 3 annonces ». */
export function countOf(count: number, singular: string, plural = `${singular}s`) {
  return `${count} ${count > 1 ? plural : singular}`;
}
