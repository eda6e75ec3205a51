// A waldec row → the columns of a directory entry. Only public information about the association
// itself: never the declarant (adrg_*), the director's civility, the observations or the address
// complement (which may name a person: "chez M. …").
import { TZDate } from "@date-fns/tz";
import { isValidRna, isValidSiret, FORMULA_LEAD } from "~/lib/validation";
import type { WaldecRow } from "~/rna/waldec";

/** What an import writes on an entry (and compares to tell an update from an unchanged row). */
export type MappedAssociation = {
  rna: string;
  name: string;
  acronym: string | null;
  socialObject: string;
  address: string;
  postcode: string;
  city: string;
  inseeCode: string;
  website: string | null;
  siret: string | null;
  rnaUpdatedAt: Date | null;
  fields: string[];
};

// The profile form's limits (app/associations/schemas.ts): an entry, once claimed, is edited with it.
const MAX = { name: 150, acronym: 30, socialObject: 600, address: 200, city: 100 } as const;

/** The RNA number as the portal stores it (upper case, no spaces), or null when it is not one. */
export function rnaNumberOf(row: Pick<WaldecRow, "id">): string | null {
  const id = row.id.replace(/\s+/g, "").toUpperCase();
  return isValidRna(id) ? id : null;
}

const TYPES_VOIE: Record<string, string> = {
  ALL: "allée",
  AV: "avenue",
  BD: "boulevard",
  CAR: "carrefour",
  CHE: "chemin",
  CHEM: "cheminement",
  CHS: "chaussée",
  CITE: "cité",
  CLOS: "clos",
  COR: "corniche",
  CRS: "cours",
  DOM: "domaine",
  ESP: "esplanade",
  FG: "faubourg",
  GR: "grande rue",
  HAM: "hameau",
  IMP: "impasse",
  LD: "lieu-dit",
  LOT: "lotissement",
  MTE: "montée",
  PAS: "passage",
  PASS: "passage",
  PL: "place",
  PRO: "promenade",
  PRV: "parvis",
  QUA: "quartier",
  QUAI: "quai",
  RES: "résidence",
  RLE: "ruelle",
  RPT: "rond-point",
  RTE: "route",
  RUE: "rue",
  SEN: "sentier",
  SQ: "square",
  TRA: "traverse",
  VLA: "villa",
  VOIE: "voie",
  ZA: "zone artisanale",
  ZAC: "zone d'aménagement concerté",
  ZI: "zone industrielle",
};

const REPETITIONS: Record<string, string> = { B: "bis", T: "ter", Q: "quater", C: "quinquies" };

const SMALL_WORDS = new Set(["de", "des", "du", "la", "le", "les", "et", "sur", "sous", "aux", "au", "en", "à"]);

