// The administrator's forms for a call's indicators: one indicator (add, edit), and the
// indicators each criterion refers to. Shared by the browser and the action.
import * as z from "zod";
import { nameText, optionalText } from "~/lib/validation";
import { INDICATOR_KINDS, INDICATOR_UNIT_KEYS } from "~/steering/indicators";

export const MAX_CALL_INDICATORS = 20;

export const callIndicatorSchema = z.object({
  name: nameText("Nom de l'indicateur", 150),
  kind: z.enum(INDICATOR_KINDS, { error: "Nature de l'indicateur : choisissez « moyens » ou « résultats »." }),
  unit: z.enum(INDICATOR_UNIT_KEYS, { error: "Unité : choisissez une unité dans la liste." }),
  targetRequired: z.preprocess((v) => v === "on" || v === true, z.boolean()),
  description: optionalText("Description", 1000),
});
export type CallIndicatorInput = z.output<typeof callIndicatorSchema>;

/** `criterion_<criterionId>`: the ids of the indicators the criterion refers to (checkboxes). */
/** One criterion's checkboxes: the ids ticked (none, one or several). */
export const criterionIndicatorIds = z.preprocess(
  (v) => (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === "string" && x !== ""),
  z.array(z.string().max(40)).max(MAX_CALL_INDICATORS),
);
export const criterionLinksSchema = z.record(z.string(), criterionIndicatorIds);
