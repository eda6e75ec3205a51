// The taxonomy as the browser sees it: fields of intervention, publics and districts, from the
// database (app/settings/taxonomy.server.ts). Loaders pass the lists a page needs.
export const TAXONOMY_KINDS = ["field", "public", "district"] as const;
export type TaxonomyKind = (typeof TAXONOMY_KINDS)[number];

export type TaxonomyOption = { slug: string; label: string; description?: string };

export type TaxonomyTermView = TaxonomyOption & {
  kind: TaxonomyKind;
  description: string;
  position: number;
  retired: boolean;
  rnaCodes: string[];
  diThematiques: string[];
  diPublics: string[];
};

export const TAXONOMY_KIND_LABELS: Record<TaxonomyKind, { plural: string; singular: string }> = {
  field: { plural: "Champs d'intervention", singular: "champ d'intervention" },
  public: { plural: "Publics", singular: "public" },
  district: { plural: "Quartiers", singular: "quartier" },
};

/** A slug's label in a list, the slug itself when unknown (a value from before a change). */
export function labelIn(options: readonly TaxonomyOption[], slug: string): string {
  return options.find((o) => o.slug === slug)?.label ?? slug;
}

/** Only what a form offers: slug and label. */
export function asOptions(terms: readonly TaxonomyOption[]): TaxonomyOption[] {
  return terms.map((t) => ({ slug: t.slug, label: t.label, ...(t.description ? { description: t.description } : {}) }));
}
