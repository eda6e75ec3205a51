// The RNA "waldec" file as the State publishes it (one CSV per département on data.gouv.fr): its
// columns, and the check that a file is one. Browser-safe: the upload page shows the expected header.

/** Every column of a waldec file, in the published order. */
export const WALDEC_COLUMNS = [
  "id",
  "id_ex",
  "siret",
  "rup_mi",
  "gestion",
  "date_creat",
  "date_decla",
  "date_publi",
  "date_disso",
  "nature",
  "groupement",
  "titre",
  "titre_court",
  "objet",
  "objet_social1",
  "objet_social2",
  "adrs_complement",
  "adrs_numvoie",
  "adrs_repetition",
  "adrs_typevoie",
  "adrs_libvoie",
  "adrs_distrib",
  "adrs_codeinsee",
  "adrs_codepostal",
  "adrs_libcommune",
  "adrg_declarant",
  "adrg_complemid",
  "adrg_complemgeo",
  "adrg_libvoie",
  "adrg_distrib",
  "adrg_codepostal",
  "adrg_achemine",
  "adrg_pays",
  "dir_civilite",
  "siteweb",
  "publiweb",
  "observation",
  "position",
  "maj_time",
] as const;

export type WaldecColumn = (typeof WALDEC_COLUMNS)[number];

/**
 * The columns the import reads. The others (adrg_* — the declarant's name and address —, dir_civilite,
 * observation, adrs_complement, adrs_distrib…) are never read: they hold or may hold personal data.
 */
export const READ_COLUMNS = [
  "id",
  "siret",
  "date_disso",
  "titre",
  "titre_court",
  "objet",
  "objet_social1",
  "objet_social2",
  "adrs_numvoie",
  "adrs_repetition",
  "adrs_typevoie",
  "adrs_libvoie",
  "adrs_codeinsee",
  "adrs_codepostal",
  "adrs_libcommune",
  "siteweb",
  "publiweb",
  "position",
  "maj_time",
] as const satisfies readonly WaldecColumn[];

export type ReadColumn = (typeof READ_COLUMNS)[number];
export type WaldecRow = Record<ReadColumn, string>;

/** The header's columns as the file spells them: trimmed, lower-case, BOM and quotes already removed by the parser. */
export function normaliseHeader(cells: string[]): string[] {
  return cells.map((c) =>
    c
      .replace(/^\uFEFF/, "")
      .trim()
      .toLowerCase(),
  );
}

/**
 * Why a header is not a waldec one, in French, or null when it is. Every read column must be there;
 * the file may have more (the State has added columns before) in any order.
 */
export function headerProblem(cells: string[]): string | null {
  const header = normaliseHeader(cells);
  if (header.length < 2)
    return "Ce fichier n'est pas un fichier RNA « waldec » : sa première ligne ne contient pas de colonnes séparées par des points-virgules (;).";
  const missing = READ_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length === 0) return null;
  const list = missing.map((c) => `« ${c} »`).join(", ");
  return (
    `Ce fichier n'est pas un fichier RNA « waldec » : ${missing.length > 1 ? "il manque les colonnes" : "il manque la colonne"} ${list}. ` +
    "Téléchargez le fichier de votre département sur data.gouv.fr (jeu « Répertoire National des Associations », fichiers rna_waldec_…)."
  );
}
