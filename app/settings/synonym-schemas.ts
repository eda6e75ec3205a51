// The synonym editor's form (Paramètres › Synonymes de la recherche): one group of terms the
// directory's search takes as equivalent, typed as one line separated by commas. Shared by the
// browser (react-hook-form) and the action; the rules across groups (a term in one group only,
// 500 groups at most) need the table and are checked by app/settings/synonyms.server.ts.
import * as z from "zod";

export const MIN_GROUP_TERMS = 2;
export const MAX_GROUP_TERMS = 20;
export const MAX_TERM_LENGTH = 60;
export const MAX_SYNONYM_GROUPS = 500;

/** Letters (accented ones too), digits, spaces, hyphens and apostrophes (straight or typographic). */
const TERM_CHARACTERS = /^[\p{L}\p{N}' -]+$/u;

/** One term as the engine stores it: trimmed, inner spaces collapsed, lower-cased, ’ written '. */
export function normalizeTerm(term: string): string {
  return term.replace(/\s+/g, " ").replace(/’/g, "'").trim().toLocaleLowerCase("fr");
}

/** "Dette, surendettement ,, dette" → ["dette", "surendettement"]: split on commas, normalised, empty ones and repeats dropped. */
export function splitTerms(text: string): string[] {
  return [...new Set(text.split(",").map(normalizeTerm).filter(Boolean))];
}

/** A group's terms as the page shows them and the form takes them back. */
export function termsAsText(terms: readonly string[]): string {
  return terms.join(", ");
}

const quoted = (term: string) => `« ${term.length > 30 ? `${term.slice(0, 30)}…` : term} »`;

/** The rules on one group's terms, already split and normalised. */
export const synonymTermsSchema = z.array(z.string()).superRefine((terms, ctx) => {
  if (terms.length < MIN_GROUP_TERMS)
    ctx.addIssue({
      code: "custom",
      message:
        terms.length === 0
          ? "Indiquez au moins deux termes, séparés par des virgules."
          : `Un groupe réunit au moins deux termes : ajoutez-en un autre après « ${terms[0]} », séparé par une virgule.`,
    });
  if (terms.length > MAX_GROUP_TERMS)
    ctx.addIssue({
      code: "custom",
      message: `Un groupe réunit ${MAX_GROUP_TERMS} termes au plus (vous en avez indiqué ${terms.length}) : répartissez-les en plusieurs groupes.`,
    });
  for (const term of terms) {
    if (term.length > MAX_TERM_LENGTH) {
      ctx.addIssue({ code: "custom", message: `${quoted(term)} est trop long : ${MAX_TERM_LENGTH} caractères au plus par terme.` });
      return;
    }
    if (!TERM_CHARACTERS.test(term)) {
      ctx.addIssue({
        code: "custom",
        message: `${quoted(term)} : un terme ne contient que des lettres, des chiffres, des espaces, des tirets et des apostrophes.`,
      });
      return;
    }
  }
});

/** The form: one field, the terms separated by commas. */
export const synonymGroupSchema = z.object({
  terms: z
    .string({ error: "Indiquez au moins deux termes, séparés par des virgules." })
    .max(MAX_GROUP_TERMS * (MAX_TERM_LENGTH + 2), "Ce groupe est trop long : répartissez ses termes en plusieurs groupes.")
    .transform(splitTerms)
    .pipe(synonymTermsSchema),
});
export type SynonymGroupInput = z.output<typeof synonymGroupSchema>;
