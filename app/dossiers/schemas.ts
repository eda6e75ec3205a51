// The dossier (Cerfa n°12156*06) as ordered steps. Each step declares its fields once;
// the form renders them, one zod schema per step validates them in the browser and in
// the action. Values are stored as typed (strings), so a half-filled step comes back as is.
import { z } from "zod";
import { FIELDS_OF_INTERVENTION, PUBLICS, DISTRICTS } from "~/associations/taxonomy";
import {
  emailSchema,
  euroAmountSchema,
  multiSelect,
  nameText,
  optional,
  optionalText,
  parseEurosToCents,
  phoneSchema,
  requiredText,
} from "~/lib/validation";

export type FieldKind = "text" | "textarea" | "integer" | "decimal" | "money" | "date" | "select" | "multi" | "checkbox" | "email" | "tel";
export type StepField = {
  name: string;
  label: string;
  kind: FieldKind;
  required?: boolean;
  hint?: string;
  options?: readonly { value: string; label: string }[];
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
  | "budget_projet"
  | "pieces"
  | "declaration";
export type StepDef = { key: StepKey; label: string; intro?: string; fields: StepField[] };

const opts = (entries: readonly { slug: string; label: string }[]) => entries.map((e) => ({ value: e.slug, label: e.label }));

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

/** Income lines (70–75), with the amount asked of each funder under 74. */
export const INCOME_LINES = [
  { name: "p70", label: "70 – Ventes de produits, prestations de services" },
  { name: "p73", label: "73 – Dotations et produits de tarification" },
  { name: "p74_etat", label: "74 – Subvention demandée à l'État" },
  { name: "p74_region", label: "74 – Subvention demandée à la Région" },
  { name: "p74_departement", label: "74 – Subvention demandée au Département" },
  { name: "p74_commune", label: "74 – Subvention demandée à la Ville de Besançon" },
  { name: "p74_ccas", label: "74 – Subvention demandée au CCAS (ce dossier)" },
  { name: "p74_autres", label: "74 – Autres financeurs publics ou privés" },
  { name: "p75", label: "75 – Autres produits de gestion courante (cotisations, dons)" },
] as const;

export const IN_KIND_LINES = [
  { name: "c86", label: "86 – Emplois des contributions volontaires en nature" },
  { name: "p87", label: "87 – Contributions volontaires en nature (bénévolat, mise à disposition)" },
] as const;

export { DOCUMENT_KINDS, DOCUMENT_KIND_VALUES, documentKindLabel, type DocumentKind } from "~/documents/document-kinds";

export const DOSSIER_STEP_DEFS: StepDef[] = [
  {
    key: "identification",
    label: "Identification de l'association",
    intro: "Repris de la fiche de l'association : vérifiez et complétez.",
    fields: [
      { name: "name", label: "Nom de l'association", kind: "text", required: true, isName: true },
      { name: "acronym", label: "Sigle", kind: "text" },
      { name: "rna", label: "Numéro RNA", kind: "text", required: true, hint: "W suivi de 9 caractères." },
      { name: "siret", label: "SIRET", kind: "text", required: true, hint: "14 chiffres." },
      { name: "address", label: "Adresse du siège", kind: "text", required: true },
      { name: "postcode", label: "Code postal", kind: "text", required: true },
      { name: "city", label: "Commune", kind: "text", required: true },
      { name: "email", label: "Courriel de l'association", kind: "email", required: true },
      { name: "phone", label: "Téléphone de l'association", kind: "tel" },
      {
        name: "representativeName",
        label: "Représentant·e légal·e : nom et prénom",
        kind: "text",
        required: true,
        isName: true,
        group: "Représentant·e légal·e",
      },
      { name: "representativeRole", label: "Représentant·e légal·e : fonction", kind: "text", required: true },
      {
        name: "contactName",
        label: "Personne chargée du dossier : nom et prénom",
        kind: "text",
        required: true,
        isName: true,
        group: "Personne chargée du dossier",
      },
      { name: "contactEmail", label: "Personne chargée du dossier : courriel", kind: "email", required: true },
      { name: "contactPhone", label: "Personne chargée du dossier : téléphone", kind: "tel" },
    ],
  },
  {
    key: "administration",
    label: "Relations avec l'administration",
    fields: [
      {
        name: "agrements",
        label: "Agréments administratifs (type, autorité, date)",
        kind: "textarea",
        hint: "Un par ligne. Laissez vide si aucun.",
      },
      {
        name: "utilitePublique",
        label: "Reconnue d'utilité publique",
        kind: "select",
        required: true,
        options: [
          { value: "non", label: "Non" },
          { value: "oui", label: "Oui" },
        ],
      },
      {
        name: "utilitePubliqueDate",
        label: "Date de publication au Journal officiel",
        kind: "date",
        hint: "Si l'association est reconnue d'utilité publique.",
      },
      {
        name: "commissaireComptes",
        label: "L'association a un commissaire aux comptes",
        kind: "select",
        required: true,
        options: [
          { value: "non", label: "Non" },
          { value: "oui", label: "Oui" },
        ],
      },
    ],
  },
  {
    key: "reseaux",
    label: "Relations avec d'autres associations",
    fields: [
      {
        name: "federations",
        label: "Réseaux, unions ou fédérations auxquels l'association adhère",
        kind: "textarea",
        hint: "Un par ligne. Laissez vide si aucun.",
      },
      { name: "partenaires", label: "Associations partenaires du projet", kind: "textarea" },
    ],
  },
  {
    key: "ressources_humaines",
    label: "Ressources humaines",
    intro: "Au 31 décembre de l'année écoulée.",
    fields: [
      { name: "adherents", label: "Nombre d'adhérent·es", kind: "integer", required: true },
      {
        name: "benevoles",
        label: "Nombre de bénévoles",
        kind: "integer",
        required: true,
        hint: "Personnes contribuant régulièrement à l'activité, sans rémunération.",
      },
      {
        name: "volontaires",
        label: "Nombre de volontaires",
        kind: "integer",
        required: true,
        hint: "Service civique ou autre volontariat.",
      },
      { name: "salaries", label: "Nombre de salarié·es", kind: "integer", required: true },
      {
        name: "etpt",
        label: "Salarié·es en équivalent temps plein travaillé (ETPT)",
        kind: "decimal",
        required: true,
        hint: "Par exemple 2,5.",
      },
      { name: "misADisposition", label: "Personnels mis à disposition", kind: "integer" },
    ],
  },
  {
    key: "budget_association",
    label: "Budget prévisionnel de l'association",
    fields: [
      { name: "exercice", label: "Exercice", kind: "integer", required: true, hint: "Année, par exemple 2026." },
      { name: "totalCharges", label: "Total des charges", kind: "money", required: true },
      { name: "totalProduits", label: "Total des produits", kind: "money", required: true },
      { name: "subventionsPubliques", label: "Dont subventions publiques", kind: "money" },
      { name: "contributionsNature", label: "Contributions volontaires en nature", kind: "money" },
    ],
  },
  {
    key: "projet",
    label: "Le projet",
    fields: [
      { name: "title", label: "Intitulé du projet", kind: "text", required: true, isName: true },
      { name: "objectives", label: "Objectifs", kind: "textarea", required: true },
      {
        name: "description",
        label: "Description",
        kind: "textarea",
        required: true,
        hint: "Contenu des actions, calendrier, partenariats.",
      },
      { name: "fields", label: "Champs d'intervention du projet", kind: "multi", required: true, options: opts(FIELDS_OF_INTERVENTION) },
      { name: "publics", label: "Publics visés", kind: "multi", required: true, options: opts(PUBLICS) },
      { name: "beneficiaries", label: "Nombre de bénéficiaires attendus", kind: "integer", required: true },
      { name: "territory", label: "Territoire", kind: "select", required: true, options: opts(DISTRICTS) },
      { name: "means", label: "Moyens matériels et humains mobilisés", kind: "textarea", required: true },
      { name: "startDate", label: "Date de début", kind: "date", required: true },
      { name: "durationMonths", label: "Durée (en mois)", kind: "integer", required: true },
      {
        name: "indicators",
        label: "Indicateurs d'évaluation",
        kind: "textarea",
        required: true,
        hint: "Comment mesurerez-vous les résultats ?",
      },
    ],
  },
  {
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
  },
  {
    key: "pieces",
    label: "Pièces jointes",
    intro: "PDF, JPEG ou PNG, 10 Mo au plus par fichier. Les documents de l'association sont gardés dans son espace et réutilisables.",
    fields: [],
  },
  {
    key: "declaration",
    label: "Déclaration sur l'honneur",
    intro: "Seul·e le ou la représentant·e légal·e de l'association peut signer.",
    fields: [
      {
        name: "engagementRepublicain",
        label: "L'association souscrit au contrat d'engagement républicain",
        kind: "checkbox",
        required: true,
      },
      {
        name: "regularite",
        label: "L'association est à jour de ses obligations administratives, comptables, sociales et fiscales",
        kind: "checkbox",
        required: true,
      },
      { name: "exactitude", label: "Les informations du dossier sont exactes et sincères", kind: "checkbox", required: true },
      { name: "montant", label: "Je demande au CCAS la subvention indiquée dans le budget du projet", kind: "checkbox", required: true },
    ],
  },
];

/** The ordered steps, for every screen that lists or renders the dossier. */
export const DOSSIER_STEPS: readonly { key: StepKey; label: string }[] = DOSSIER_STEP_DEFS.map(({ key, label }) => ({ key, label }));
export const STEP_KEYS = DOSSIER_STEPS.map((s) => s.key);
export function stepDef(key: string): StepDef | undefined {
  return DOSSIER_STEP_DEFS.find((s) => s.key === key);
}
export function isStepKey(key: string): key is StepKey {
  return STEP_KEYS.includes(key as StepKey);
}

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
  const base = z.string({ error: `${label} : ce champ est obligatoire.` }).regex(/^\d{4}-\d{2}-\d{2}$/, `${label} : indiquez une date.`);
  return z.preprocess((v) => (blank(v) ? undefined : v), required ? base : base.optional());
}

