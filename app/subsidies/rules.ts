// The rules of a subsidy, without the database: the 23 000 € convention threshold, the 60-day
// payment delay, the compte rendu's due date, the flags of an instalment and a subsidy's stage.
import { TZDate } from "@date-fns/tz";
import { PARIS } from "~/lib/format";
import { type InstalmentFlag, type SubsidyStage } from "~/subsidies/subsidy-labels";

/** The calendar year of a date in Paris (a decision on 31 December 23:30 UTC belongs to the next year). */
export function parisYear(date: Date): number {
  return new TZDate(date.getTime(), PARIS).getFullYear();
}

/** Loi n°2000-321 art. 10, décret n°2001-495: a convention is mandatory above 23 000 € a year. */
export const CONVENTION_THRESHOLD_CENTS = 2_300_000;
/** Loi n°2021-875: payment within 60 days of the convention's signature. */
export const PAYMENT_DELAY_DAYS = 60;

export const OPEN_REPORT_STATUSES = ["a_fournir", "a_corriger"] as const;

/** True when any yearly amount exceeds 23 000 €. */
export function requiresConvention(yearAmountsCents: number[]): boolean {
  return yearAmountsCents.some((a) => a > CONVENTION_THRESHOLD_CENTS);
}

/** "2026-03-15" → midnight of that day in Paris, as a UTC Date. */
export function parisDay(value: string): Date {
  const [y, m, d] = value.split("-").map(Number);
  return new Date(new TZDate(y, m - 1, d, 0, 0, 0, PARIS).getTime());
}

/** Six months after the end of the financial year: 30 June of the next year, end of day in Paris. */
export function reportDueDate(financialYear: number): Date {
  return new Date(new TZDate(financialYear + 1, 5, 30, 23, 59, 59, PARIS).getTime());
}

export function isReportOverdue(report: { status: string; dueDate: Date }, now = new Date()): boolean {
  return (OPEN_REPORT_STATUSES as readonly string[]).includes(report.status) && report.dueDate.getTime() < now.getTime();
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Late: the planned day is over and nothing was paid. Beyond 60 days: planned more than
 * 60 days after the convention's signature (loi 2021-875).
 */
export function instalmentFlags(
  instalment: { plannedDate: Date; paidAt: Date | null },
  conventionSignedAt: Date | null,
  now = new Date(),
): InstalmentFlag[] {
  const flags: InstalmentFlag[] = [];
  if (!instalment.paidAt && instalment.plannedDate.getTime() + DAY_MS <= now.getTime()) flags.push("late");
  if (conventionSignedAt && instalment.plannedDate.getTime() > conventionSignedAt.getTime() + PAYMENT_DELAY_DAYS * DAY_MS) {
    flags.push("beyond_60_days");
  }
  return flags;
}

export function subsidyStage(s: {
  votedCents: number | null;
  years: { amountCents: number }[];
  convention: { status: string } | null;
  instalments: { paidCents: number | null }[];
}): SubsidyStage {
  if (s.votedCents === null) return "proposee";
  const paid = sumPaid(s.instalments);
  if (paid >= s.votedCents) return "versee";
  if (paid > 0) return "en_paiement";
  if (requiresConvention(s.years.map((y) => y.amountCents)) && s.convention?.status !== "signee") return "convention_a_signer";
  return "a_verser";
}

export function sumPaid(instalments: { paidCents: number | null }[]): number {
  return instalments.reduce((sum, i) => sum + (i.paidCents ?? 0), 0);
}
