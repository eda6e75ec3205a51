// The taxonomy as a form knows it: its loader sends the choices, its schema (browser and action)
// checks against them (app/settings/taxonomy-schemas.ts) and its fields show them. Only active
// terms are offered; a retired one the record still holds is shown, said to be no longer offered.
import type { Taxonomy } from "~/settings/taxonomy.server";
import type { TaxonomyKind } from "~/settings/taxonomy";

/** What a slug looks like: lower-case letters and digits between single hyphens ("centre-ville-battant"). */
export const TERM_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export type TaxonomyChoice = { slug: string; label: string; retired?: boolean };
export type TaxonomyChoices = Record<TaxonomyKind, TaxonomyChoice[]>;

/**
 * What a form's loader sends: the active terms of each kind, and the retired ones the record being
 * edited holds (so the form shows what is stored; saving it is refused with a message).
 */
export function formChoices(taxonomy: Pick<Taxonomy, "all">, held: Partial<Record<TaxonomyKind, readonly string[]>> = {}): TaxonomyChoices {
  const choicesOf = (kind: TaxonomyKind): TaxonomyChoice[] => {
    const kept = new Set(held[kind] ?? []);
    return taxonomy
      .all(kind)
      .filter((t) => !t.retired || kept.has(t.slug))
      .map((t) => (t.retired ? { slug: t.slug, label: t.label, retired: true } : { slug: t.slug, label: t.label }));
  };
  return { field: choicesOf("field"), public: choicesOf("public"), district: choicesOf("district") };
}

/** What an action checks a form against: every term, so that a retired one gets its own message. */
export function validationChoices(taxonomy: Pick<Taxonomy, "all">): TaxonomyChoices {
  const choicesOf = (kind: TaxonomyKind) => taxonomy.all(kind).map((t) => ({ slug: t.slug, label: t.label, retired: t.retired }));
  return { field: choicesOf("field"), public: choicesOf("public"), district: choicesOf("district") };
}

/** A form field's options; a retired term the record holds says so. */
export function choiceOptions(choices: readonly TaxonomyChoice[]): { value: string; label: string }[] {
  return choices.map((c) => ({ value: c.slug, label: c.retired ? `${c.label} (n'est plus proposé)` : c.label }));
}