function moneySchema(label: string, required: boolean) {
  if (required) return z.preprocess((v) => (blank(v) ? undefined : v), euroAmountSchema(label));
  return z.preprocess((v) => (blank(v) ? "0" : v), euroAmountSchema(label));
}

function fieldSchema(field: StepField): z.ZodType {
  const required = Boolean(field.required);
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

function objectSchema(def: StepDef) {
  return z.object(Object.fromEntries(def.fields.map((f) => [f.name, fieldSchema(f)])));
}

const def = (key: StepKey) => stepDef(key)!;

export const identificationSchema = objectSchema(def("identification"));
export const administrationSchema = objectSchema(def("administration"));
export const reseauxSchema = objectSchema(def("reseaux"));
export const humanResourcesSchema = objectSchema(def("ressources_humaines"));
export const associationBudgetSchema = objectSchema(def("budget_association"));
export const projectSchema = objectSchema(def("projet"));
export const declarationSchema = objectSchema(def("declaration"));

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

function euros(cents: number) {
  return `${(cents / 100).toLocaleString("fr-FR", { minimumFractionDigits: 0, maximumFractionDigits: 2 })} €`;
}

/** The project budget: balanced, in-kind lines equal, the CCAS amount within the call's bounds. */
export function projectBudgetSchema(bounds?: AmountBounds) {
  return objectSchema(def("budget_projet")).superRefine((values, ctx) => {
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

/** The schema of a step with fields (not "pieces"), given the call's bounds for the budget. */
export function stepSchema(key: StepKey, bounds?: AmountBounds): z.ZodType {
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
      return projectSchema;
    case "budget_projet":
      return projectBudgetSchema(bounds);
    case "declaration":
      return declarationSchema;
    case "pieces":
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
