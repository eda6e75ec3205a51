// The CCAS's name inside a French sentence: "CCAS de Dole" takes an article ("le CCAS de Dole",
// "du CCAS de Dole"); a name an administrator wrote otherwise ("Ville de Dole") stays bare.
// Browser-safe: pages, e-mails and PDFs use it alike.

const TAKES_ARTICLE = /^(CCAS|CIAS|centre)\b/i;
const VOWEL = /^[aeiouyàâäéèêëîïôöûüh]/i;

/** "le CCAS de Dole"; "Le CCAS de Dole" with `start` (the beginning of a sentence). */
export function theCcas(name: string, { start = false } = {}): string {
  if (!TAKES_ARTICLE.test(name)) return name;
  return `${start ? "Le" : "le"} ${name}`;
}

/** "du CCAS de Dole", "de Ville de Dole", "d'Agglo…". */
export function ofCcas(name: string): string {
  if (TAKES_ARTICLE.test(name)) return `du ${name}`;
  return VOWEL.test(name) ? `d'${name}` : `de ${name}`;
}
