// What a dossier holds: the values typed at each step (the JSON of `Dossier.data`),
// whether it can still be changed, the amount bounds its call sets. Browser-safe.
import type { AmountBounds, StepKey } from "~/dossiers/schemas";

export const EDITABLE_STATES = ["brouillon", "en_construction"];

export type DossierData = Partial<Record<StepKey, Record<string, string | string[]>>>;

/** The one reader of the `Dossier.data` column. */
export function parseDossierData(value: unknown): DossierData {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as DossierData) : {};
}

export function boundsOf(call: { minAmountCents: number; maxAmountCents: number }): AmountBounds {
  return { minAmountCents: call.minAmountCents, maxAmountCents: call.maxAmountCents };
}

export function isEditable(dossier: { state: string }) {
  return EDITABLE_STATES.includes(dossier.state);
}
