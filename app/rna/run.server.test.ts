// The import against a real database and a real Meilisearch: filters, idempotency, dissolution,
// claimed entries, publiweb, dry run, and a run interrupted then continued.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addMembership, createUser } from "../../prisma/factories/user";
import { applyIndexSettings, getDocument } from "../../search/engine";
import { rnaNumber, waldecLine, waldecRow, writeWaldecFile, type WaldecLine } from "./test-support";

const { prisma } = await import("../db.server");
const { runImport } = await import("./run.server");
const { createImportRecord, fileIdentity, findUnfinished } = await import("./imports.server");
const { syncSearchNow } = await import("../associations/search-sync.server");
const { searchInDatabase } = await import("../associations/directory.server");
const { getSearchClient } = await import("../lib/search.server");

const client = getSearchClient()!;
const dir = mkdtempSync(path.join(tmpdir(), "rna-run-"));
let n = 0;

async function importFile(rows: (WaldecLine | string)[], mode: "apply" | "dry_run" = "apply", options = {}) {
  const filePath = await writeWaldecFile(path.join(dir, `f${++n}.csv`), rows);
  const identity = await fileIdentity(filePath);
  const record = await createImportRecord(prisma, { mode, fileName: "rna_waldec_25.csv", filePath, ...identity });
  const report = await runImport(prisma, record.id, { syncSearch: syncSearchNow, ...options });
  return { report, id: record.id, filePath };
}

const entry = (rna: string) => prisma.association.findFirst({ where: { rna }, include: { fields: true, memberships: true } });

beforeAll(async () => {
  await applyIndexSettings(client);
});

beforeEach(async () => {
  await prisma.association.deleteMany({ where: { rna: { startsWith: "W25" } } });
});

