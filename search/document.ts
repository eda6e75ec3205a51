// The search document built from an association row. The database is the truth;
// this is what the directory needs to find and show an association. Labels are the taxonomy's
// at indexing time (a retired term still names the records that hold it).
import type { Taxonomy } from "../app/settings/taxonomy.server";

export type AssociationDocument = {
  id: string;
  slug: string;
  name: string;
  acronym: string | null;
  socialObject: string;
  description: string;
  city: string;
  postcode: string;
  district: string;
  districtLabel: string;
  fields: string[];
  fieldLabels: string[];
  /** The fields' descriptions (TaxonomyTerm.description): everyday words for a need, searched last. */
  fieldDescriptions: string[];
  publics: string[];
  publicLabels: string[];
  charterSigner: boolean;
  /** Ligatures and accents folded, so "coeur" finds "Cœur" whatever the tokenizer does. */
  folded: string;
  /** The name as French collation orders it (accents, case and punctuation ignored): "Accès" before "Accessibilité". */
  sortName: string;
  /** Meilisearch's geo attribute (sort by distance, the map); absent while the address is not placed. */
  _geo?: { lat: number; lng: number };
  updatedAt: number;
};

/** The columns the document needs; used by the sync and the full reindex. */
export const associationDocumentSelect = {
  id: true,
  slug: true,
  name: true,
  acronym: true,
  socialObject: true,
  description: true,
  city: true,
  postcode: true,
  district: true,
  status: true,
  latitude: true,
  longitude: true,
  updatedAt: true,
  fields: { select: { slug: true } },
  publics: { select: { slug: true } },
} as const;

export type AssociationDocumentRow = {
  id: string;
  slug: string;
  name: string;
  acronym: string | null;
  socialObject: string;
  description: string;
  city: string;
  postcode: string;
  district: string;
  status: string;
  latitude: number | null;
  longitude: number | null;
  updatedAt: Date;
  fields: { slug: string }[];
  publics: { slug: string }[];
};

export function foldText(text: string): string {
  return text.replace(/œ/g, "oe").replace(/Œ/g, "OE").replace(/æ/g, "ae").replace(/Æ/g, "AE").normalize("NFD").replace(/\p{M}/gu, "");
}

/** A key whose plain (code point) order is French alphabetical order at the primary level. */
export function collationKey(text: string): string {
  return foldText(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

const DESCRIPTION_MAX = 1500;

export function toAssociationDocument(
  row: AssociationDocumentRow,
  charterSigner: boolean,
  taxonomy: Pick<Taxonomy, "label"> & Partial<Pick<Taxonomy, "find">>,
): AssociationDocument {
  const fields = row.fields.map((f) => f.slug).sort();
  const publics = row.publics.map((p) => p.slug).sort();
  const needsFolding = /[œŒæÆ]/.test(`${row.name} ${row.acronym ?? ""} ${row.socialObject}`);
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    acronym: row.acronym,
    socialObject: row.socialObject,
    description: row.description.slice(0, DESCRIPTION_MAX),
    city: row.city,
    postcode: row.postcode,
    district: row.district,
    districtLabel: taxonomy.label("district", row.district),
    fields,
    fieldLabels: fields.map((s) => taxonomy.label("field", s)),
    fieldDescriptions: fields.map((s) => taxonomy.find?.("field", s)?.description ?? "").filter(Boolean),
    publics,
    publicLabels: publics.map((s) => taxonomy.label("public", s)),
    charterSigner,
    folded: needsFolding ? foldText(`${row.name} ${row.acronym ?? ""} ${row.socialObject}`) : "",
    sortName: collationKey(row.name),
    ...(row.latitude !== null && row.longitude !== null ? { _geo: { lat: row.latitude, lng: row.longitude } } : {}),
    updatedAt: row.updatedAt.getTime(),
  };
}
