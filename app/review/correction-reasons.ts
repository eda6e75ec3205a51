// Correction requests as both sides read them: the reasons and their French labels, the
// default due date, and the time left until it (browser-safe: the forms and pages use it).
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { formatDate, PARIS } from "~/lib/format";

export const CORRECTION_REASONS = ["incomplet", "incorrect", "perime"] as const;
export type CorrectionReason = (typeof CORRECTION_REASONS)[number];

export const CORRECTION_REASON_LABELS: Record<CorrectionReason, string> = {
  incomplet: "Dossier incomplet",
  incorrect: "Informations incorrectes",
  perime: "Pièce ou information périmée",
};

export const CORRECTION_REASON_OPTIONS = CORRECTION_REASONS.map((value) => ({ value, label: CORRECTION_REASON_LABELS[value] }));

/** A stored reason → its label (a reason no longer offered keeps its code rather than nothing). */
export function correctionReasonLabel(reason: string): string {
  return CORRECTION_REASON_LABELS[reason as CorrectionReason] ?? reason;
}

/** How long the association has by default, in days. */
export const DEFAULT_CORRECTION_DAYS = 14;

/** A reminder goes this many days before the due date (and one more once it is past). */
export const CORRECTION_REMINDER_DAYS_BEFORE = 3;

/** "2026-12-15": the Paris calendar day of an instant. */
export function parisDayKey(at: Date | string): string {
  return format(new TZDate(new Date(at).getTime(), PARIS), "yyyy-MM-dd");
}

/** The date input's default: `days` Paris days after `now`. */
export function defaultCorrectionDueDay(now = new Date(), days = DEFAULT_CORRECTION_DAYS): string {
  const [y, m, d] = parisDayKey(now).split("-").map(Number);
  return parisDayKey(new TZDate(y, m - 1, d + days, 12, 0, 0, PARIS));
}

/**
 * "2026-12-15" → midnight at the start of that day in Paris: « à déposer avant le 15 décembre »
 * means by the end of the 14th.
 */
export function startOfParisDay(day: string): Date {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(new TZDate(y, m - 1, d, 0, 0, 0, PARIS).getTime());
}

/** Whole Paris calendar days from `now` to `due` (negative once past). */
export function daysUntil(due: Date | string, now = new Date()): number {
  const utc = (key: string) => {
    const [y, m, d] = key.split("-").map(Number);
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((utc(parisDayKey(due)) - utc(parisDayKey(now))) / 86_400_000);
}

/**
 * « encore 5 jours », « dernier jour » (due at midnight tonight), « en retard de 2 jours » (the days
 * begun since the due instant).
 */
export function timeLeftText(due: Date | string, now = new Date()): string {
  const past = now.getTime() - new Date(due).getTime();
  if (past >= 0) {
    const late = Math.max(1, Math.ceil(past / 86_400_000));
    return `en retard de ${late} jour${late > 1 ? "s" : ""}`;
  }
  const left = daysUntil(due, now);
  if (left <= 1) return "dernier jour";
  return `encore ${left} jours`;
}

/** « Corrections demandées (Dossier incomplet) : à déposer avant le 15 décembre 2026 — encore 5 jours » */
export function correctionDeadlineText(request: { reason: string; dueAt: Date | string }, now = new Date()): string {
  return `Corrections demandées (${correctionReasonLabel(request.reason)}) : à déposer avant le ${formatDate(request.dueAt)} — ${timeLeftText(request.dueAt, now)}`;
}
