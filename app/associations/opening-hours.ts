// Structured opening hours, stored in OpenStreetMap `opening_hours` syntax (what data·inclusion
// publishes): the subset the profile form writes — per weekday up to two time ranges or "off",
// and "PH off" for public holidays — formatted, parsed back, read in French and evaluated in
// Europe/Paris. Browser-safe: the directory page computes "ouvert maintenant" in the browser,
// so a cached page never shows a stale state (see docs/open-data.md).

export const WEEKDAYS = [
  { key: "mo", osm: "Mo", label: "Lundi" },
  { key: "tu", osm: "Tu", label: "Mardi" },
  { key: "we", osm: "We", label: "Mercredi" },
  { key: "th", osm: "Th", label: "Jeudi" },
  { key: "fr", osm: "Fr", label: "Vendredi" },
  { key: "sa", osm: "Sa", label: "Samedi" },
  { key: "su", osm: "Su", label: "Dimanche" },
] as const;

export type DayKey = (typeof WEEKDAYS)[number]["key"];
/** "HH:MM", 24-hour clock. */
export type TimeRange = { from: string; to: string };
/** closed: said "fermé" explicitly; no ranges and not closed: not given (closed all the same). */
export type DayHours = { closed: boolean; ranges: TimeRange[] };
export type WeekHours = { days: Record<DayKey, DayHours>; closedOnPublicHolidays: boolean };

/** At most this many ranges a day (a morning and an afternoon). */
export const MAX_RANGES = 2;

