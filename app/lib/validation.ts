// Field schemas that recur across forms, shared by the browser (react-hook-form) and
// the server (actions). Messages are French and name what is expected.
import * as z from "zod";
// Only the French messages: `z.locales` would ship every language to the browser.
import fr from "zod/v4/locales/fr.js";
import { fromParisInputValue } from "~/lib/format";
import { MAX_AMOUNT_CENTS, PASSWORD_MIN_LENGTH } from "~/lib/limits";

z.config(fr());

/** Luhn checksum over a string of digits. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum % 10 === 0;
}

const LA_POSTE_SIREN = "356000000";

/** SIRET: 14 digits with a Luhn checksum; La Poste's establishments sum to a multiple of 5 instead. */
export function isValidSiret(value: string): boolean {
  if (!/^\d{14}$/.test(value)) return false;
  if (value.startsWith(LA_POSTE_SIREN)) {
    const digitSum = [...value].reduce((s, d) => s + Number(d), 0);
    return digitSum % 5 === 0;
  }
  return luhnValid(value);
}

/** RNA number: "W" then 9 characters, digits and capital letters (e.g. W9T1002867). */
export function isValidRna(value: string): boolean {
  return /^W[0-9A-Z]{9}$/.test(value);
}

const compact = (v: unknown) => (typeof v === "string" ? v.replace(/\s+/g, "") : v);
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const requiredText = (label: string, max = 200) =>
  z
    .string({ error: `${label} : ce champ est obligatoire.` })
    .trim()
    .min(1, `${label} : ce champ est obligatoire.`)
    .max(max, `${label} : ${max} caractères au maximum.`);

/**
 * A name or a title (an association, a person, a project, an event): a spreadsheet would run
 * one that starts with =, +, -, @, a tab or a carriage return as a formula (OWASP, "CSV
 * Injection"), and no real name does. Checked after trimming, as stored. Exports neutralise
 * such cells anyway, for data typed before this rule.
 */
export const FORMULA_LEAD = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

export const nameText = (label: string, max = 200) =>
  requiredText(label, max).refine((v) => !FORMULA_LEAD.test(v), `${label} : ne peut pas commencer par =, +, -, @ ni par une tabulation.`);

export const optionalText = (label: string, max = 2000) =>
  z.preprocess(blankToUndefined, z.string().trim().max(max, `${label} : ${max} caractères au maximum.`).optional());

export const siretSchema = z.preprocess(
  compact,
  z
    .string({ error: "Le SIRET est obligatoire." })
    .regex(/^\d{14}$/, "Le SIRET compte 14 chiffres (SIREN sur 9 chiffres + NIC sur 5 chiffres).")
    .refine(isValidSiret, "Ce SIRET n'est pas valide : la clé de contrôle ne correspond pas. Vérifiez les 14 chiffres."),
);

export const rnaSchema = z.preprocess(
  (v) => (typeof v === "string" ? v.replace(/\s+/g, "").toUpperCase() : v),
  z
    .string({ error: "Le numéro RNA est obligatoire." })
    .refine(isValidRna, "Le numéro RNA commence par W suivi de 9 caractères (chiffres ou lettres), par exemple W251002867."),
);

export const postcodeSchema = z
  .string({ error: "Le code postal est obligatoire." })
  .trim()
  .regex(/^\d{5}$/, "Le code postal compte 5 chiffres (par exemple 25000).");

export const phoneSchema = z.preprocess(
  (v) => (typeof v === "string" ? v.replace(/[\s.\-()]/g, "") : v),
  z
    .string()
    .regex(/^(?:0[1-9]\d{8}|\+33[1-9]\d{8})$/, "Indiquez un numéro de téléphone français à 10 chiffres, par exemple 03 81 41 21 21."),
);

export const emailSchema = z
  .string({ error: "L'adresse e-mail est obligatoire." })
  .trim()
  .toLowerCase()
  .min(1, "L'adresse e-mail est obligatoire.")
  .max(254, "L'adresse e-mail est trop longue.")
  .pipe(z.email("Indiquez une adresse e-mail valide, par exemple nom@exemple.fr."));

export const urlSchema = z
  .string()
  .trim()
  .transform((v) => (/^https?:\/\//i.test(v) ? v : `https://${v}`))
  .pipe(z.url({ protocol: /^https?$/, error: "Indiquez une adresse web valide, par exemple https://exemple.fr." }));

export const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

/** Passwords: length only, no composition rules (CNIL / NIST); the common-password check is server-side. */
export { PASSWORD_MIN_LENGTH };
export const passwordSchema = z
  .string({ error: "Le mot de passe est obligatoire." })
  .min(PASSWORD_MIN_LENGTH, `Le mot de passe doit compter au moins ${PASSWORD_MIN_LENGTH} caractères.`)
  .max(128, "Le mot de passe doit compter au plus 128 caractères.");

/**
 * An amount in euros as a French user types it ("1 234,56", "1234.5", "1 234 €"),
 * parsed into integer cents.
 */
export function parseEurosToCents(input: string): number | null {
  const cleaned = input.replace(/[\s\u00a0\u202f€]/g, "").replace(",", ".");
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const [units, decimals = ""] = cleaned.split(".");
  const cents = Number(units) * 100 + Number(decimals.padEnd(2, "0"));
  return Number.isSafeInteger(cents) ? cents : null;
}

export const euroAmountSchema = (label: string) =>
  z.union([z.string(), z.number()], { error: `${label} : indiquez un montant en euros.` }).transform((v, ctx) => {
    const cents = typeof v === "number" ? Math.round(v * 100) : parseEurosToCents(v);
    if (cents === null || cents < 0) {
      ctx.addIssue({ code: "custom", message: `${label} : indiquez un montant en euros, par exemple 1 234,56.` });
      return z.NEVER;
    }
    if (cents > MAX_AMOUNT_CENTS) {
      ctx.addIssue({ code: "custom", message: `${label} : le montant dépasse 20 millions d'euros.` });
      return z.NEVER;
    }
    return cents;
  });

/** A checkbox group or multi-select: FormData gives a string or a list. */
export const multiSelect = <T extends string>(values: readonly [T, ...T[]], label: string, min = 0) =>
  z.preprocess(
    (v) => (v === undefined || v === null || v === "" || v === false ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(z.enum(values, { error: `${label} : valeur inconnue.` }))
      .min(min, min === 1 ? `${label} : choisissez au moins une option.` : `${label} : choisissez au moins ${min} options.`),
  );

/** A date and time typed in Paris time (a datetime-local input), as the Date it names. */
export const parisDateTime = (label: string) =>
  z
    .string({ error: `${label} : ce champ est obligatoire.` })
    .trim()
    .min(1, `${label} : ce champ est obligatoire.`)
    .transform((value, ctx) => {
      const date = fromParisInputValue(value);
      if (!date) {
        ctx.addIssue({ code: "custom", message: `${label} : indiquez une date et une heure, par exemple 05/12/2026 14:00.` });
        return z.NEVER;
      }
      return date;
    });
