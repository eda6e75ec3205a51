// What a dossier holds: the values typed at each step (stored as JSON in `Dossier.data`),
// whether it can still be changed, the amount bounds its call sets. Browser-safe.
import type { AmountBounds, StepKey } from "~/dossiers/schemas";

export const EDITABLE_STATES = ["brouillon", "en_construction"];

export type DossierData = Partial<Record<StepKey, Record<string, string | string[]>>>;

/** The one reader of the `Dossier.data` column. */
export function parseDossierData(json: string): DossierData {
  try {
    const value = JSON.parse(json);
    return value && typeof value === "object" ? (value as DossierData) : {};
  } catch {
    return {};
  }
}

export function boundsOf(call: { minAmountCents: number; maxAmountCents: number }): AmountBounds {
  return { minAmountCents: call.minAmountCents, maxAmountCents: call.maxAmountCents };
}

export function isEditable(dossier: { state: string }) {
  return EDITABLE_STATES.includes(dossier.state);
}
