// Fields of intervention, publics and districts as each CCAS keeps them (TaxonomyTerm rows). Slugs
// are stable; a retired term is no longer offered in forms or filters but still names old records.
import { prisma } from "~/db.server";
import { referenceCache } from "~/settings/reference-cache.server";
import { type TaxonomyKind, type TaxonomyTermView, type TaxonomyOption, asOptions } from "~/settings/taxonomy";

export type Taxonomy = {
  /** Every term of a kind, retired ones included, in the CCAS's order. */
  all(kind: TaxonomyKind): TaxonomyTermView[];
  /** The terms offered in forms and filters. */
  active(kind: TaxonomyKind): TaxonomyTermView[];
  /** Slug and label of the active terms, for a loader to send to a form. */
  options(kind: TaxonomyKind): TaxonomyOption[];
  /** A term's label (retired ones too); the slug itself when unknown. */
  label(kind: TaxonomyKind, slug: string): string;
  isActive(kind: TaxonomyKind, slug: string): boolean;
  find(kind: TaxonomyKind, slug: string): TaxonomyTermView | undefined;
};

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

export async function loadTaxonomy(db = prisma): Promise<Taxonomy> {
  const rows = await db.taxonomyTerm.findMany({ orderBy: [{ kind: "asc" }, { position: "asc" }, { label: "asc" }] });
  const byKind: Record<TaxonomyKind, TaxonomyTermView[]> = { field: [], public: [], district: [] };
  for (const row of rows) {
    byKind[row.kind].push({
      kind: row.kind,
      slug: row.slug,
      label: row.label,
      description: row.description,
      position: row.position,
      retired: row.retiredAt !== null,
      rnaCodes: strings(row.rnaCodes),
      diThematiques: strings(row.diThematiques),
      diPublics: strings(row.diPublics),
    });
  }
  const index = new Map(rows.map((r) => [`${r.kind}:${r.slug}`, byKind[r.kind].find((t) => t.slug === r.slug)!]));
  const active = (kind: TaxonomyKind) => byKind[kind].filter((t) => !t.retired);
  return {
    all: (kind) => byKind[kind],
    active,
    options: (kind) => asOptions(active(kind)),
    label: (kind, slug) => index.get(`${kind}:${slug}`)?.label ?? slug,
    isActive: (kind, slug) => index.get(`${kind}:${slug}`)?.retired === false,
    find: (kind, slug) => index.get(`${kind}:${slug}`),
  };
}

const cache = referenceCache(() => loadTaxonomy());

/** The taxonomy, cached a few seconds per process (app/settings/reference-cache.server.ts). */
export function getTaxonomy(): Promise<Taxonomy> {
  return cache.get();
}
