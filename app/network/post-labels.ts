// Needs and offers as the pages name them: kinds, categories, states, limits and the calendar day
// a post ends on. Zod-free and browser-safe (the forms and the lists load it).

export const POST_KINDS = ["besoin", "offre"] as const;
export type PostKind = (typeof POST_KINDS)[number];

export const POST_CATEGORIES = ["benevoles", "locaux", "materiel", "alimentaire", "competences", "partenariat"] as const;
export type PostCategory = (typeof POST_CATEGORIES)[number];

export type PostStatus = "open" | "fulfilled" | "archived";

export const POST_LIMITS = {
  titleMax: 120,
  bodyMax: 4000,
  /** The last day may be at most this many days after today. */
  maxDaysAhead: 365,
  pageSize: 20,
  /** An answer is a relayed message: MESSAGE_LIMITS.bodyMax of conversations.server.ts (a test holds them equal). */
  answerMax: 5000,
  /** The search text is cut to this length. */
  queryMax: 100,
} as const;

export const KIND_LABELS: Record<PostKind, string> = { besoin: "Besoin", offre: "Offre" };

export const CATEGORY_LABELS: Record<PostCategory, string> = {
  benevoles: "Bénévoles",
  locaux: "Locaux",
  materiel: "Matériel",
  alimentaire: "Denrées alimentaires",
  competences: "Compétences",
  partenariat: "Partenariat",
};

/** What a post's page says of its state (« échue » for an open post past its last day, before the job archives it). */
export function statusLabel(post: { status: PostStatus; hiddenAt: Date | string | null; endsOn: Date | string }, today: string): string {
  if (post.hiddenAt) return "Masquée par le CCAS";
  if (post.status === "fulfilled") return "Pourvue";
  if (post.status === "archived" || isPast(post.endsOn, today)) return "Échue";
  return "En cours";
}

export const kindOptions = POST_KINDS.map((value) => ({ value, label: KIND_LABELS[value] }));
export const categoryOptions = POST_CATEGORIES.map((value) => ({ value, label: CATEGORY_LABELS[value] }));

/** Today in Paris as YYYY-MM-DD (the browser's clock in the browser, the server's on the server). */
export function parisToday(now = new Date()): string {
  return new Intl.DateTimeFormat("fr-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** "2026-12-02" + 365 → "2027-12-02". */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** A stored last day (00:00 UTC) → "2026-12-15". */
export function dayOf(date: Date | string): string {
  return new Date(date).toISOString().slice(0, 10);
}

/** "2026-12-15" → the Date stored (00:00 UTC). */
export function dayToDate(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

export function isPast(endsOn: Date | string, today: string): boolean {
  return dayOf(endsOn) < today;
}

const MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

/** A calendar day the French way: « 1er décembre 2026 », « 15 janvier 2027 ». */
export function formatDay(date: Date | string): string {
  const [y, m, d] = dayOf(date).split("-").map(Number);
  return `${d === 1 ? "1er" : d} ${MONTHS[m - 1]} ${y}`;
}

/** « 1 annonce », « 3 annonces », « aucune annonce ». */
export function postCount(n: number): string {
  if (n === 0) return "aucune annonce";
  return n === 1 ? "1 annonce" : `${n.toLocaleString("fr-FR")} annonces`;
}
