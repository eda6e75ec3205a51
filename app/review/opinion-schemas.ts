// The forms of expert opinions (avis), shared by the browser and the actions: the staff's
// request on the dossier page, and the expert's answer on the page of the link.
import { isCalendarDay } from "~/lib/calendar-day";
import * as z from "zod";
import { emailSchema, nameText, requiredText } from "~/lib/validation";

/** The longest answer an expert may write (and the longest question asked). */
export const OPINION_TEXT_MAX = 10_000;

/** Today in Paris as YYYY-MM-DD (the browser's clock in the browser, the server's on the server). */
export function parisToday(now = new Date()): string {
  return new Intl.DateTimeFormat("fr-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

const ticked = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

export const opinionRequestSchema = z.object({
  expertName: nameText("Nom de la personne consultée"),
  expertEmail: emailSchema,
  question: requiredText("Question posée", 5000),
  dueOn: z
    .string({ error: "Date limite : ce champ est obligatoire." })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Date limite : indiquez une date, par exemple 15/01/2027.")
    .refine(isCalendarDay, "Date limite : cette date n'existe pas.")
    .refine((v) => v > parisToday(), "Date limite : choisissez une date après aujourd'hui."),
  confidential: ticked,
});

/** « Relancer », « Annuler la demande »: which request. */
export const opinionIdSchema = z.object({ opinionId: z.string({ error: "Demande d'avis inconnue." }).min(1, "Demande d'avis inconnue.") });

export const opinionAnswerSchema = z.object({ answer: requiredText("Votre avis", OPINION_TEXT_MAX) });
