// The administrator's call-for-projects form: one schema for the browser and the action, built
// from the taxonomy's choices (the loader sends them; the action reads the database's).
import * as z from "zod";
import { fromParisInputValue } from "~/lib/format";
import type { TaxonomyChoices } from "~/settings/taxonomy-choices";
import { termSlugs } from "~/settings/taxonomy-schemas";
import { euroAmountSchema, multiSelect, nameText, requiredText } from "~/lib/validation";
import { DOCUMENT_KIND_VALUES } from "~/dossiers/schemas";

export const CRITERIA_ROWS = 6;

const dateTime = (label: string) =>
  z
    .string({ error: `${label} : ce champ est obligatoire.` })
    .refine((v) => fromParisInputValue(v) !== null, `${label} : indiquez une date et une heure.`);

/** The exercice the call's subsidies are booked in: a "… 2027" call opened in 2026 funds 2027. */
const financialYearSchema = z.coerce
  .number({ error: "Exercice budgétaire : indiquez une année, par exemple 2027." })
  .int("Exercice budgétaire : indiquez une année, par exemple 2027.")
  .min(2000, "Exercice budgétaire : indiquez une année entre 2000 et 2100.")
  .max(2100, "Exercice budgétaire : indiquez une année entre 2000 et 2100.");

const criterionRows = Object.fromEntries(
  Array.from({ length: CRITERIA_ROWS }, (_, i) => [
    [`criterionLabel_${i}`, z.string().trim().max(200, "Critère : 200 caractères au maximum.").optional()],
    [`criterionDescription_${i}`, z.string().trim().max(500, "Description du critère : 500 caractères au maximum.").optional()],
    [`criterionWeight_${i}`, z.string().trim().optional()],
  ]).flat(),
) as Record<string, z.ZodOptional<z.ZodString>>;

export const callSchema = (choices: Pick<TaxonomyChoices, "field">) =>
  z
    .object({
      title: nameText("Titre", 200),
      summary: requiredText("Résumé", 600),
      body: requiredText("Texte de l'appel", 20_000),
      fields: termSlugs(choices.field, "Champs d'intervention éligibles", 1),
      envelope: euroAmountSchema("Enveloppe totale"),
      minAmount: euroAmountSchema("Montant minimum par dossier"),
      maxAmount: euroAmountSchema("Montant maximum par dossier"),
      opensAt: dateTime("Ouverture"),
      closesAt: dateTime("Clôture"),
      financialYear: financialYearSchema,
      requiredAttachments: multiSelect(DOCUMENT_KIND_VALUES, "Pièces obligatoires"),
      reviewerIds: z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(z.string())),
      ...criterionRows,
    })
    .superRefine((v, ctx) => {
      if (v.minAmount > v.maxAmount)
        ctx.addIssue({ code: "custom", path: ["maxAmount"], message: "Le montant maximum doit être supérieur ou égal au minimum." });
      if (v.maxAmount > v.envelope)
        ctx.addIssue({ code: "custom", path: ["maxAmount"], message: "Le montant maximum ne peut pas dépasser l'enveloppe totale." });
      const opens = fromParisInputValue(v.opensAt);
      const closes = fromParisInputValue(v.closesAt);
      if (opens && closes && closes <= opens)
        ctx.addIssue({ code: "custom", path: ["closesAt"], message: "La clôture doit être postérieure à l'ouverture." });
      let total = 0;
      let count = 0;
      for (let i = 0; i < CRITERIA_ROWS; i++) {
        const rec = v as unknown as Record<string, string | undefined>;
        const label = rec[`criterionLabel_${i}`]?.trim();
        const weight = rec[`criterionWeight_${i}`]?.trim();
        if (!label && !weight) continue;
        if (!label) ctx.addIssue({ code: "custom", path: [`criterionLabel_${i}`], message: `Critère ${i + 1} : indiquez son intitulé.` });
        if (!weight || !/^\d{1,3}$/.test(weight) || Number(weight) < 1) {
          ctx.addIssue({
            code: "custom",
            path: [`criterionWeight_${i}`],
            message: `Critère ${i + 1} : indiquez une pondération entière en %.`,
          });
          continue;
        }
        total += Number(weight);
        count += 1;
      }
      if (count === 0) ctx.addIssue({ code: "custom", path: ["criterionLabel_0"], message: "Indiquez au moins un critère d'évaluation." });
      else if (total !== 100)
        ctx.addIssue({
          code: "custom",
          path: ["criterionWeight_0"],
          message: `Les pondérations des critères doivent totaliser 100 % (actuellement ${total} %).`,
        });
    });

export type CallInput = z.output<ReturnType<typeof callSchema>>;

export function criteriaFromInput(input: CallInput) {
  const rec = input as unknown as Record<string, string | undefined>;
  const out: { label: string; description: string; weight: number }[] = [];
  for (let i = 0; i < CRITERIA_ROWS; i++) {
    const label = rec[`criterionLabel_${i}`]?.trim();
    const weight = rec[`criterionWeight_${i}`]?.trim();
    if (label && weight) out.push({ label, description: rec[`criterionDescription_${i}`]?.trim() ?? "", weight: Number(weight) });
  }
  return out;
}
