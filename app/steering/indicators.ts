// Indicators of means and of results: their kinds, their units, how a value is typed, shown and
// added up. Shared by the call's editor, the dossier, the compte rendu and the steering dashboard.
import * as z from "zod";

export const INDICATOR_KINDS = ["moyens", "resultats"] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];
export const INDICATOR_KIND_LABELS: Record<IndicatorKind, string> = {
  moyens: "Indicateur de moyens",
  resultats: "Indicateur de résultats",
};

/**
 * The units a value is counted in. Additive units add up across projects (persons, hours…); a
 * share does not: the dashboard shows its range and mean, never a sum.
 */
export const INDICATOR_UNITS = [
  { key: "personnes", label: "personnes", singular: "personne", additive: true },
  { key: "menages", label: "ménages", singular: "ménage", additive: true },
  { key: "heures", label: "heures", singular: "heure", additive: true },
  { key: "seances", label: "séances ou ateliers", singular: "séance ou atelier", additive: true },
  { key: "repas", label: "repas ou colis", singular: "repas ou colis", additive: true },
  { key: "nuitees", label: "nuitées", singular: "nuitée", additive: true },
  { key: "benevoles", label: "bénévoles", singular: "bénévole", additive: true },
  { key: "euros", label: "euros", singular: "euro", additive: true },
  { key: "nombre", label: "nombre (autre)", singular: "nombre (autre)", additive: true },
  { key: "pourcentage", label: "%", singular: "%", additive: false },
] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number]["key"];
export const INDICATOR_UNIT_KEYS = INDICATOR_UNITS.map((u) => u.key) as [IndicatorUnit, ...IndicatorUnit[]];

export function indicatorUnit(key: string) {
  return INDICATOR_UNITS.find((u) => u.key === key);
}

export const isAdditiveUnit = (key: string) => indicatorUnit(key)?.additive ?? false;

const MAX_VALUE = 1_000_000_000;
const numberFormat = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });

/** 1234.5 in "personnes" → "1 234,5 personnes"; 45 in "pourcentage" → "45 %"; null → "—". */
export function formatIndicatorValue(value: number | null | undefined, unitKey: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const unit = indicatorUnit(unitKey);
  const number = numberFormat.format(value);
  if (!unit) return number;
  if (unit.key === "pourcentage") return `${number} %`;
  return `${number} ${Math.abs(value) > 1 ? unit.label : unit.singular}`;
}

/** "1 234,5" or "1234.5" → 1234.5; anything else → null. */
export function parseIndicatorValue(input: string): number | null {
  const compact = input.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  if (!/^\d{1,10}(\.\d{1,2})?$/.test(compact)) return null;
  return Number(compact);
}

/** A value typed in a form, for an indicator in `unitKey`: blank → undefined (or "obligatoire"). */
export function indicatorValueSchema(label: string, unitKey: string, required: boolean) {
  const isShare = unitKey === "pourcentage";
  const value = z.string().transform((raw, ctx) => {
    const parsed = parseIndicatorValue(raw);
    if (parsed === null) {
      ctx.addIssue({ code: "custom", message: `${label} : indiquez un nombre positif, par exemple 120 ou 12,5.` });
      return z.NEVER;
    }
    if (isShare && parsed > 100) {
      ctx.addIssue({ code: "custom", message: `${label} : une part s'exprime entre 0 et 100 %.` });
      return z.NEVER;
    }
    if (parsed > MAX_VALUE) {
      ctx.addIssue({ code: "custom", message: `${label} : la valeur est trop grande.` });
      return z.NEVER;
    }
    return parsed;
  });
  const blank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");
  return z.preprocess(
    (v) => (blank(v) ? undefined : v),
    required ? z.string({ error: `${label} : ce champ est obligatoire.` }).pipe(value) : value.optional(),
  );
}

/** A number as a form shows it back: 12.5 → "12,5". */
export function indicatorValueToInput(value: number | null | undefined): string {
  return value === null || value === undefined ? "" : String(value).replace(".", ",");
}

/**
 * Indicators of different calls add up when they measure the same thing: same kind, same unit,
 * same name once case, accents and spacing are set aside ("Personnes accompagnées" = "personnes
 * accompagnees").
 */
export function indicatorGroupKey(indicator: { name: string; unit: string; kind: string }): string {
  const name = indicator.name
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, " ")
    .trim();
  return `${indicator.kind}|${indicator.unit}|${name}`;
}
