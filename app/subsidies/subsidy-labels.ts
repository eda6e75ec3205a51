// Labels and date helpers of the subsidy domain that the browser needs too (no server code here).
import { TZDate } from "@date-fns/tz";
import { PARIS } from "~/lib/format";

export const CONVENTION_STATUS_LABELS: Record<string, string> = { a_preparer: "À préparer", envoyee: "Envoyée", signee: "Signée" };

export const REPORT_STATUS_LABELS: Record<string, string> = {
  a_fournir: "À fournir",
  soumis: "Transmis, en vérification",
  a_corriger: "À corriger",
  valide: "Validé",
};

export type InstalmentFlag = "late" | "beyond_60_days";
export const INSTALMENT_FLAG_LABELS: Record<InstalmentFlag, string> = {
  late: "En retard",
  beyond_60_days: "Prévu plus de 60 jours après la signature",
};

export type SubsidyStage = "proposee" | "convention_a_signer" | "a_verser" | "en_paiement" | "versee";
export const SUBSIDY_STAGE_LABELS: Record<SubsidyStage, string> = {
  proposee: "Proposée – vote à enregistrer",
  convention_a_signer: "Votée – convention à signer",
  a_verser: "Votée – à verser",
  en_paiement: "En cours de versement",
  versee: "Entièrement versée",
};

/** A Date → "2026-03-15" (its day in Paris). */
export function toDateInput(date: Date): string {
  const t = new TZDate(date.getTime(), PARIS);
  return `${t.getFullYear()}-${String(t.getMonth() + 1).padStart(2, "0")}-${String(t.getDate()).padStart(2, "0")}`;
}
