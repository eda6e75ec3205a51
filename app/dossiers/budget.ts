// The budget of a project (Cerfa n°12156*06): its lines by account class, their totals, and
// the step's schema (balanced, in-kind lines equal, the CCAS amount within the call's bounds).
import { objectSchema, type StepDef } from "~/dossiers/field-schemas";
import { formatEuros } from "~/lib/format";
import { parseEurosToCents } from "~/lib/validation";

/** Charge lines of the project budget (account classes 60–68). */
export const CHARGE_LINES = [
  { name: "c60", label: "60 – Achats (prestations, matières, fournitures)" },
  { name: "c61", label: "61 – Services extérieurs (locations, entretien, assurances)" },
  { name: "c62", label: "62 – Autres services extérieurs (honoraires, publicité, déplacements)" },
  { name: "c63", label: "63 – Impôts et taxes" },
  { name: "c64", label: "64 – Charges de personnel" },
  { name: "c65", label: "65 – Autres charges de gestion courante" },
  { name: "c66", label: "66 – Charges financières" },
  { name: "c67", label: "67 – Charges exceptionnelles" },
  { name: "c68", label: "68 – Dotations aux amortissements" },
] as const;

/** Income lines (70–75), with the amount asked of each funder under 74 (keys are stored: never rename them). */
export const INCOME_LINES = [
  { name: "p70", label: "70 – Ventes de produits, prestations de services" },
  { name: "p73", label: "73 – Dotations et produits de tarification" },
  { name: "p74_etat", label: "74 – Subvention demandée à l'État" },
  { name: "p74_region", label: "74 – Subvention demandée à la Région" },
  { name: "p74_departement", label: "74 – Subvention demandée au Département" },
  { name: "p74_commune", label: "74 – Subvention demandée à la commune" },
  { name: "p74_ccas", label: "74 – Subvention demandée au CCAS (ce dossier)" },
  { name: "p74_autres", label: "74 – Autres financeurs publics ou privés" },
  { name: "p75", label: "75 – Autres produits de gestion courante (cotisations, dons)" },
] as const;

export const IN_KIND_LINES = [
  { name: "c86", label: "86 – Emplois des contributions volontaires en nature" },
  { name: "p87", label: "87 – Contributions volontaires en nature (bénévolat, mise à disposition)" },
] as const;

export const PROJECT_BUDGET_STEP: StepDef = {
  key: "budget_projet",
  label: "Budget du projet",
  intro: "Montants en euros. Le total des charges doit être égal au total des produits, contributions en nature comprises.",
  fields: [
    ...CHARGE_LINES.map((l, i) => ({ ...l, kind: "money" as const, group: i === 0 ? "Charges" : undefined })),
    ...INCOME_LINES.map((l, i) => ({
      ...l,
      kind: "money" as const,
      group: i === 0 ? "Produits" : undefined,
      required: l.name === "p74_ccas",
    })),
    ...IN_KIND_LINES.map((l, i) => ({
      ...l,
      kind: "money" as const,
      group: i === 0 ? "Contributions volontaires en nature" : undefined,
    })),
  ],
};

export type AmountBounds = { minAmountCents: number; maxAmountCents: number };

export type BudgetTotals = {
  chargesCents: number;
  incomeCents: number;
  inKindChargesCents: number;
  inKindIncomeCents: number;
  ccasCents: number;
};

/** Totals of a project budget, charges and income each including their in-kind line. */
export function budgetTotals(values: Record<string, unknown>): BudgetTotals {
  const cents = (name: string) => {
    const v = values[name];
    if (typeof v === "number") return v;
    if (typeof v !== "string" || v.trim() === "") return 0;
    return parseEurosToCents(v) ?? 0;
  };
  const inKindChargesCents = cents("c86");
  const inKindIncomeCents = cents("p87");
  return {
    chargesCents: CHARGE_LINES.reduce((s, l) => s + cents(l.name), 0) + inKindChargesCents,
    incomeCents: INCOME_LINES.reduce((s, l) => s + cents(l.name), 0) + inKindIncomeCents,
    inKindChargesCents,
    inKindIncomeCents,
    ccasCents: cents("p74_ccas"),
  };
}

/** "10 500 €", "10 499,99 €": the amounts in a budget message, cents only when there are some. */
function euros(cents: number) {
  return formatEuros(cents).replace(/,00(?=\s€)/, "");
}

/** The project budget: balanced, in-kind lines equal, the CCAS amount within the call's bounds. */
export function projectBudgetSchema(bounds?: AmountBounds) {
  return objectSchema(PROJECT_BUDGET_STEP).superRefine((values, ctx) => {
    const t = budgetTotals(values as Record<string, unknown>);
    if (t.chargesCents === 0) {
      ctx.addIssue({ code: "custom", path: ["c60"], message: "Budget du projet : indiquez au moins une ligne de charges." });
    }
    if (t.chargesCents !== t.incomeCents) {
      ctx.addIssue({
        code: "custom",
        path: ["p75"],
        message: `Le budget n'est pas équilibré : total des charges ${euros(t.chargesCents)}, total des produits ${euros(t.incomeCents)}. Les deux totaux doivent être égaux.`,
      });
    }
    if (t.inKindChargesCents !== t.inKindIncomeCents) {
      ctx.addIssue({
        code: "custom",
        path: ["p87"],
        message: "Les contributions en nature (87) doivent être égales à leurs emplois (86).",
      });
    }
    if (bounds && t.ccasCents > 0 && (t.ccasCents < bounds.minAmountCents || t.ccasCents > bounds.maxAmountCents)) {
      ctx.addIssue({
        code: "custom",
        path: ["p74_ccas"],
        message: `Le montant demandé au CCAS doit être compris entre ${euros(bounds.minAmountCents)} et ${euros(bounds.maxAmountCents)} pour cet appel à projets.`,
      });
    }
    if (t.ccasCents === 0) {
      ctx.addIssue({ code: "custom", path: ["p74_ccas"], message: "Indiquez le montant demandé au CCAS." });
    }
  });
}
