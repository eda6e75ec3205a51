// The dossier's forms, one zod schema per step, used in the browser (react-hook-form) and by
// the step's action. The fields are declared once in step-definitions.ts.
import * as z from "zod";
import { projectBudgetSchema, type AmountBounds } from "~/dossiers/budget";
import { objectSchema, type StepKey } from "~/dossiers/field-schemas";
import { stepDef } from "~/dossiers/step-definitions";
import { parseEurosToCents } from "~/lib/validation";
import type { TaxonomyChoices } from "~/settings/taxonomy-choices";

export type { FieldKind, StepDef, StepField, StepKey } from "~/dossiers/field-schemas";
export {
  budgetTotals,
  CHARGE_LINES,
  IN_KIND_LINES,
  INCOME_LINES,
  projectBudgetSchema,
  type AmountBounds,
  type BudgetTotals,
} from "~/dossiers/budget";
export { DOSSIER_STEP_DEFS, DOSSIER_STEPS, isStepKey, STEP_KEYS, stepDef, withChoices } from "~/dossiers/step-definitions";
export { DOCUMENT_KINDS, DOCUMENT_KIND_VALUES, documentKindLabel, type DocumentKind } from "~/documents/document-kinds";

const def = (key: StepKey) => stepDef(key)!;

export const identificationSchema = objectSchema(def("identification"));
export const administrationSchema = objectSchema(def("administration"));
export const reseauxSchema = objectSchema(def("reseaux"));
export const humanResourcesSchema = objectSchema(def("ressources_humaines"));
export const associationBudgetSchema = objectSchema(def("budget_association"));
/** The project step: its fields of intervention, publics and territory are the taxonomy's. */
export const projectSchema = (choices: TaxonomyChoices) => objectSchema(def("projet"), choices);
export const declarationSchema = objectSchema(def("declaration"));

/** The schema of a step with fields (not "pieces" nor "indicateurs"), given the call's bounds for the budget and the taxonomy's choices. */
export function stepSchema(key: StepKey, bounds: AmountBounds | undefined, choices: TaxonomyChoices): z.ZodType {
  switch (key) {
    case "identification":
      return identificationSchema;
    case "administration":
      return administrationSchema;
    case "reseaux":
      return reseauxSchema;
    case "ressources_humaines":
      return humanResourcesSchema;
    case "budget_association":
      return associationBudgetSchema;
    case "projet":
      return projectSchema(choices);
    case "budget_projet":
      return projectBudgetSchema(bounds);
    case "declaration":
      return declarationSchema;
    case "pieces":
    case "indicateurs":
      // Custom steps: the attachments, and the targets (app/steering/dossier-indicators.ts, built from the call).
      return z.object({});
  }
}

/** Keeps only this step's known fields from a submitted form, as strings (or lists), for a draft. */
export function pickStepValues(key: StepKey, input: Record<string, unknown>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const field of stepDef(key)?.fields ?? []) {
    const v = input[field.name];
    if (v === undefined || v === null) continue;
    if (field.kind === "multi") out[field.name] = (Array.isArray(v) ? v : [v]).map(String).slice(0, 50);
    else if (Array.isArray(v)) out[field.name] = String(v[v.length - 1] ?? "").slice(0, 6000);
    else out[field.name] = String(v).slice(0, 6000);
  }
  return out;
}

/** parseEurosToCents for stored values, tolerant of a blank. */
export function parseEurosToCentsSafe(value: string | undefined | null): number | null {
  if (!value || !value.trim()) return null;
  return parseEurosToCents(value);
}
