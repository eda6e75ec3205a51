// How the portal shows money and dates: the French way, in Europe/Paris.
import { isCalendarDay } from "./calendar-day";
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { fr } from "date-fns/locale";

export const PARIS = "Europe/Paris";

const euroFormatter = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });
const euroFormatterRound = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });

/** 123456 cents → "1 234,56 €" (with the narrow no-break spaces French typography uses). */
export function formatEuros(cents: number, { round = false } = {}): string {
  return (round ? euroFormatterRound : euroFormatter).format(cents / 100);
}

/** Cents → the value an amount input shows ("1234,56"). */
export function centsToInput(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return "";
  return (cents / 100).toFixed(2).replace(".", ",").replace(/,00$/, "");
}

function toParis(date: Date | string): TZDate {
  return new TZDate(new Date(date).getTime(), PARIS);
}

/** "23 novembre 2026" */
export function formatDate(date: Date | string): string {
  return format(toParis(date), "d MMMM yyyy", { locale: fr });
}

/** "23 novembre 2026 à 18 h 15" */
export function formatDateTime(date: Date | string): string {
  return format(toParis(date), "d MMMM yyyy 'à' H 'h' mm", { locale: fr });
}

/** "lundi 23 novembre 2026" */
export function formatLongDate(date: Date | string): string {
  return format(toParis(date), "EEEE d MMMM yyyy", { locale: fr });
}

/** A Date → the value of a datetime-local input, in Paris time. */
export function toParisInputValue(date: Date | string): string {
  return format(toParis(date), "yyyy-MM-dd'T'HH:mm");
}

/** The value of a datetime-local input, read as Paris time → a UTC Date. */
export function fromParisInputValue(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m || !isCalendarDay(value.slice(0, 10)) || Number(m[4]) > 23 || Number(m[5]) > 59) return null;
  const d = new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), PARIS);
  return Number.isNaN(d.getTime()) ? null : new Date(d.getTime());
}

export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString("fr-FR")} ${count > 1 ? plural : singular}`;
}

const decimalFormatters = new Map<number, Intl.NumberFormat>();

/** 12.5 → "12,50" (digits fixed, no grouping): a score, an average, an amount in a text export. */
export function formatDecimal(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "";
  let formatter = decimalFormatters.get(digits);
  if (!formatter) {
    formatter = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false });
    decimalFormatters.set(digits, formatter);
  }
  return formatter.format(value);
}

/** Cents → "1234,50", or "" for no amount: the euros column of a French CSV. */
export function centsToDecimal(cents: number | null | undefined): string {
  return cents === null || cents === undefined ? "" : formatDecimal(cents / 100);
}

/** 2 400 000 bytes → "2,3 Mo"; under a megabyte in Ko (at least 1). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${new Intl.NumberFormat("fr-FR").format(Math.max(1, Math.ceil(bytes / 1024)))} Ko`;
  const mb = bytes / 1024 / 1024;
  return `${new Intl.NumberFormat("fr-FR", { maximumFractionDigits: mb < 10 ? 1 : 0 }).format(mb)} Mo`;
}
