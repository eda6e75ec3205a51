// A dossier step's fields, declared once: their kinds, and the zod schema each kind gets.
// Values are stored as typed (strings), so a half-filled step comes back as is.
import { isCalendarDay } from "~/lib/calendar-day";
import * as z from "zod";
import { emailSchema, euroAmountSchema, multiSelect, nameText, optional, optionalText, phoneSchema, requiredText } from "~/lib/validation";
import type { TaxonomyKind } from "~/settings/taxonomy";
import type { TaxonomyChoices } from "~/settings/taxonomy-choices";
import { termSlug, termSlugs } from "~/settings/taxonomy-schemas";

export type FieldKind = "text" | "textarea" | "integer" | "decimal" | "money" | "date" | "select" | "multi" | "checkbox" | "email" | "tel";
export type StepField = {
  name: string;
  label: string;
  kind: FieldKind;
  required?: boolean;
  hint?: string;
  options?: readonly { value: string; label: string }[];
  /** A select or multi whose options are the taxonomy's terms of this kind (see withChoices). */
  taxonomy?: TaxonomyKind;
  /** A heading the field starts (budget groups). */
  group?: string;
  /** A name or a title: it may not start like a spreadsheet formula (see `nameText`). */
  isName?: true;
};
export type StepKey =
  | "identification"
  | "administration"
  | "reseaux"
  | "ressources_humaines"
  | "budget_association"
  | "projet"
  | "indicateurs"
  | "budget_projet"
  | "pieces"
  | "declaration";
export type StepDef = { key: StepKey; label: string; intro?: string; fields: StepField[] };

// ── Field schemas ─────────────────────────────────────────────────

const blank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

function integerSchema(label: string, required: boolean) {
  const base = z
    .string({ error: `${label} : indiquez un nombre entier.` })
    .trim()
    .regex(/^\d{1,9}$/, `${label} : indiquez un nombre entier, par exemple 12.`);
  return required
    ? z.preprocess((v) => (blank(v) ? undefined : v), z.string({ error: `${label} : ce champ est obligatoire.` }).pipe(base))
    : z.preprocess((v) => (blank(v) ? undefined : v), base.optional());
}

function decimalSchema(label: string, required: boolean) {
  const base = z
    .string({ error: `${label} : ce champ est obligatoire.` })
    .trim()
    .regex(/^\d{1,6}([.,]\d{1,2})?$/, `${label} : indiquez un nombre, par exemple 2,5.`);
  return z.preprocess((v) => (blank(v) ? undefined : v), required ? base : base.optional());
}

function dateSchema(label: string, required: boolean) {
  const base = z
    .string({ error: `${label} : ce champ est obligatoire.` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label} : indiquez une date.`)
    .refine(isCalendarDay, `${label} : cette date n'existe pas.`);
  return z.preprocess((v) => (blank(v) ? undefined : v), required ? base : base.optional());
}

function moneySchema(label: string, required: boolean) {
  if (required) return z.preprocess((v) => (blank(v) ? undefined : v), euroAmountSchema(label));
  return z.preprocess((v) => (blank(v) ? "0" : v), euroAmountSchema(label));
}

function taxonomySchema(field: StepField, kind: TaxonomyKind, choices: TaxonomyChoices | undefined): z.ZodType {
  if (!choices) throw new Error(`The field "${field.name}" needs the taxonomy's choices.`);
  const required = Boolean(field.required);
  if (field.kind === "multi") return termSlugs(choices[kind], field.label, required ? 1 : 0);
  const base = termSlug(kind, choices[kind], `${field.label} : choisissez une option.`);
  return z.preprocess((v) => (blank(v) ? undefined : v), required ? base : base.optional());
}

function fieldSchema(field: StepField, choices: TaxonomyChoices | undefined): z.ZodType {
  const required = Boolean(field.required);
  if (field.taxonomy) return taxonomySchema(field, field.taxonomy, choices);
  switch (field.kind) {
    case "text":
      if (field.isName) return required ? nameText(field.label, 300) : optional(nameText(field.label, 300));
      return required ? requiredText(field.label, 300) : optionalText(field.label, 300);
    case "textarea":
      return required ? requiredText(field.label, 5000) : optionalText(field.label, 5000);
    case "integer":
      return integerSchema(field.label, required);
    case "decimal":
      return decimalSchema(field.label, required);
    case "money":
      return moneySchema(field.label, required);
    case "date":
      return dateSchema(field.label, required);
    case "email":
      return required ? emailSchema : z.preprocess((v) => (blank(v) ? undefined : v), emailSchema.optional());
    case "tel":
      return required ? phoneSchema : z.preprocess((v) => (blank(v) ? undefined : v), phoneSchema.optional());
    case "select": {
      const values = (field.options ?? []).map((o) => o.value) as [string, ...string[]];
      const base = z.enum(values, { error: `${field.label} : choisissez une option.` });
      return z.preprocess((v) => (blank(v) ? undefined : v), required ? base : base.optional());
    }
    case "multi": {
      const values = (field.options ?? []).map((o) => o.value) as [string, ...string[]];
      return multiSelect(values, field.label, required ? 1 : 0);
    }
    case "checkbox":
      return z.preprocess(
        (v) => (v === true || v === "on" || v === "true" ? "on" : undefined),
        z.literal("on", { error: `${field.label} : cochez cette case pour signer.` }),
      );
  }
}

/** A step's schema; `choices` (the taxonomy's) is needed by a step with taxonomy fields. */
export function objectSchema(def: StepDef, choices?: TaxonomyChoices) {
  return z.object(Object.fromEntries(def.fields.map((f) => [f.name, fieldSchema(f, choices)])));
}