export function emptyWeek(): WeekHours {
  const days = Object.fromEntries(WEEKDAYS.map((d) => [d.key, { closed: false, ranges: [] }])) as unknown as Record<DayKey, DayHours>;
  return { days, closedOnPublicHolidays: false };
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const END_TIME = /^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/;

export function isTime(value: string): boolean {
  return TIME.test(value);
}

/** Minutes since midnight of "HH:MM" ("24:00" is 1440). */
export function minutesOf(time: string): number {
  const [h, m] = time.split(":").map(Number);
  return h * 60 + m;
}

/** True when nothing at all is said: the association gave no hours. */
export function isEmptyWeek(week: WeekHours): boolean {
  return !week.closedOnPublicHolidays && WEEKDAYS.every((d) => !week.days[d.key].closed && week.days[d.key].ranges.length === 0);
}

function daySelector(indexes: number[]): string {
  // Runs of consecutive days become "Mo-We"; the rest are listed: "Mo-We,Fr".
  const parts: string[] = [];
  let start = 0;
  while (start < indexes.length) {
    let end = start;
    while (end + 1 < indexes.length && indexes[end + 1] === indexes[end] + 1) end++;
    const first = WEEKDAYS[indexes[start]].osm;
    const last = WEEKDAYS[indexes[end]].osm;
    parts.push(end === start ? first : end === start + 1 ? `${first},${last}` : `${first}-${last}`);
    start = end + 1;
  }
  return parts.join(",");
}

/**
 * The OSM string of a week: days with the same hours share one rule, in weekday order, then the
 * days said closed ("Sa,Su off"), then "PH off". "" when nothing is said.
 */
export function formatOpeningHours(week: WeekHours): string {
  const groups = new Map<string, number[]>();
  WEEKDAYS.forEach((d, i) => {
    const day = week.days[d.key];
    if (day.ranges.length === 0) return;
    const key = day.ranges.map((r) => `${r.from}-${r.to}`).join(",");
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const rules = [...groups].map(([ranges, days]) => `${daySelector(days)} ${ranges}`);
  const closed = WEEKDAYS.flatMap((d, i) => (week.days[d.key].closed && week.days[d.key].ranges.length === 0 ? [i] : []));
  if (closed.length) rules.push(`${daySelector(closed)} off`);
  if (week.closedOnPublicHolidays) rules.push("PH off");
  return rules.join("; ");
}

function parseDays(selector: string): number[] | null {
  const out: number[] = [];
  for (const part of selector.split(",")) {
    const m = /^([A-Z][a-z])(?:-([A-Z][a-z]))?$/.exec(part.trim());
    if (!m) return null;
    const from = WEEKDAYS.findIndex((d) => d.osm === m[1]);
    const to = m[2] ? WEEKDAYS.findIndex((d) => d.osm === m[2]) : from;
    if (from < 0 || to < 0) return null;
    // "Sa-Mo" wraps around the week, as OSM allows.
    for (let i = from; ; i = (i + 1) % 7) {
      out.push(i);
      if (i === to) break;
    }
  }
  return out;
}

function parseRanges(text: string): TimeRange[] | null {
  const ranges: TimeRange[] = [];
  for (const part of text.split(",")) {
    const m = /^(\d{2}:\d{2})-(\d{2}:\d{2})$/.exec(part.trim());
    if (!m || !TIME.test(m[1]) || !END_TIME.test(m[2]) || minutesOf(m[2]) <= minutesOf(m[1])) return null;
    ranges.push({ from: m[1], to: m[2] });
  }
  for (let i = 1; i < ranges.length; i++) if (minutesOf(ranges[i].from) < minutesOf(ranges[i - 1].to)) return null;
  return ranges.length <= MAX_RANGES ? ranges : null;
}

/**
 * The week an OSM string describes, when it stays within what the form writes (weekday rules
 * with up to two ranges or "off"/"closed", "PH off"); null otherwise (the form then says it
 * cannot edit those hours, and the directory shows the text as it is).
 */
export function parseOpeningHours(text: string): WeekHours | null {
  const week = emptyWeek();
  const trimmed = text.trim();
  if (trimmed === "") return week;
  const seen = new Set<number>();
  for (const raw of trimmed.split(";")) {
    const rule = raw.trim();
    if (rule === "") continue;
    if (/^PH (?:off|closed)$/.test(rule)) {
      if (week.closedOnPublicHolidays) return null;
      week.closedOnPublicHolidays = true;
      continue;
    }
    const m = /^(\S+)\s+(.+)$/.exec(rule);
    if (!m) return null;
    const days = parseDays(m[1]);
    if (!days) return null;
    const closed = /^(?:off|closed)$/.test(m[2]);
    const ranges = closed ? [] : parseRanges(m[2]);
    if (!ranges) return null;
    for (const i of days) {
      // A day named twice would need OSM's override rules: beyond the form.
      if (seen.has(i)) return null;
      seen.add(i);
      week.days[WEEKDAYS[i].key] = { closed, ranges };
    }
  }
  return week;
}

// ── Reading it in French ──

/** "9 h", "17 h 30", "minuit" for 24:00. */
export function frenchTime(time: string): string {
  if (time === "24:00" || time === "00:00") return "minuit";
  const [h, m] = time.split(":");
  return m === "00" ? `${Number(h)} h` : `${Number(h)} h ${m}`;
}

/** "9 h – 12 h, 14 h – 17 h 30", or "Fermé". */
export function describeDay(day: DayHours): string {
  if (day.ranges.length === 0) return "Fermé";
  return day.ranges.map((r) => `${frenchTime(r.from)} – ${frenchTime(r.to)}`).join(", ");
}

// ── Evaluating it in Europe/Paris ──

export const PORTAL_TIME_ZONE = "Europe/Paris";

type LocalDate = { year: number; month: number; day: number };

const partsFormatter = new Intl.DateTimeFormat("en-GB", {
  timeZone: PORTAL_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** The wall-clock date and minute of an instant in Europe/Paris (daylight saving time included). */
export function parisWallClock(instant: Date): LocalDate & { minutes: number; weekday: number } {
  const parts = Object.fromEntries(partsFormatter.formatToParts(instant).map((p) => [p.type, p.value]));
  const date = { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
  return { ...date, minutes: Number(parts.hour) * 60 + Number(parts.minute), weekday: weekdayOf(date) };
}

/** 0 = Monday … 6 = Sunday. */
function weekdayOf({ year, month, day }: LocalDate): number {
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}

function addDays({ year, month, day }: LocalDate, n: number): LocalDate {
  const d = new Date(Date.UTC(year, month - 1, day + n));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Easter Sunday (Gregorian computus, Meeus/Jones/Butcher). */
function easter(year: number): LocalDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

/**
 * France's eleven national public holidays (metropolitan list): 1 January, Easter Monday, 1 and
 * 8 May, Ascension, Whit Monday, 14 July, 15 August, 1 and 11 November, 25 December. The extra
 * days of Alsace-Moselle and the overseas départements are not counted.
 */
export function isFrenchPublicHoliday(date: LocalDate): boolean {
  const fixed = ["1-1", "5-1", "5-8", "7-14", "8-15", "11-1", "11-11", "12-25"];
  if (fixed.includes(`${date.month}-${date.day}`)) return true;
  const e = easter(date.year);
  return [1, 39, 50].some((offset) => {
    const h = addDays(e, offset);
    return h.month === date.month && h.day === date.day;
  });
}

function rangesOn(week: WeekHours, date: LocalDate): TimeRange[] {
  if (week.closedOnPublicHolidays && isFrenchPublicHoliday(date)) return [];
  return week.days[WEEKDAYS[weekdayOf(date)].key].ranges;
}

export type OpeningState = {
  open: boolean;
  /** When it changes next, within a week: the wall-clock time and how many days ahead (0 = today). */
  next: { time: string; inDays: number; weekday: number } | null;
};

/** Open or closed at an instant, in Paris time, and when that changes next. */
export function openingStateAt(week: WeekHours, instant: Date): OpeningState {
  const now = parisWallClock(instant);
  const today = rangesOn(week, now);
  const current = today.find((r) => minutesOf(r.from) <= now.minutes && now.minutes < minutesOf(r.to));
  if (current) {
    return { open: true, next: { time: current.to, inDays: 0, weekday: now.weekday } };
  }
  for (let inDays = 0; inDays <= 7; inDays++) {
    const date = addDays(now, inDays);
    const start = rangesOn(week, date).find((r) => inDays > 0 || minutesOf(r.from) > now.minutes);
    if (start) return { open: false, next: { time: start.from, inDays, weekday: weekdayOf(date) } };
  }
  return { open: false, next: null };
}

/** "Ouvert maintenant · ferme à 12 h", "Fermé maintenant · ouvre lundi à 9 h". */
export function describeState(state: OpeningState): { label: string; detail: string | null } {
  const label = state.open ? "Ouvert maintenant" : "Fermé maintenant";
  if (!state.next) return { label, detail: null };
  const when = state.next.inDays === 0 ? "" : state.next.inDays === 1 ? "demain " : `${WEEKDAYS[state.next.weekday].label.toLowerCase()} `;
  return { label, detail: `${state.open ? "ferme" : "ouvre"} ${when}à ${frenchTime(state.next.time)}` };
}
