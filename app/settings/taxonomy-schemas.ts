// Form fields holding taxonomy slugs, checked against the choices the loader sent (the browser)
// or the database's terms (the action): an unknown value and a retired one each get a French message.
import * as z from "zod";
import type { TaxonomyKind } from "~/settings/taxonomy";
import { TERM_SLUG_PATTERN, type TaxonomyChoice } from "~/settings/taxonomy-choices";

const RETIRED_ONE: Record<TaxonomyKind, string> = {
  district: "Ce quartier n'est plus proposé : choisissez-en un autre.",
  field: "Ce champ d'intervention n'est plus proposé : choisissez-en un autre.",
  public: "Ce public n'est plus proposé : choisissez-en un autre.",
};

function lookup(choices: readonly TaxonomyChoice[]) {
  const bySlug = new Map(choices.map((c) => [c.slug, c]));
  return (slug: string) => (TERM_SLUG_PATTERN.test(slug) ? bySlug.get(slug) : undefined);
}

/** One slug of a kind (a select): `unknownMessage` also answers a missing value. */
export function termSlug(kind: TaxonomyKind, choices: readonly TaxonomyChoice[], unknownMessage: string) {
  const find = lookup(choices);
  return z.string({ error: unknownMessage }).superRefine((slug, ctx) => {
    const term = find(slug);
    if (!term) ctx.addIssue({ code: "custom", message: unknownMessage });
    else if (term.retired) ctx.addIssue({ code: "custom", message: RETIRED_ONE[kind] });
  });
}

/** Slugs of a kind (checkboxes): a single ticked box arrives as a string, none as nothing. */
export function termSlugs(choices: readonly TaxonomyChoice[], label: string, min = 0) {
  const find = lookup(choices);
  return z.preprocess(
    (v) => (v === undefined || v === null || v === "" || v === false ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(z.string({ error: `${label} : valeur inconnue.` }))
      .min(min, min === 1 ? `${label} : choisissez au moins une option.` : `${label} : choisissez au moins ${min} options.`)
      .superRefine((slugs, ctx) => {
        for (const slug of slugs) {
          const term = find(slug);
          if (term && !term.retired) continue;
          ctx.addIssue({
            code: "custom",
            message: term ? `${label} : « ${term.label} » n'est plus proposé, décochez-le.` : `${label} : valeur inconnue.`,
          });
          return;
        }
      }),
  );
}