describe("importing an RNA file", () => {
  it("keeps Besançon's active associations whose objet social maps to a field, and nothing personal", async () => {
    const { report } = await importFile([
      waldecRow({ id: rnaNumber(1), titre: "ENTRAIDE DES QUARTIERS", titre_court: "EDQ", siret: "73282932000074", siteweb: "www.edq.fr" }),
      waldecRow({ id: rnaNumber(2), adrs_codeinsee: "25388", adrs_libcommune: "MONTBELIARD" }),
      waldecRow({ id: rnaNumber(3), objet_social1: "011000", objet_social2: "000000" }),
      waldecRow({ id: rnaNumber(4), position: "D", date_disso: "2019-02-03" }),
      waldecRow({ id: rnaNumber(5), date_disso: "2019-02-03" }),
      waldecRow({ id: rnaNumber(6), publiweb: "0" }),
      waldecRow({ id: rnaNumber(7), objet_social1: "019040", objet_social2: "020010" }),
      waldecRow({ id: rnaNumber(1), titre: "DOUBLON" }),
    ]);
    expect(report).toMatchObject({ records: 8, added: 2, updated: 0, unchanged: 0, malformed: 0 });
    expect(report.skipped).toMatchObject({ outsideTerritory: 1, noField: 1, inactive: 2, notPublished: 1, duplicate: 1 });
    const first = await entry(rnaNumber(1));
    expect(first).toMatchObject({
      name: "ENTRAIDE DES QUARTIERS",
      acronym: "EDQ",
      source: "rna",
      status: "validated",
      address: "12 rue des Lilas",
      postcode: "25000",
      city: "Besançon",
      inseeCode: "25056",
      siret: "73282932000074",
      website: "https://www.edq.fr",
      district: "toute-la-ville",
    });
    expect(first!.rnaUpdatedAt?.toISOString()).toBe("2021-03-04T09:12:43.000Z");
    expect(first!.memberships).toHaveLength(0);
    expect(JSON.stringify(first)).not.toMatch(/DUPONT|DECLARANTE/i);
    // 019000 maps acces-aux-droits as a family: 019040 is in it, and maps lutte-isolement too.
    expect(first!.fields.map((f) => f.slug)).toEqual(["acces-aux-droits"]);
    const seventh = await entry(rnaNumber(7));
    expect(seventh!.fields.map((f) => f.slug).sort()).toEqual([
      "acces-aux-droits",
      "aide-alimentaire",
      "equipement-vetements",
      "lutte-isolement",
    ]);
    expect(await getDocument(client, first!.id)).toMatchObject({ name: "ENTRAIDE DES QUARTIERS" });
  });

  it("is idempotent: the same file again changes nothing, an edited row is an update", async () => {
    const rows = [waldecRow({ id: rnaNumber(10) }), waldecRow({ id: rnaNumber(11) })];
    await importFile(rows);
    const again = await importFile(rows);
    expect(again.report).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
    const edited = await importFile([waldecRow({ id: rnaNumber(10), titre: "NOUVEAU NOM", maj_time: "2024-01-02 08:00:00" }), rows[1]!]);
    expect(edited.report).toMatchObject({ added: 0, updated: 1, unchanged: 1 });
    expect((await entry(rnaNumber(10)))!.name).toBe("NOUVEAU NOM");
    expect(await prisma.association.count({ where: { rna: rnaNumber(10) } })).toBe(1);
  });

  it("hides a dissolved entry from the directory, its index and its database fallback", async () => {
    await importFile([waldecRow({ id: rnaNumber(20), titre: "LES DISSOUS SOLIDAIRES" })]);
    const id = (await entry(rnaNumber(20)))!.id;
    expect((await searchInDatabase(query("dissous"))).total).toBe(1);
    const { report } = await importFile([
      waldecRow({ id: rnaNumber(20), titre: "LES DISSOUS SOLIDAIRES", position: "D", date_disso: "2025-06-30" }),
    ]);
    expect(report.dissolved).toBe(1);
    expect((await entry(rnaNumber(20)))!.dissolvedAt?.toISOString().slice(0, 10)).toBe("2025-06-29");
    expect(await getDocument(client, id)).toBeNull();
    expect((await searchInDatabase(query("dissous"))).total).toBe(0);
  });

  it("never overwrites a claimed entry, reports the difference as a conflict, but follows its dissolution", async () => {
    await importFile([waldecRow({ id: rnaNumber(30), titre: "ASSOCIATION REVENDIQUEE" })]);
    const claimed = (await entry(rnaNumber(30)))!;
    const user = await createUser(prisma, { email: `rep-${n}@asso.test` });
    await addMembership(prisma, user.id, claimed.id, true);
    await prisma.association.update({ where: { id: claimed.id }, data: { name: "Association revendiquée" } });
    const { report } = await importFile([waldecRow({ id: rnaNumber(30), titre: "ASSOCIATION REVENDIQUEE", objet: "autre objet" })]);
    expect(report).toMatchObject({ updated: 0, conflicts: 1 });
    expect(report.conflictList[0]).toMatchObject({ rna: rnaNumber(30), columns: ["name", "socialObject"] });
    expect((await entry(rnaNumber(30)))!.name).toBe("Association revendiquée");
    const dissolved = await importFile([waldecRow({ id: rnaNumber(30), position: "D" })]);
    expect(dissolved.report.dissolved).toBe(1);
    expect((await entry(rnaNumber(30)))!.dissolvedAt).not.toBeNull();
  });

  it("withdraws an unclaimed entry whose row no longer allows publication", async () => {
    await importFile([waldecRow({ id: rnaNumber(40) })]);
    const id = (await entry(rnaNumber(40)))!.id;
    const { report } = await importFile([waldecRow({ id: rnaNumber(40), publiweb: "0" })]);
    expect(report.withdrawn).toBe(1);
    expect(await entry(rnaNumber(40))).toBeNull();
    expect(await getDocument(client, id)).toBeNull();
  });

  it("reports malformed rows with their line numbers and imports the others", async () => {
    const { report } = await importFile([
      waldecRow({ id: rnaNumber(50), objet: "sur deux\r\nlignes" }),
      waldecLine(waldecRow({ id: rnaNumber(51) }))
        .split(";")
        .slice(0, 20)
        .join(";"),
      waldecRow({ id: "12345", titre: "SANS NUMERO" }),
      waldecRow({ id: rnaNumber(52) }),
    ]);
    expect(report).toMatchObject({ records: 4, added: 2, malformed: 2 });
    expect(report.malformedList).toEqual([
      { line: 4, reason: expect.stringContaining("colonnes au lieu de 39") },
      { line: 5, reason: expect.stringContaining("numéro RNA") },
    ]);
  });

  it("a dry run reports the same as the import and previews it, writing no association", async () => {
    const rows = [waldecRow({ id: rnaNumber(60) }), waldecRow({ id: rnaNumber(61), publiweb: "0" }), waldecRow({ id: rnaNumber(62) })];
    const dry = await importFile(rows, "dry_run");
    expect(await prisma.association.count({ where: { rna: { in: [rnaNumber(60), rnaNumber(62)] } } })).toBe(0);
    const stored = await prisma.rnaImport.findUniqueOrThrow({ where: { id: dry.id } });
    expect(stored.status).toBe("done");
    expect(stored.preview).toEqual([
      { line: 2, rna: rnaNumber(60), name: "ENTRAIDE DES QUARTIERS", change: "added" },
      { line: 4, rna: rnaNumber(62), name: "ENTRAIDE DES QUARTIERS", change: "added" },
    ]);
    const applied = await importFile(rows);
    expect(applied.report).toEqual(dry.report);
  });

  it("refuses a file that is not an RNA file, with the reason on the record", async () => {
    const filePath = path.join(dir, "autre.csv");
    await (await import("node:fs/promises")).writeFile(filePath, "nom;ville\r\nA;B\r\n");
    const record = await createImportRecord(prisma, { mode: "apply", fileName: "autre.csv", filePath, ...(await fileIdentity(filePath)) });
    await expect(runImport(prisma, record.id)).rejects.toThrow(/n'est pas un fichier RNA/);
    expect(await prisma.rnaImport.findUniqueOrThrow({ where: { id: record.id } })).toMatchObject({ status: "refused" });
  });

  it("continues an interrupted import from its last committed batch, with the same end result", async () => {
    const rows = Array.from({ length: 25 }, (_, i) => waldecRow({ id: rnaNumber(100 + i), titre: `ASSO ${i}` }));
    const filePath = await writeWaldecFile(path.join(dir, "interrompu.csv"), rows);
    const identity = await fileIdentity(filePath);
    const record = await createImportRecord(prisma, { mode: "apply", fileName: "interrompu.csv", filePath, ...identity });
    await expect(
      runImport(prisma, record.id, {
        batchSize: 10,
        afterBatch: (batch) => {
          if (batch === 1) throw new Error("panne simulée");
        },
      }),
    ).rejects.toThrow("panne simulée");
    // The first batch is in, whole; the second never started.
    expect(await prisma.association.count({ where: { rna: { in: rows.map((r) => r.id) } } })).toBe(10);
    const unfinished = await findUnfinished(prisma, identity.sha256, "apply");
    expect(unfinished).toEqual({ id: record.id, checkpointRecord: 10 });
    const report = await runImport(prisma, record.id, { batchSize: 10 });
    expect(report).toMatchObject({ records: 25, added: 25, unchanged: 0 });
    expect(await prisma.association.count({ where: { rna: { in: rows.map((r) => r.id) } } })).toBe(25);
  });
});

function query(q: string) {
  return { q, fields: [], publics: [], districts: [], charterSigner: false, page: 1, perPage: 20 };
}
