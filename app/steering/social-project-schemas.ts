// The social project's forms (the project, an axis, a projet phare), the call's « Projet social »
// section and a subsidy's attachment. Shared by the browser (react-hook-form) and the actions.
import { isCalendarDay } from "~/lib/calendar-day";
import * as z from "zod";
import { nameText, optionalText } from "~/lib/validation";

const year = (label: string) =>
  z.coerce
    .number({ error: `${label} : indiquez une année.` })
    .int(`${label} : indiquez une année, par exemple 2027.`)
    .min(2000, `${label} : indiquez une année à partir de 2000.`)
    .max(2100, `${label} : indiquez une année avant 2100.`);

const optionalDateInput = (label: string) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z
      .string()
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}$/, `${label} : indiquez une date au format jj/mm/aaaa.`)
      .refine(isCalendarDay, `${label} : cette date n'existe pas.`)
      .optional(),
  );

/** A project's own fields; its period runs from startYear to endYear included (at most 10 years). */
export const socialProjectSchema = z
  .object({
    title: nameText("Titre", 200),
    startYear: year("Première année"),
    endYear: year("Dernière année"),
    adoptedOn: optionalDateInput("Date d'adoption"),
    description: optionalText("Description", 4000),
  })
  .refine((p) => p.endYear >= p.startYear, {
    path: ["endYear"],
    message: "Dernière année : elle ne peut pas précéder la première année.",
  })
  .refine((p) => p.endYear - p.startYear <= 9, {
    path: ["endYear"],
    message: "Dernière année : un projet social couvre 10 ans au plus.",
  });
export type SocialProjectInput = z.output<typeof socialProjectSchema>;

export const axisSchema = z.object({
  title: nameText("Intitulé de l'axe", 300),
  description: optionalText("Description de l'axe", 2000),
});
export type AxisInput = z.output<typeof axisSchema>;

export const flagshipSchema = z.object({
  title: nameText("Intitulé du projet phare", 300),
  axisId: z.string({ error: "Axe : choisissez un axe." }).min(1, "Axe : choisissez un axe."),
});
export type FlagshipInput = z.output<typeof flagshipSchema>;

const idList = z.preprocess(
  (v) => (v === undefined || v === null || v === "" || v === false ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.string().min(1).max(64)).max(200),
);

/** The call's « Projet social » section: the axes and projets phares it serves (ids checked by the server). */
export const callSteeringSchema = z.object({ axisIds: idList, flagshipIds: idList });
export type CallSteeringInput = z.output<typeof callSteeringSchema>;

/**
 * A subsidy's attachment, as one select: "" (none), "<axisId>" or "<axisId>:<flagshipId>". The
 * server checks that the axis belongs to the project covering the subsidy's year and the projet
 * phare to that axis.
 */
export const attachmentValue = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() : (v ?? "")),
  z
    .string()
    .max(130, "Rattachement : choix inconnu.")
    .regex(/^([\w-]+(:[\w-]+)?)?$/, "Rattachement : choix inconnu."),
);
export const attachmentSchema = z.object({ attachment: attachmentValue });

export function parseAttachmentValue(value: string): { axisId: string | null; flagshipId: string | null } {
  if (!value) return { axisId: null, flagshipId: null };
  const [axisId, flagshipId] = value.split(":");
  return { axisId: axisId || null, flagshipId: flagshipId || null };
}

export function attachmentToValue(axisId: string | null | undefined, flagshipId: string | null | undefined): string {
  if (!axisId) return "";
  return flagshipId ? `${axisId}:${flagshipId}` : axisId;
}
