// The steering exports and the yearly PDF report against a real SQLite database: the figures read
// back equal the database's, names typed as formulas stay text, the PDF names the CCAS.
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SteeringWorld } from "./test-support";

const { prisma } = await import("../db.server");
const { steeringCsv, steeringXlsx } = await import("./dashboard-exports.server");
const { steeringReportPdf } = await import("./yearly-report-pdf.server");
const { buildSteeringWorld } = await import("./test-support");
const { invalidateReferenceData } = await import("../settings/reference-cache.server");

const YEAR = 2094;
const HOSTILE = '=HYPERLINK("https://pirate.example","clic")';
let world: SteeringWorld;

beforeAll(async () => {
  await prisma.portalSettings.upsert({
    where: { id: "ccas" },
    create: { id: "ccas", name: "CCAS de Testville", longName: "Centre communal d'action sociale de Testville" },
    update: { name: "CCAS de Testville", longName: "Centre communal d'action sociale de Testville" },
  });
  invalidateReferenceData();
  world = await buildSteeringWorld(prisma, { year: YEAR, tag: "ex" });
  await prisma.socialAxis.update({ where: { id: world.axis2.id }, data: { title: HOSTILE } });
  await prisma.projectIndicator.update({ where: { id: world.indicators.s4Hours.id }, data: { name: HOSTILE } });
});
afterAll(async () => {
  await prisma.$disconnect();
});

async function votedOfAxis(axisId: string | null) {
  const sum = await prisma.subsidy.aggregate({
    where: { financialYear: YEAR, votedCents: { not: null }, axisId },
    _sum: { votedCents: true },
  });
  return sum._sum.votedCents ?? 0;
}

describe("steering exports", () => {
  it("writes the axes CSV with the database's figures, formulas neutralised", async () => {
    const csv = await steeringCsv(YEAR, "axes");
    expect(csv.startsWith("\ufeff")).toBe(true);
    const rows: string[][] = parse(csv.slice(1), { delimiter: ";" });
    expect(rows[0]).toEqual(["Exercice", "Axe", "Projet phare", "Voté (€)", "Versé (€)", "Reste à verser (€)", "Projets", "Associations"]);
    const axis1 = rows.find((r) => r[1] === `Axe 1 – ${world.axis1.title}` && r[2] === "Ensemble de l'axe")!;
    expect(axis1[3]).toBe(((await votedOfAxis(world.axis1.id)) / 100).toFixed(2).replace(".", ","));
    const hostile = rows.find((r) => r[1].includes("HYPERLINK"))!;
    expect(hostile[1]).toBe(`Axe 2 – ${HOSTILE}`); // « Axe 2 – » in front already keeps it text
    const unattached = rows.find((r) => r[1] === "Non rattaché au projet social")!;
    expect(unattached[3]).toBe(((await votedOfAxis(null)) / 100).toFixed(2).replace(".", ","));
    const total = rows.at(-1)!;
    const all = await prisma.subsidy.aggregate({ where: { financialYear: YEAR, votedCents: { not: null } }, _sum: { votedCents: true } });
    expect(total[1]).toBe("Total");
    expect(total[3]).toBe((all._sum.votedCents! / 100).toFixed(2).replace(".", ","));

    const indicators: string[][] = parse((await steeringCsv(YEAR, "indicateurs")).slice(1), { delimiter: ";" });
    const people = indicators.find((r) => r[1] === "Ensemble" && r[4] === "personnes")!;
    expect([people[9], people[10], people[11]]).toEqual(["190", "127", "67"]);
    const share = indicators.find((r) => r[1] === "Ensemble" && r[4] === "%")!;
    expect(share[9]).toBe(""); // never summed
    expect([share[12], share[15]]).toEqual(["57.5", "55"]);
    // An indicator's name typed as a formula reaches the spreadsheet as text.
    expect(indicators.filter((r) => r[2].includes("HYPERLINK")).map((r) => r[2])).toEqual([`'${HOSTILE}`, `'${HOSTILE}`]);
  });

  it("writes a workbook whose sheets read back with the same figures, names as text", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await steeringXlsx(YEAR)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Axes et projets phares", "Indicateurs", "Tendances"]);
    const axes = workbook.getWorksheet("Axes et projets phares")!;
    const values = axes.getSheetValues().filter(Boolean) as unknown[][];
    const total = values.find((r) => r[2] === "Total")!;
    const all = await prisma.subsidy.aggregate({ where: { financialYear: YEAR, votedCents: { not: null } }, _sum: { votedCents: true } });
    expect(total[4]).toBe(all._sum.votedCents! / 100);
    const sheetIndicators = workbook.getWorksheet("Indicateurs")!;
    const hostileCells: ExcelJS.Cell[] = [];
    sheetIndicators.eachRow((row) =>
      row.eachCell((cell) => {
        if (String(cell.value).startsWith("=")) hostileCells.push(cell);
      }),
    );
    expect(hostileCells.length).toBe(2);
    for (const cell of hostileCells) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(HOSTILE);
    }
    const trends = workbook.getWorksheet("Tendances")!.getSheetValues().filter(Boolean) as unknown[][];
    expect(trends[0].slice(1)).toEqual(["Série", String(YEAR - 1), String(YEAR)]);
  });

  it("writes the yearly PDF report with the CCAS's name, the figures and the indicators", async () => {
    const { bytes, filename } = await steeringReportPdf(YEAR);
    expect(filename).toBe(`pilotage-projet-social-${YEAR}.pdf`);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain("Centre communal d'action sociale de Testville");
    expect(flat).toContain(`Rapport annuel de pilotage ${YEAR}`);
    expect(flat).toContain("Montant voté : 42 000,00 €");
    expect(flat).toContain("Montant versé : 23 000,00 €");
    expect(flat).toContain(`Axe 1 – ${world.axis1.title}`);
    expect(flat).toContain("Objectif : 190 personnes ; atteint : 127 personnes ; taux : 67 %");
    expect(flat).toContain("moyenne 57,5 % (de 50 % à 65 %)");
    expect(flat).toContain(`${YEAR - 1} : 9 personnes ; ${YEAR} : 127 personnes`);
  });
});
