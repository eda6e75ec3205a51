// The dossier's step « Indicateurs et objectifs »: a target for each indicator of the call
// (required when the call says « objectif obligatoire »), and up to five indicators of the
// association's own (name, kind, unit, target). One schema for the browser and the action.
import * as z from "zod";
import { FORMULA_LEAD } from "~/lib/validation";
import {
  formatIndicatorValue,
  INDICATOR_KIND_LABELS,
  INDICATOR_KINDS,
  indicatorUnit,
  indicatorValueSchema,
  type IndicatorKind,
  type IndicatorUnit,
} from "~/steering/indicators";

export const MAX_OWN_INDICATORS = 5;

export type StepCallIndicator = { id: string; name: string; kind: string; unit: string; targetRequired: boolean; description: string };
export type StepOwnIndicator = { id: string; name: string; kind: string; unit: string; target: number | null };

export const targetField = (callIndicatorId: string) => `target_${callIndicatorId}`;
export const ownField = (slot: number, part: "id" | "name" | "kind" | "unit" | "target" | "remove") => `own_${slot}_${part}`;
export const targetLabel = (name: string) => `Objectif pour « ${name} »`;
export const ownLabel = (slot: number, part: string) => `Indicateur propre n°${slot + 1} : ${part}`;

/** How many rows of the association's own the form shows: those it has, and one blank while fewer than five. */
export const ownSlotCount = (ownCount: number) => Math.min(MAX_OWN_INDICATORS, ownCount + 1);

export type TargetsOutput = {
  targets: { callIndicatorId: string; target: number | null }[];
  own: { id: string | null; name: string; kind: IndicatorKind; unit: IndicatorUnit; target: number }[];
  removed: string[];
};

const text = z.preprocess((v) => (Array.isArray(v) ? v[v.length - 1] : v), z.string().max(300).optional());

export function indicatorTargetsSchema(callIndicators: readonly StepCallIndicator[], ownSlots: number) {
  const shape: Record<string, z.ZodType> = {};
  for (const indicator of callIndicators) {
    shape[targetField(indicator.id)] = indicatorValueSchema(targetLabel(indicator.name), indicator.unit, indicator.targetRequired);
  }
  for (let slot = 0; slot < ownSlots; slot++) {
    for (const part of ["id", "name", "kind", "unit", "target", "remove"] as const) shape[ownField(slot, part)] = text;
  }
  return z.object(shape).transform((values, ctx): TargetsOutput => {
    const out: TargetsOutput = { targets: [], own: [], removed: [] };
    for (const indicator of callIndicators) {
      const target = values[targetField(indicator.id)];
      out.targets.push({ callIndicatorId: indicator.id, target: typeof target === "number" ? target : null });
    }
    for (let slot = 0; slot < ownSlots; slot++) {
      const get = (part: Parameters<typeof ownField>[1]) => String(values[ownField(slot, part)] ?? "").trim();
      const id = get("id") || null;
      if (get("remove") === "on") {
        if (id) out.removed.push(id);
        continue;
      }
      const name = get("name");
      if (!name && !get("target") && !id) continue;
      const issue = (part: Parameters<typeof ownField>[1], message: string) =>
        ctx.addIssue({ code: "custom", path: [ownField(slot, part)], message });
      const label = `Indicateur propre n°${slot + 1}`;
      if (!name) issue("name", `${label} : indiquez son nom.`);
      else if (name.length > 150) issue("name", `${label} : 150 caractères au maximum.`);
      else if (FORMULA_LEAD.test(name)) issue("name", `${label} : le nom ne peut pas commencer par =, +, -, @ ni par une tabulation.`);
      const kind = get("kind");
      if (!(INDICATOR_KINDS as readonly string[]).includes(kind)) issue("kind", `${label} : choisissez sa nature.`);
      const unit = get("unit");
      if (!indicatorUnit(unit)) issue("unit", `${label} : choisissez son unité.`);
      const target = indicatorValueSchema(`Objectif de l'${label.toLowerCase()}`, unit, true).safeParse(get("target"));
      if (!target.success) issue("target", target.error.issues[0]?.message ?? `${label} : indiquez l'objectif.`);
      if (name && target.success && indicatorUnit(unit) && (INDICATOR_KINDS as readonly string[]).includes(kind)) {
        out.own.push({ id, name, kind: kind as IndicatorKind, unit: unit as IndicatorUnit, target: target.data as number });
      }
    }
    return out;
  });
}

/** The form's values from what is stored: targets as typed back ("12,5"), own rows by slot. */
export function targetDefaults(
  callIndicators: readonly StepCallIndicator[],
  stored: readonly { callIndicatorId: string | null; target: number | null }[],
  own: readonly StepOwnIndicator[],
) {
  const toInput = (v: number | null | undefined) => (v === null || v === undefined ? "" : String(v).replace(".", ","));
  const values: Record<string, string> = {};
  for (const indicator of callIndicators) {
    values[targetField(indicator.id)] = toInput(stored.find((s) => s.callIndicatorId === indicator.id)?.target);
  }
  own.forEach((o, slot) => {
    values[ownField(slot, "id")] = o.id;
    values[ownField(slot, "name")] = o.name;
    values[ownField(slot, "kind")] = o.kind;
    values[ownField(slot, "unit")] = o.unit;
    values[ownField(slot, "target")] = toInput(o.target);
  });
  return values;
}

/** One line per indicator as staff, the snapshot and the PDFs show it: « Nom » (nature, unité) → objectif. */
export function targetLines(
  rows: readonly { id: string; name: string; kind: string; unit: string; target: number | null; callIndicatorId: string | null }[],
) {
  return rows.map((r) => ({
    name: r.id,
    label: `${r.name} (${INDICATOR_KIND_LABELS[r.kind as IndicatorKind]?.toLowerCase() ?? r.kind}, ${indicatorUnit(r.unit)?.label ?? r.unit}${r.callIndicatorId ? "" : ", indicateur propre"})`,
    value: r.target === null ? "" : formatIndicatorValue(r.target, r.unit),
  }));
}
