// The forms of the staff review side, shared by the browser and the actions. The page's
// action reads the submit button's `intent` first, then parses the rest with one of these.
import * as z from "zod";
import { isCalendarDay } from "~/lib/calendar-day";
import { CORRECTION_REASONS, parisDayKey } from "./correction-reasons";
import { euroAmountSchema, optionalText, requiredText } from "~/lib/validation";

export const annotationSchema = z.object({ body: requiredText("Annotation", 5000) });

/** Both sides of the thread. */
export const messageSchema = z.object({ body: requiredText("Message", 5000) });

/** Why, what and by when (a day after today, Paris time). */
export const correctionSchema = z.object({
  reason: z.enum(CORRECTION_REASONS, { error: "Motif de la demande : choisissez-en un." }),
  message: requiredText("Corrections demandées", 5000),
  dueDate: z
    .string({ error: "Date limite : indiquez une date." })
    .trim()
    .min(1, "Date limite : indiquez une date.")
    .refine((v) => v === "" || /^\d{4}-\d{2}-\d{2}$/.test(v), "Date limite : indiquez une date au format jj/mm/aaaa.")
    .refine((v) => !/^\d{4}-\d{2}-\d{2}$/.test(v) || isCalendarDay(v), "Date limite : cette date n'existe pas.")
    .refine((v) => !isCalendarDay(v) || v > parisDayKey(new Date()), "Date limite : choisissez une date après aujourd'hui."),
});

export const conflictSchema = z.object({ reason: optionalText("Motif", 1000) });

export const acceptSchema = z.object({
  amount: euroAmountSchema("Montant accordé"),
  comment: optionalText("Commentaire", 2000),
});

export const refuseSchema = z.object({ reason: requiredText("Motif du refus", 2000) });

export const closeSchema = z.object({ reason: optionalText("Motif", 2000) });

const scoreValue = (label: string) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? Number(v.trim().replace(",", ".")) : v),
    z
      .number({ error: `${label} : donnez une note de 0 à 10.` })
      .int(`${label} : la note est un nombre entier de 0 à 10.`)
      .min(0, `${label} : la note est un nombre entier de 0 à 10.`)
      .max(10, `${label} : la note est un nombre entier de 0 à 10.`),
  );

export const scoreFieldName = (criterionId: string) => `score_${criterionId}`;

/** One required note per criterion of the call, named score_<criterionId>. */
export function scoreSchema(criteria: readonly { id: string; label: string }[]) {
  const shape: Record<string, z.ZodType> = { comment: optionalText("Commentaire", 2000) };
  for (const c of criteria) shape[scoreFieldName(c.id)] = scoreValue(c.label);
  return z.object(shape);
}

export const exportSchema = z.object({
  format: z.enum(["csv", "xlsx"], { error: "Choisissez le format : CSV ou Excel." }),
  colonnes: z.preprocess(
    (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.string()).min(1, "Choisissez au moins une colonne à exporter."),
  ),
});
