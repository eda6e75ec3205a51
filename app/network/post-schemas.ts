// The forms of needs and offers, shared by the browser and the actions: the post (publish and
// edit, built from the taxonomy's choices the loader sent), the answer, and the list's filters.
import * as z from "zod";
import { isCalendarDay } from "~/lib/calendar-day";
import { nameText, requiredText } from "~/lib/validation";
import { termSlug } from "~/settings/taxonomy-schemas";
import type { TaxonomyChoices } from "~/settings/taxonomy-choices";
import { POST_CATEGORIES, POST_KINDS, POST_LIMITS, addDays, formatDay, parisToday } from "./post-labels";

export function postSchema(choices: Pick<TaxonomyChoices, "field" | "district">) {
  return z.object({
    kind: z.enum(POST_KINDS, { error: "Type d'annonce : choisissez « Besoin » ou « Offre »." }),
    category: z.enum(POST_CATEGORIES, { error: "Catégorie : choisissez une catégorie." }),
    title: nameText("Titre", POST_LIMITS.titleMax),
    body: requiredText("Description", POST_LIMITS.bodyMax),
    fieldSlug: termSlug("field", choices.field, "Champ d'intervention : choisissez un champ."),
    districtSlug: termSlug("district", choices.district, "Quartier : choisissez un quartier."),
    endsOn: z
      .string({ error: "Dernier jour : ce champ est obligatoire." })
      .trim()
      .min(1, "Dernier jour : ce champ est obligatoire.")
      .regex(/^\d{4}-\d{2}-\d{2}$/, "Dernier jour : indiquez une date, par exemple 15/01/2027.")
      .refine(isCalendarDay, "Dernier jour : cette date n'existe pas.")
      .refine((v) => v >= parisToday(), "Dernier jour : choisissez aujourd'hui ou une date à venir.")
      .superRefine((v, ctx) => {
        const last = addDays(parisToday(), POST_LIMITS.maxDaysAhead);
        if (v > last) ctx.addIssue({ code: "custom", message: `Dernier jour : au plus tard le ${formatDay(last)}.` });
      }),
  });
}

export type PostInput = z.output<ReturnType<typeof postSchema>>;

export const answerSchema = z.object({ body: requiredText("Votre message", POST_LIMITS.answerMax) });

export type PostFilters = { kind?: string; category?: string; field?: string; district?: string; q?: string; page: number };

/** The list's filters from the query string: anything unknown is ignored rather than refused (a link is not a form). */
export function readFilters(params: URLSearchParams): PostFilters {
  const one = (key: string, allowed?: readonly string[]) => {
    const value = params.get(key)?.trim() ?? "";
    if (!value || value.length > 80) return undefined;
    return allowed && !allowed.includes(value) ? undefined : value;
  };
  const page = Number.parseInt(params.get("page") ?? "1", 10);
  return {
    kind: one("type", POST_KINDS),
    category: one("categorie", POST_CATEGORIES),
    field: one("champ"),
    district: one("quartier"),
    q: params.get("q")?.trim().slice(0, POST_LIMITS.queryMax) || undefined,
    page: Number.isFinite(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}
