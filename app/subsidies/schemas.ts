// The subsidy forms: vote, grant outside a call, payment schedule, payment, convention,
// compte rendu financier. Shared by the browser (react-hook-form) and the actions.
import { isCalendarDay } from "~/lib/calendar-day";
import * as z from "zod";
import { euroAmountSchema, nameText, optionalText, requiredText } from "~/lib/validation";
import { attachmentValue } from "~/steering/social-project-schemas";

/** "2026-03-15" (a date input) → the same string, checked. */
export const dateInputSchema = (label: string) =>
  z
    .string({ error: `${label} : indiquez une date.` })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label} : indiquez une date au format jj/mm/aaaa.`)
    .refine(isCalendarDay, `${label} : cette date n'existe pas.`);

const optionalEuros = (label: string) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), euroAmountSchema(label).optional());

const optionalDate = (label: string) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), dateInputSchema(label).optional());

export const MAX_CPO_YEARS = 4;
export const MAX_INSTALMENTS = 4;

export const INSTALMENT_KINDS = ["avance", "acompte", "solde"] as const;
export type InstalmentKind = (typeof INSTALMENT_KINDS)[number];
export const INSTALMENT_KIND_LABELS: Record<InstalmentKind, string> = { avance: "Avance", acompte: "Acompte", solde: "Solde" };

/** The vote of the CCAS board: one amount, or one amount per year for a CPO (up to 4 years). */
export const voteSchema = z
  .object({
    decisionDate: dateInputSchema("Date de la décision"),
    deliberationRef: requiredText("Référence de la délibération", 60),
    multiYear: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
    amount_0: euroAmountSchema("Montant voté (1re année)"),
    amount_1: optionalEuros("Montant voté (2e année)"),
    amount_2: optionalEuros("Montant voté (3e année)"),
    amount_3: optionalEuros("Montant voté (4e année)"),
  })
  .superRefine((v, ctx) => {
    if (v.amount_0 <= 0)
      ctx.addIssue({ code: "custom", path: ["amount_0"], message: "Montant voté : indiquez un montant supérieur à 0 €." });
    if (!v.multiYear && (v.amount_1 || v.amount_2 || v.amount_3)) {
      ctx.addIssue({
        code: "custom",
        path: ["multiYear"],
        message: "Cochez « Convention pluriannuelle » pour voter un montant par année.",
      });
    }
    if (v.multiYear && !v.amount_1) {
      ctx.addIssue({
        code: "custom",
        path: ["amount_1"],
        message: "Une convention pluriannuelle porte sur 2 à 4 années : indiquez le montant de la 2e année.",
      });
    }
    if (v.amount_3 !== undefined && v.amount_2 === undefined) {
      ctx.addIssue({ code: "custom", path: ["amount_2"], message: "Indiquez le montant de la 3e année avant celui de la 4e." });
    }
  })
  .transform((v) => ({
    decisionDate: v.decisionDate,
    deliberationRef: v.deliberationRef,
    yearAmounts: [v.amount_0, v.amount_1, v.amount_2, v.amount_3].filter((a): a is number => a !== undefined),
  }));

/** A subsidy granted outside a call for projects. */
export const grantSchema = z.object({
  associationId: z.string({ error: "Association : choisissez une association." }).min(1, "Association : choisissez une association."),
  purpose: nameText("Objet de la subvention", 256),
  amount: euroAmountSchema("Montant").refine((c) => c > 0, "Montant : indiquez un montant supérieur à 0 €."),
  financialYear: z.coerce
    .number({ error: "Exercice : indiquez une année." })
    .int("Exercice : indiquez une année.")
    .min(2015, "Exercice : indiquez une année à partir de 2015.")
    .max(2100, "Exercice : indiquez une année valide."),
  fundsAction: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  /** Its place in the social project (optional; checked against the year's project by the server). */
  attachment: attachmentValue,
});

const instalmentRow = (i: number) => ({
  [`kind_${i}`]: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.enum(INSTALMENT_KINDS, { error: `Versement ${i + 1} : choisissez avance, acompte ou solde.` }).optional(),
  ),
  [`amount_${i}`]: optionalEuros(`Versement ${i + 1} – montant`),
  [`date_${i}`]: optionalDate(`Versement ${i + 1} – date prévue`),
});

export type InstalmentInput = { kind: InstalmentKind; amountCents: number; plannedDate: string };

