// Browser-safe wording of the social project.

/** « 2022-2026 » (« 2027 » for a single year). */
export function periodLabel(p: { startYear: number; endYear: number }) {
  return p.startYear === p.endYear ? String(p.startYear) : `${p.startYear}-${p.endYear}`;
}
