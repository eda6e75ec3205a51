// Generated RNA waldec files shaped like the State's: every field double-quoted, `;` separators,
// CRLF line ends, a BOM for UTF-8 files (the recent ones) or ISO-8859-1 (the older ones), `;` and
// line breaks inside `objet`. For the tests, the end-to-end journey and the benchmark.
import { createWriteStream } from "node:fs";
import { writeFile } from "node:fs/promises";
import { WALDEC_COLUMNS, type WaldecColumn } from "~/rna/waldec";

export type WaldecLine = Record<WaldecColumn, string>;

/** A row of an active association of Besançon (INSEE 25056) in interventions sociales, publication allowed. */
export function waldecRow(overrides: Partial<WaldecLine> = {}): WaldecLine {
  const base: WaldecLine = {
    id: "W251000001",
    id_ex: "",
    siret: "",
    rup_mi: "",
    gestion: "251P",
    date_creat: "2010-05-12",
    date_decla: "2019-03-01",
    date_publi: "2010-06-05",
    date_disso: "0001-01-01",
    nature: "D",
    groupement: "S",
    titre: "ENTRAIDE DES QUARTIERS",
    titre_court: "",
    objet: "favoriser l'entraide entre habitants ; accompagner les démarches",
    objet_social1: "019000",
    objet_social2: "000000",
    adrs_complement: "CHEZ MME DUPONT",
    adrs_numvoie: "12",
    adrs_repetition: "",
    adrs_typevoie: "RUE",
    adrs_libvoie: "DES LILAS",
    adrs_distrib: "",
    adrs_codeinsee: "25056",
    adrs_codepostal: "25000",
    adrs_libcommune: "BESANCON",
    adrg_declarant: "DUPONT Jeanne",
    adrg_complemid: "",
    adrg_complemgeo: "",
    adrg_libvoie: "3 RUE PRIVEE DE LA DECLARANTE",
    adrg_distrib: "",
    adrg_codepostal: "25000",
    adrg_achemine: "BESANCON",
    adrg_pays: "FRANCE",
    dir_civilite: "PM",
    siteweb: "",
    publiweb: "1",
    observation: "",
    position: "A",
    maj_time: "2021-03-04 10:12:43",
  };
  return { ...base, ...overrides };
}

export type FileOptions = {
  encoding?: "utf-8" | "latin1";
  /** UTF-8 files only; true by default. */
  bom?: boolean;
  /** Every field double-quoted (the State's files); true by default. */
  quoteAll?: boolean;
  header?: readonly string[];
};

const quote = (value: string, always: boolean) => (always || /[";\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** One line of the file (a row, or a raw string written as it is, for malformed lines). */
export function waldecLine(row: WaldecLine | string, options: FileOptions = {}): string {
  if (typeof row === "string") return row;
  const header = options.header ?? WALDEC_COLUMNS;
  return header.map((column) => quote(row[column as WaldecColumn] ?? "", options.quoteAll ?? true)).join(";");
}

export function waldecText(rows: (WaldecLine | string)[], options: FileOptions = {}): string {
  const header = (options.header ?? WALDEC_COLUMNS).map((c) => quote(c, options.quoteAll ?? true)).join(";");
  return [header, ...rows.map((r) => waldecLine(r, options))].join("\r\n") + "\r\n";
}

export function waldecBytes(rows: (WaldecLine | string)[], options: FileOptions = {}): Buffer {
  const text = waldecText(rows, options);
  if (options.encoding === "latin1") return Buffer.from(text, "latin1");
  const body = Buffer.from(text, "utf8");
  return options.bom === false ? body : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]);
}

export async function writeWaldecFile(filePath: string, rows: (WaldecLine | string)[], options: FileOptions = {}) {
  await writeFile(filePath, waldecBytes(rows, options));
  return filePath;
}

/** An RNA number from a counter: W + département 25 + 7 digits. */
export const rnaNumber = (n: number) => `W25${String(n).padStart(7, "0")}`;

const TITLES = ["AMICALE", "ASSOCIATION SPORTIVE", "COMITE DES FETES", "RESTOS SOLIDAIRES", "AMIS DE LA MUSIQUE", "ENTRAIDE"];
const CODES = ["019000", "020010", "011000", "006040", "019040", "032510", "024000", "007000"];
const COMMUNES = [
  ["25056", "25000", "BESANCON"],
  ["25388", "25200", "MONTBELIARD"],
  ["25462", "25300", "PONTARLIER"],
  ["25031", "25400", "AUDINCOURT"],
  ["25580", "25220", "THISE"],
];

/**
 * A département-sized file written as a stream (never held in memory): `besanconShare` of the rows in
 * Besançon, the rest in other communes; one in twelve dissolved, one in ten without web publication.
 */
export async function writeLargeWaldecFile(filePath: string, rows: number, besanconShare = 0.15) {
  const out = createWriteStream(filePath);
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((r) => out.once("drain", () => r())));
  await write("\uFEFF" + waldecText([]));
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 1; i <= rows; i++) {
    const inBesancon = random() < besanconShare;
    const commune = inBesancon ? COMMUNES[0]! : COMMUNES[1 + Math.floor(random() * 4)]!;
    const dissolved = i % 12 === 0;
    const row = waldecRow({
      id: rnaNumber(i),
      titre: `${TITLES[i % TITLES.length]} N°${i} DE ${commune[2]}`,
      objet: `Objet n°${i} : aider ; accompagner\nles habitants « ${commune[2]} » — éducation, santé, solidarité`,
      objet_social1: CODES[i % CODES.length]!,
      adrs_codeinsee: commune[0]!,
      adrs_codepostal: commune[1]!,
      adrs_libcommune: commune[2]!,
      position: dissolved ? "D" : "A",
      date_disso: dissolved ? "2020-01-15" : "0001-01-01",
      publiweb: i % 10 === 0 ? "0" : "1",
    });
    await write(waldecLine(row) + "\r\n");
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}
