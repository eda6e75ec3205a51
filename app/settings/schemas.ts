// The forms of the settings pages (Paramètres), one schema each, shared by the browser
// (react-hook-form) and the actions. French messages that say what is expected.
import * as z from "zod";
import { DI_PUBLICS, DI_THEMATIQUES } from "~/settings/data-inclusion";
import { emailSchema, nameText, optional, optionalText, phoneSchema, postcodeSchema, requiredText, siretSchema } from "~/lib/validation";

export const identitySchema = z.object({
  name: nameText("Nom court", 120),
  longName: nameText("Nom complet", 200),
  siret: optional(siretSchema),
  address: requiredText("Adresse", 200),
  postcode: postcodeSchema,
  city: nameText("Commune", 120),
  phone: optional(phoneSchema),
  email: optional(emailSchema),
  representative: nameText("Signataire des conventions", 200),
  court: nameText("Tribunal administratif compétent", 200),
});
export type IdentityInput = z.output<typeof identitySchema>;

/** An INSEE commune code: 5 characters, digits, or 2A/2B then 3 digits in Corsica. */
export const INSEE_CODE = /^(?:\d{5}|2[AB]\d{3})$/;

export type CommuneInput = { code: string; name: string };

/** "25056 Besançon" (or "25056 ; Besançon", "25056 - Besançon") → { code, name }; null when unreadable. */
export function parseCommuneLine(line: string): CommuneInput | null {
  // The code, then a space or a separator, then the name.
  const match = line.trim().match(/^([0-9][0-9AaBb]\d{3})(?:\s*[;,\t\-–]\s*|\s+)(.+)$/);
  if (!match) return null;
  return { code: match[1].toUpperCase(), name: match[2].trim() };
}

/** The communes as the territory form shows them: one per line. */
export function communesAsText(communes: readonly CommuneInput[]): string {
  return communes.map((c) => `${c.code} ${c.name}`).join("\n");
}

/** A list of communes, checked: valid codes, names, at least one, no code twice. */
export const communeListSchema = z
  .array(
    z.object({
      code: z.string().trim().toUpperCase().regex(INSEE_CODE, "Code INSEE : 5 caractères, des chiffres (2A ou 2B pour la Corse)."),
      name: nameText("Nom de la commune", 120).refine(
        (name) => /\p{L}/u.test(name),
        "Nom de la commune : écrivez-le en lettres, après le code.",
      ),
    }),
  )
  .min(1, "Indiquez au moins une commune.")
  .max(500, "500 communes au maximum.")
  .superRefine((communes, ctx) => {
    const seen = new Set<string>();
    for (const commune of communes) {
      if (seen.has(commune.code)) ctx.addIssue({ code: "custom", message: `La commune ${commune.code} figure deux fois.` });
      seen.add(commune.code);
    }
  });

export const territorySchema = z.object({
  communes: z
    .string({ error: "Communes : ce champ est obligatoire." })
    .max(20_000, "Communes : la liste est trop longue.")
    .transform((text, ctx) => {
      const lines = text
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean);
      const communes: CommuneInput[] = [];
      for (const [index, line] of lines.entries()) {
        const commune = parseCommuneLine(line);
        if (!commune || !INSEE_CODE.test(commune.code)) {
          ctx.addIssue({
            code: "custom",
            message: `Ligne ${index + 1} (« ${line.slice(0, 40)} ») : écrivez le code INSEE (5 caractères, 2A ou 2B pour la Corse) puis le nom, par exemple « 25056 Besançon ».`,
          });
          return z.NEVER;
        }
        communes.push(commune);
      }
      const checked = communeListSchema.safeParse(communes);
      if (!checked.success) {
        ctx.addIssue({ code: "custom", message: `Communes : ${checked.error.issues[0].message}` });
        return z.NEVER;
      }
      return checked.data;
    }),
});

/** An RNA "objet social" code: 6 digits; "000000" means none and is not a mapping. */
export const RNA_CODE = /^\d{6}$/;

const RNA_CODE_MESSAGE =
  "Codes RNA : 6 chiffres chacun, séparés par des espaces ou des virgules (par exemple 019000 020010) ; 000000 n'est pas un code.";

/** "019000, 020010 019040" → ["019000", "020010", "019040"], each checked, no duplicates. */
export const rnaCodesField = z
  .preprocess((v) => (v === undefined || v === null ? "" : v), z.string().max(2000, RNA_CODE_MESSAGE))
  .transform((text, ctx) => {
    const codes = text.split(/[\s,;]+/).filter(Boolean);
    if (codes.some((c) => !RNA_CODE.test(c) || c === "000000")) {
      ctx.addIssue({ code: "custom", message: RNA_CODE_MESSAGE });
      return z.NEVER;
    }
    return [...new Set(codes)];
  });

const listOf = (values: readonly { value: string }[], label: string) => {
  const known = new Set(values.map((v) => v.value));
  return z.preprocess(
    (v) => (v === undefined || v === null || v === "" || v === false ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(z.string())
      .refine((list) => list.every((v) => known.has(v)), `${label} : valeur inconnue de data·inclusion.`)
      .transform((list) => [...new Set(list)]),
  );
};

export const diThematiquesField = listOf(DI_THEMATIQUES, "Thématiques data·inclusion");
export const diPublicsField = listOf(DI_PUBLICS, "Publics data·inclusion");

/** A term's own fields (every kind); the mappings are in their own schemas, by kind. */
const termFields = {
  label: nameText("Libellé", 120),
  description: optionalText("Description", 500),
};

export const termSchemas = {
  district: z.object(termFields),
  public: z.object({ ...termFields, diPublics: diPublicsField }),
  field: z.object({ ...termFields, rnaCodes: rnaCodesField, diThematiques: diThematiquesField }),
};

export type TermInput = {
  label: string;
  description?: string;
  rnaCodes?: string[];
  diThematiques?: string[];
  diPublics?: string[];
};

export const retireSchema = z.object({
  reassignTo: optional(z.string().trim().max(80)),
});

/** Adding a term: its label and description; the mappings are edited on the term's own page. */
export const addTermSchema = z.object(termFields);
