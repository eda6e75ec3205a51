// The names inside a ZIP of dossiers: each dossier's folder from a pattern of fixed placeholders,
// every name made safe for any file system (no path, no reserved or control characters, no
// Windows device names, a bounded length) and made unique (« statuts (2).pdf »). Browser-safe.
import * as z from "zod";

export const ARCHIVE_PLACEHOLDERS = [
  { key: "numero", label: "numéro du dossier (AAP-2027-0001)" },
  { key: "association", label: "nom de l'association" },
  { key: "projet", label: "intitulé du projet" },
  { key: "etat", label: "état du dossier" },
  { key: "appel", label: "titre de l'appel à projets" },
] as const;
export type ArchivePlaceholder = (typeof ARCHIVE_PLACEHOLDERS)[number]["key"];

export const DEFAULT_ARCHIVE_PATTERN = "{numero}-{association}";
/** The patterns the export page offers; any pattern of the placeholders is accepted by the archive route. */
export const ARCHIVE_PATTERN_CHOICES = [
  { value: "{numero}-{association}", label: "Numéro puis association (AAP-2027-0001-Les Amis du Doubs)" },
  { value: "{numero}-{projet}", label: "Numéro puis projet" },
  { value: "{association}-{numero}", label: "Association puis numéro" },
  { value: "{etat}-{numero}-{association}", label: "État, numéro puis association" },
] as const;

export const MAX_ARCHIVE_DOSSIERS = 200;

const KNOWN = new Set<string>(ARCHIVE_PLACEHOLDERS.map((p) => p.key));

export const archiveRequestSchema = z.object({
  dossierId: z.preprocess(
    (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(z.string().trim().min(1).max(64))
      .min(1, "Choisissez au moins un dossier à mettre dans l'archive.")
      .max(
        MAX_ARCHIVE_DOSSIERS,
        `Une archive contient au plus ${MAX_ARCHIVE_DOSSIERS} dossiers : choisissez-en moins et faites plusieurs archives.`,
      ),
  ),
  pattern: z.preprocess(
    (v) => (typeof v !== "string" || v.trim() === "" ? DEFAULT_ARCHIVE_PATTERN : v.trim()),
    z
      .string()
      .max(120, "Le modèle de nom est trop long (120 caractères au plus).")
      .refine((p) => /\{[a-z]+\}/.test(p), "Le modèle de nom doit contenir au moins un repère, par exemple {numero}.")
      .superRefine((p, ctx) => {
        const unknown = [...p.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]).filter((k) => !KNOWN.has(k));
        if (unknown.length)
          ctx.addIssue({
            code: "custom",
            message: `Le modèle de nom contient « {${unknown[0]}} », qui n'est pas un repère connu : utilisez ${ARCHIVE_PLACEHOLDERS.map((x) => `{${x.key}}`).join(", ")}.`,
          });
      }),
  ),
});

const WINDOWS_DEVICES = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/** One path segment any file system accepts: no separators, reserved or control characters, at most `max` characters. */
export function safeFileName(name: string, max = 100): string {
  let out = name
    .normalize("NFC")
    .replace(/\p{Cc}/gu, "")
    .replace(/[/\\:*?"<>|]/g, "-")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[.\s-]+/, "")
    .replace(/[.\s]+$/, "");
  if (out.length > max) {
    const dot = out.lastIndexOf(".");
    const ext = dot > 0 && out.length - dot <= 10 ? out.slice(dot) : "";
    out = `${out.slice(0, max - ext.length).trimEnd()}${ext}`;
  }
  if (!out) out = "sans-nom";
  if (WINDOWS_DEVICES.test(out)) out = `_${out}`;
  return out;
}

/** The folder name of one dossier from the pattern (placeholders replaced, then made safe). */
export function applyPattern(pattern: string, values: Record<ArchivePlaceholder, string>): string {
  const filled = pattern.replace(/\{([a-z]+)\}/g, (whole, key: string) => (KNOWN.has(key) ? values[key as ArchivePlaceholder] : whole));
  return safeFileName(filled, 80);
}

/** A name not yet in `used` (compared without case): « x (2).pdf », « x (3).pdf »…; records it. */
export function uniqueName(used: Set<string>, name: string): string {
  const dot = name.lastIndexOf(".");
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ""];
  let candidate = name;
  for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${stem} (${n})${ext}`;
  used.add(candidate.toLowerCase());
  return candidate;
}
