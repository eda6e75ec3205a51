// The alert form (/espace/alertes), built from the taxonomy choices its loader sends: fields,
// districts and kinds as checkboxes (none ticked = all), and the daily e-mail on or off.
import * as z from "zod";
import { termSlugs } from "~/settings/taxonomy-schemas";
import type { TaxonomyChoices } from "~/settings/taxonomy-choices";
import { POST_KINDS } from "./post-labels";

const list = (v: unknown) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]);

export function alertSchemaFor(choices: Pick<TaxonomyChoices, "field" | "district">) {
  return z.object({
    fields: termSlugs(choices.field, "Champs d'intervention"),
    districts: termSlugs(choices.district, "Quartiers"),
    kinds: z.preprocess(list, z.array(z.enum(POST_KINDS, { error: "Type d'annonce : valeur inconnue." }))),
    subscribed: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  });
}

export type AlertInput = z.output<ReturnType<typeof alertSchemaFor>>;
