// The one place the portal writes spreadsheets. Every CSV and every XLSX cell goes through
// here so that a name typed as `=HYPERLINK(…)` reaches staff and open-data users as text,
// never as a live formula (OWASP, "CSV Injection").
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";

/** What an export row may hold. Numbers and dates keep their type; the rest is text. */
export type SheetCell = string | number | Date | boolean | null | undefined;

// A spreadsheet reads a cell as a formula when it starts with = + - @ (or their full-width
// forms, which some locales convert), or with a tab or carriage return. Leading blanks do
// not protect: LibreOffice and Excel trim them before deciding, so they are looked through.
const FORMULA_START = /^[\s\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20]/;
const CONTROL_START = /^[\t\r\n]/;
// A plain number written as text ("-12,50", "26000.00") is not a formula and stays readable.
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

/** True when a spreadsheet would interpret this text as a formula. */
export function startsLikeFormula(text: string): boolean {
  if (PLAIN_NUMBER.test(text)) return false;
  return CONTROL_START.test(text) || FORMULA_START.test(text);
}

/** A text cell for a CSV file: prefixed with `'` when it would otherwise run as a formula. */
export function csvText(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}

function csvCell(value: SheetCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "oui" : "non";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString();
  return csvText(String(value));
}

export type CsvOptions = {
  /** `;` for the staff's French spreadsheets, `,` for the SCDL open-data file. */
  delimiter: ";" | ",";
  /** A UTF-8 BOM, which French Excel needs to read accents. */
  bom?: boolean;
  /** CRLF line ends (the SCDL file); LF otherwise. */
  crlf?: boolean;
};

/** A CSV file from a header row and data rows; every text cell is neutralised. */
export function toCsv(header: readonly string[], rows: readonly (readonly SheetCell[])[], options: CsvOptions): string {
  const records = [header, ...rows].map((row) => row.map(csvCell));
  const body = stringify(records, { delimiter: options.delimiter, record_delimiter: options.crlf ? "\r\n" : "unix" });
  return options.bom ? `\ufeff${body}` : body;
}

/**
 * The value to put in an XLSX cell, with its type decided here and nowhere else: a string is a
 * string cell (exceljs writes `t="s"`, never a formula, whatever its first character), a finite
 * number a number, a valid date a date. Anything else becomes its text.
 */
export function xlsxValue(value: SheetCell): string | number | Date | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "boolean") return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  return String(value);
}

/** Appends one row to a worksheet, every cell through `xlsxValue`. */
export function addXlsxRow(sheet: ExcelJS.Worksheet, values: readonly SheetCell[]): ExcelJS.Row {
  return sheet.addRow(values.map(xlsxValue));
}

export type XlsxSheet = {
  name: string;
  /** A title row above the header (an event's name). */
  title?: string;
  header: readonly string[];
  rows: readonly (readonly SheetCell[])[];
  /** Column width in characters; from the header's length when absent. */
  width?: number;
  /** Columns (0-based) holding euros as numbers, shown with the euro format. */
  moneyColumns?: readonly number[];
};

/** The one XLSX writer: bold header, frozen under it, every cell through `xlsxValue`. */
export async function toXlsx(
  sheets: readonly XlsxSheet[],
  { creator, created = new Date() }: { creator: string; created?: Date },
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = creator;
  workbook.created = created;
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name);
    if (spec.title) addXlsxRow(sheet, [spec.title]).font = { bold: true, size: 14 };
    addXlsxRow(sheet, spec.header).font = { bold: true };
    sheet.views = [{ state: "frozen", ySplit: spec.title ? 2 : 1 }];
    spec.header.forEach((label, i) => {
      const column = sheet.getColumn(i + 1);
      column.width = spec.width ?? Math.max(12, label.length + 2);
      if (spec.moneyColumns?.includes(i)) column.numFmt = "#,##0.00 €";
    });
    for (const row of spec.rows) addXlsxRow(sheet, row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