/** "DES LILAS" → "des Lilas", "DE L'EGLISE" → "de l'Eglise"; mixed-case text is left as typed. */
export function frenchTitleCase(text: string, { capitaliseFirst = false } = {}): string {
  if (text !== text.toUpperCase()) return text;
  return text
    .toLowerCase()
    .split(/(\s+|-)/)
    .map((word) => {
      if (/^\s+$|^-$/.test(word) || SMALL_WORDS.has(word)) return word;
      const elided = /^([dl]')(.*)$/.exec(word);
      if (elided) return elided[1] + capitalise(elided[2]!);
      return capitalise(word);
    })
    .join("")
    .replace(/^./, (c) => (capitaliseFirst ? c.toUpperCase() : c));
}

const capitalise = (w: string) => (w ? w[0]!.toUpperCase() + w.slice(1) : w);

/** "12 bis rue des Lilas" from adrs_numvoie, adrs_repetition, adrs_typevoie, adrs_libvoie. */
export function streetAddress(row: Pick<WaldecRow, "adrs_numvoie" | "adrs_repetition" | "adrs_typevoie" | "adrs_libvoie">): string {
  const repetition = row.adrs_repetition.trim();
  const type = row.adrs_typevoie.trim().toUpperCase();
  const parts = [
    row.adrs_numvoie.trim(),
    REPETITIONS[repetition.toUpperCase()] ?? repetition.toLowerCase(),
    TYPES_VOIE[type] ?? row.adrs_typevoie.trim().toLowerCase(),
    frenchTitleCase(row.adrs_libvoie.trim()),
  ];
  return parts.filter(Boolean).join(" ").replace(/\s+/g, " ");
}

/** maj_time ("2021-03-04 10:12:43", French time) → a UTC instant; null when absent or unreadable. */
export function rnaTimestamp(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(value.trim());
  if (!m || m[1] === "0001") return null;
  const d = new TZDate(
    Number(m[1]),
    Number(m[2]) - 1,
    Number(m[3]),
    Number(m[4] ?? 0),
    Number(m[5] ?? 0),
    Number(m[6] ?? 0),
    "Europe/Paris",
  );
  return Number.isNaN(d.getTime()) ? null : new Date(d.getTime());
}

/** A dissolution date (date_disso) as an instant, or null. */
export function dissolutionDate(value: string): Date | null {
  return rnaTimestamp(value);
}

function website(value: string): string | null {
  const trimmed = value.trim();
  if (!trimmed) return null;
  const candidate = /^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  try {
    const url = new URL(candidate);
    if (!/^https?:$/.test(url.protocol) || !url.hostname.includes(".")) return null;
    return candidate.slice(0, 300);
  } catch {
    return null;
  }
}

/** A text cut at `max` characters on a word boundary, with an ellipsis. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const slice = text.slice(0, max - 1);
  const space = slice.lastIndexOf(" ");
  return `${(space > max * 0.6 ? slice.slice(0, space) : slice).trimEnd()}…`;
}

/** A name that a spreadsheet would read as a formula gets a leading apostrophe-free fix: the lead removed. */
function safeName(text: string): string {
  return text.replace(new RegExp(`^(?:${FORMULA_LEAD.source.slice(1)})+`), "").trim();
}

const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

/** Why a row cannot be imported at all (reported as malformed), or null. */
export function rowProblem(row: WaldecRow): string | null {
  if (!rnaNumberOf(row)) return `numéro RNA « ${row.id.slice(0, 20)} » invalide (W suivi de 9 caractères attendu)`;
  if (!safeName(oneLine(row.titre))) return "titre (nom de l'association) vide";
  return null;
}

export type MappingContext = {
  /** The commune's name as the settings write it (the RNA writes it in capitals without accents). */
  communeName: string;
  fields: string[];
};

/** The entry's columns for a row that rowProblem accepted. */
export function mapRow(row: WaldecRow, context: MappingContext): MappedAssociation {
  const name = cut(safeName(oneLine(row.titre)), MAX.name);
  const short = safeName(oneLine(row.titre_court));
  const siret = row.siret.replace(/\s+/g, "");
  return {
    rna: rnaNumberOf(row)!,
    name,
    acronym: short && short.toLowerCase() !== name.toLowerCase() ? cut(short, MAX.acronym) : null,
    socialObject: cut(oneLine(row.objet), MAX.socialObject),
    address: cut(streetAddress(row), MAX.address),
    postcode: /^\d{5}$/.test(row.adrs_codepostal.trim()) ? row.adrs_codepostal.trim() : "",
    city: cut(context.communeName || frenchTitleCase(row.adrs_libcommune.trim(), { capitaliseFirst: true }), MAX.city),
    inseeCode: row.adrs_codeinsee.trim().toUpperCase(),
    website: website(row.siteweb),
    siret: isValidSiret(siret) ? siret : null,
    rnaUpdatedAt: rnaTimestamp(row.maj_time),
    fields: context.fields,
  };
}

/** The columns of `mapped` that differ from what the entry holds now (empty: unchanged). */
export function changedColumns(
  current: Omit<MappedAssociation, "fields" | "rna"> & { fields: string[] },
  mapped: MappedAssociation,
): string[] {
  const changes: string[] = [];
  const keys = ["name", "acronym", "socialObject", "address", "postcode", "city", "inseeCode", "website", "siret"] as const;
  for (const key of keys) if ((current[key] ?? null) !== (mapped[key] ?? null)) changes.push(key);
  if ((current.rnaUpdatedAt?.getTime() ?? null) !== (mapped.rnaUpdatedAt?.getTime() ?? null)) changes.push("rnaUpdatedAt");
  if ([...current.fields].sort().join(",") !== [...mapped.fields].sort().join(",")) changes.push("fields");
  return changes;
}
