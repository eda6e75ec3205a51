// What an import did (or a dry run would do): counts, the conflicts, the malformed rows, and a
// preview of the changes. Browser-safe: the admin pages and the CLI print it.

export const SKIP_REASONS = {
  inactive: "dissoute ou inactive (position ≠ A ou date de dissolution)",
  outsideTerritory: "hors des communes du CCAS",
  noField: "objet social hors des champs d'intervention",
  notPublished: "publication sur internet non autorisée (publiweb ≠ 1)",
  duplicate: "numéro RNA déjà lu plus haut dans le fichier",
  outOfScope: "fiche existante, ligne désormais hors des filtres (laissée telle quelle)",
} as const;

export type SkipReason = keyof typeof SKIP_REASONS;

export type ChangeKind = "added" | "updated" | "dissolved" | "withdrawn" | "conflict";

export const CHANGE_LABELS: Record<ChangeKind, string> = {
  added: "ajoutée",
  updated: "mise à jour",
  dissolved: "dissoute (retirée de l'annuaire)",
  withdrawn: "retirée (publication non autorisée)",
  conflict: "conflit : fiche revendiquée",
};

export type PreviewLine = { line: number; rna: string; name: string; change: ChangeKind; columns?: string[] };

export type ImportReport = {
  /** Data records read (after the header). */
  records: number;
  added: number;
  updated: number;
  dissolved: number;
  unchanged: number;
  /** Unclaimed imported entries whose row no longer allows publication: removed. */
  withdrawn: number;
  skipped: Record<SkipReason, number>;
  conflicts: number;
  conflictList: { line: number; rna: string; name: string; columns: string[] }[];
  malformed: number;
  malformedList: { line: number; reason: string }[];
};

export const LIST_CAP = 100;
export const PREVIEW_CAP = 200;

export function emptyReport(): ImportReport {
  return {
    records: 0,
    added: 0,
    updated: 0,
    dissolved: 0,
    unchanged: 0,
    withdrawn: 0,
    skipped: { inactive: 0, outsideTerritory: 0, noField: 0, notPublished: 0, duplicate: 0, outOfScope: 0 },
    conflicts: 0,
    conflictList: [],
    malformed: 0,
    malformedList: [],
  };
}

/** A stored report (Json) read back; missing keys take their zero. */
export function reportOf(value: unknown): ImportReport {
  const base = emptyReport();
  if (!value || typeof value !== "object") return base;
  const v = value as Partial<ImportReport>;
  return { ...base, ...v, skipped: { ...base.skipped, ...(v.skipped ?? {}) } };
}

export function skippedTotal(report: ImportReport): number {
  return Object.values(report.skipped).reduce((a, b) => a + b, 0);
}

/** The report as lines of French text (the CLI's output, the e-mail-free summary). */
export function reportLines(report: ImportReport): string[] {
  const lines = [
    `Lignes lues : ${report.records}`,
    `Ajoutées : ${report.added}`,
    `Mises à jour : ${report.updated}`,
    `Dissoutes : ${report.dissolved}`,
    `Retirées (publication non autorisée) : ${report.withdrawn}`,
    `Inchangées : ${report.unchanged}`,
    `Ignorées : ${skippedTotal(report)}`,
    ...Object.entries(SKIP_REASONS)
      .filter(([key]) => report.skipped[key as SkipReason] > 0)
      .map(([key, label]) => `  - ${label} : ${report.skipped[key as SkipReason]}`),
    `Conflits (fiches revendiquées dont les données RNA diffèrent) : ${report.conflicts}`,
    ...report.conflictList.map((c) => `  - ligne ${c.line}, ${c.rna} ${c.name} (${c.columns.join(", ")})`),
    `Lignes mal formées : ${report.malformed}`,
    ...report.malformedList.map((m) => `  - ligne ${m.line} : ${m.reason}`),
  ];
  if (report.malformed > report.malformedList.length) lines.push(`  … et ${report.malformed - report.malformedList.length} autres`);
  if (report.conflicts > report.conflictList.length) lines.push(`  … conflits au-delà des ${LIST_CAP} premiers non listés`);
  return lines;
}

/** The French names of the columns a preview or a conflict lists. */
export const COLUMN_LABELS: Record<string, string> = {
  name: "nom",
  acronym: "sigle",
  socialObject: "objet",
  address: "adresse",
  postcode: "code postal",
  city: "commune",
  inseeCode: "code INSEE",
  website: "site web",
  siret: "SIRET",
  rnaUpdatedAt: "date de mise à jour RNA",
  fields: "champs d'intervention",
  dissolvedAt: "dissolution",
};
