// The staff forms of a subsidy's steering: its own indicators (outside calls), the yearly objectives
// of a multi-year agreement, the record of a review meeting. Shared by the browser and the actions.
import * as z from "zod";
import { dateInputSchema } from "~/subsidies/schemas";
import { nameText, optionalText, requiredText } from "~/lib/validation";
import { INDICATOR_KINDS, INDICATOR_UNIT_KEYS, indicatorValueSchema } from "~/steering/indicators";

/** Keep few objectives (SMART, on existing indicators): at most 8 a year. */
export const MAX_OBJECTIVES_PER_YEAR = 8;
export const MAX_SUBSIDY_INDICATORS = 8;

const year = z.coerce
  .number({ error: "Année : indiquez une année de la convention." })
  .int("Année : indiquez une année de la convention.")
  .min(2000, "Année : indiquez une année de la convention.")
  .max(2100, "Année : indiquez une année de la convention.");

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalId = z.preprocess(blankToUndefined, z.string().max(64).optional());
const optionalRaw = z.preprocess(blankToUndefined, z.string().max(40).optional());

/** "12,5" in `unit` → 12.5, with the French message of indicatorValueSchema on `path`. */
function readTarget(raw: string | undefined, label: string, unit: string, path: string, ctx: z.RefinementCtx) {
  const parsed = indicatorValueSchema(label, unit, false).safeParse(raw);
  if (!parsed.success) {
    ctx.addIssue({ code: "custom", path: [path], message: parsed.error.issues[0]?.message ?? `${label} : valeur invalide.` });
    return null;
  }
  return parsed.data ?? null;
}

/** An indicator staff give a subsidy granted outside any call, with its target. */
export const subsidyIndicatorSchema = z
  .object({
    name: nameText("Nom de l'indicateur", 120),
    kind: z.enum(INDICATOR_KINDS, { error: "Type : choisissez moyens ou résultats." }),
    unit: z.enum(INDICATOR_UNIT_KEYS, { error: "Unité : choisissez une unité de la liste." }),
    target: optionalRaw,
  })
  .transform((v, ctx) => ({ name: v.name, kind: v.kind, unit: v.unit, target: readTarget(v.target, "Objectif", v.unit, "target", ctx) }));

/**
 * A yearly objective of a multi-year agreement: a title, optionally the indicator that measures it
 * and its target for the year (in the indicator's unit: the server checks a share stays ≤ 100 %).
 */
export const objectiveSchema = z
  .object({
    year,
    title: nameText("Intitulé de l'objectif", 200),
    indicatorId: optionalId,
    target: optionalRaw,
  })
  .transform((v, ctx) => {
    const target = readTarget(v.target, "Cible", "nombre", "target", ctx);
    if (target !== null && !v.indicatorId) {
      ctx.addIssue({ code: "custom", path: ["indicatorId"], message: "Choisissez l'indicateur qui mesure la cible." });
    }
    return { year: v.year, title: v.title, indicatorId: v.indicatorId ?? null, target };
  });

/** The record of a yearly review meeting (dialogue de gestion). */
export const meetingSchema = z.object({
  year,
  heldOn: dateInputSchema("Date du dialogue de gestion"),
  participants: requiredText("Participants", 1000),
  notes: requiredText("Compte rendu des échanges", 5000),
  decisions: optionalText("Décisions", 3000),
});