/** The payment schedule: up to 4 rows; an empty row is ignored, a half-filled one is an error. */
export const scheduleSchema = z
  .object(Object.assign({}, ...Array.from({ length: MAX_INSTALMENTS }, (_, i) => instalmentRow(i))) as Record<string, z.ZodType>)
  .transform((v, ctx) => {
    const rows: InstalmentInput[] = [];
    for (let i = 0; i < MAX_INSTALMENTS; i++) {
      const kind = v[`kind_${i}`] as InstalmentKind | undefined;
      const amount = v[`amount_${i}`] as number | undefined;
      const date = v[`date_${i}`] as string | undefined;
      if (kind === undefined && amount === undefined && date === undefined) continue;
      if (amount === undefined || amount <= 0)
        ctx.addIssue({ code: "custom", path: [`amount_${i}`], message: `Versement ${i + 1} : indiquez un montant supérieur à 0 €.` });
      if (date === undefined)
        ctx.addIssue({ code: "custom", path: [`date_${i}`], message: `Versement ${i + 1} : indiquez la date prévue.` });
      if (kind === undefined)
        ctx.addIssue({ code: "custom", path: [`kind_${i}`], message: `Versement ${i + 1} : choisissez avance, acompte ou solde.` });
      if (amount && date && kind) rows.push({ kind, amountCents: amount, plannedDate: date });
    }
    if (rows.length === 0) ctx.addIssue({ code: "custom", path: ["amount_0"], message: "Indiquez au moins un versement." });
    return rows;
  });

export const paymentSchema = z.object({
  instalmentId: z.string().min(1, "Choisissez le versement."),
  paidAt: dateInputSchema("Date du versement"),
  amount: euroAmountSchema("Montant versé").refine((c) => c > 0, "Montant versé : indiquez un montant supérieur à 0 €."),
});

export const conventionSignedSchema = z.object({
  signedAt: dateInputSchema("Date de signature"),
});

export const correctionSchema = z.object({
  message: requiredText("Message à l'association", 2000),
});

// ── Compte rendu financier (Cerfa n°15059 spirit): planned vs actual charges and income ──

export const REPORT_CHARGE_LINES = [
  { code: "60", label: "60 – Achats" },
  { code: "61", label: "61 – Services extérieurs" },
  { code: "62", label: "62 – Autres services extérieurs" },
  { code: "63", label: "63 – Impôts et taxes" },
  { code: "64", label: "64 – Charges de personnel" },
  { code: "65", label: "65 – Autres charges de gestion courante" },
  { code: "66", label: "66 – Charges financières" },
  { code: "67", label: "67 – Charges exceptionnelles" },
  { code: "68", label: "68 – Dotations aux amortissements" },
] as const;

export const REPORT_INCOME_LINES = [
  { code: "70", label: "70 – Ventes de produits, prestations" },
  { code: "74ccas", label: "74 – Subvention du CCAS" },
  { code: "74autres", label: "74 – Autres subventions (État, Région, Département, Ville…)" },
  { code: "75", label: "75 – Autres produits de gestion courante (cotisations, dons)" },
  { code: "76", label: "76 – Produits financiers" },
  { code: "77", label: "77 – Produits exceptionnels" },
  { code: "78", label: "78 – Reprises sur amortissements et provisions" },
] as const;

export type ReportLine = { code: string; label: string; plannedCents: number; actualCents: number };
export type ReportData = {
  charges: ReportLine[];
  income: ReportLine[];
  qualitative: string;
  gapExplanation?: string;
  attachmentIds?: string[];
};

const lineFields = (prefix: "c" | "p", lines: readonly { code: string; label: string }[]) =>
  Object.assign(
    {},
    ...lines.map((l) => ({
      [`planned_${prefix}${l.code}`]: optionalEuros(`${l.label} (prévu)`),
      [`actual_${prefix}${l.code}`]: optionalEuros(`${l.label} (réalisé)`),
    })),
  ) as Record<string, z.ZodType>;

/** The report's own fields; `reportSchemaFor` (app/steering/report-schema.ts) adds the indicators' values. */
export const reportFields = {
  ...lineFields("c", REPORT_CHARGE_LINES),
  ...lineFields("p", REPORT_INCOME_LINES),
  qualitative: requiredText("Bilan qualitatif de l'action", 5000),
  gapExplanation: optionalText("Explication des écarts", 3000),
};

/** The parsed fields as ReportData (at least one charge achieved). */
export function toReportData(parsed: Record<string, unknown>, ctx: z.RefinementCtx): Omit<ReportData, "attachmentIds"> {
  const v = parsed;
  const read = (prefix: "c" | "p", lines: readonly { code: string; label: string }[]) =>
    lines.map((l) => ({
      code: l.code,
      label: l.label,
      plannedCents: (v[`planned_${prefix}${l.code}`] as number | undefined) ?? 0,
      actualCents: (v[`actual_${prefix}${l.code}`] as number | undefined) ?? 0,
    }));
  const charges = read("c", REPORT_CHARGE_LINES);
  const income = read("p", REPORT_INCOME_LINES);
  if (charges.every((l) => l.actualCents === 0)) {
    ctx.addIssue({ code: "custom", path: ["actual_c60"], message: "Indiquez au moins une charge réalisée." });
  }
  return { charges, income, qualitative: v.qualitative as string, gapExplanation: v.gapExplanation as string | undefined };
}

export const reportSchema = z.object(reportFields).transform((parsed, ctx) => toReportData(parsed, ctx));
