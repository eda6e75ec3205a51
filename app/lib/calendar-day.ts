// What a date input sends ("2026-12-15") and whether it is a real day: JavaScript reads
// "2026-02-31" as 3 March without a word, so every date schema checks the day reads back the same.
// Zod-free: the browser's forms load it too.

/** "2026-02-30" is not a day; "2026-12-15" is. */
export function isCalendarDay(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}
