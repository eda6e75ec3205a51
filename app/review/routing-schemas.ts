// The forms of routing: a reviewer group of a call (name, members, rules), moving a dossier to
// another group, and a saved filter of the queue. Shared by the browser and the actions.
import * as z from "zod";
import { termSlug } from "~/settings/taxonomy-schemas";
import type { TaxonomyChoices } from "~/settings/taxonomy-choices";
import { euroAmountSchema, nameText, optional } from "~/lib/validation";

export const MAX_GROUP_NAME = 80;

/** The members offered: the call's reviewers and the administrators. */
export function reviewGroupSchema(choices: Pick<TaxonomyChoices, "field" | "district">, candidateIds: readonly string[]) {
  const candidates = new Set(candidateIds);
  return z
    .object({
      name: nameText("Nom du groupe", MAX_GROUP_NAME),
      fieldSlug: optional(termSlug("field", choices.field, "Champ d'intervention : choisissez-en un dans la liste.")),
      districtSlug: optional(termSlug("district", choices.district, "Quartier : choisissez-en un dans la liste.")),
      minAmount: optional(euroAmountSchema("Montant minimum")),
      maxAmount: optional(euroAmountSchema("Montant maximum")),
      memberIds: z.preprocess(
        (v) => (v === undefined || v === null || v === "" || v === false ? [] : Array.isArray(v) ? v : [v]),
        z
          .array(z.string())
          .min(1, "Membres : choisissez au moins une personne.")
          .refine(
            (ids) => ids.every((id) => candidates.has(id)),
            "Membres : choisissez parmi les instructeur·rices de l'appel et les administrateur·rices.",
          ),
      ),
    })
    .superRefine((v, ctx) => {
      if (v.minAmount !== undefined && v.maxAmount !== undefined && v.minAmount > v.maxAmount)
        ctx.addIssue({ code: "custom", path: ["maxAmount"], message: "Montant maximum : il doit être au moins égal au montant minimum." });
    });
}
export type ReviewGroupInput = z.output<ReturnType<typeof reviewGroupSchema>>;

/** "" means no group. */
export const reassignSchema = z.object({
  groupId: z.string({ error: "Groupe : choisissez un groupe." }).max(64, "Groupe : choisissez un groupe."),
});

export const MAX_FILTER_NAME = 60;
export const MAX_SAVED_FILTERS = 20;

export const savedFilterSchema = z.object({
  name: nameText("Nom du filtre", MAX_FILTER_NAME),
  query: z.string().max(2000, "Ce filtre est trop long.").default(""),
});
