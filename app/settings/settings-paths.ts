// Where the settings pages live (Paramètres, under /admin/parametres), one URL segment per
// taxonomy kind. Browser-safe.
import { TAXONOMY_KINDS, type TaxonomyKind } from "~/settings/taxonomy";

export const SETTINGS_PATH = "/admin/parametres";

export const KIND_SEGMENTS: Record<TaxonomyKind, string> = {
  district: "quartiers",
  field: "champs-d-intervention",
  public: "publics",
};

/** The kind a URL segment names, or null. */
export function kindOfSegment(segment: string | undefined): TaxonomyKind | null {
  return TAXONOMY_KINDS.find((kind) => KIND_SEGMENTS[kind] === segment) ?? null;
}

export const kindPath = (kind: TaxonomyKind) => `${SETTINGS_PATH}/${KIND_SEGMENTS[kind]}`;
export const termPath = (kind: TaxonomyKind, slug: string) => `${kindPath(kind)}/${encodeURIComponent(slug)}`;
export const retirePath = (kind: TaxonomyKind, slug: string) => `${termPath(kind, slug)}/retirer`;

/** The search's synonym groups (a static segment: it takes precedence over the kinds' `$kind`). */
export const SYNONYMS_PATH = `${SETTINGS_PATH}/synonymes`;

/** The settings pages in the order the sub-navigation shows them. */
export const SETTINGS_SECTIONS = [
  { href: SETTINGS_PATH, label: "Vue d'ensemble" },
  { href: `${SETTINGS_PATH}/identite`, label: "Identité" },
  { href: `${SETTINGS_PATH}/territoire`, label: "Territoire" },
  { href: kindPath("district"), label: "Quartiers" },
  { href: kindPath("field"), label: "Champs d'intervention" },
  { href: kindPath("public"), label: "Publics" },
  { href: SYNONYMS_PATH, label: "Synonymes" },
] as const;
