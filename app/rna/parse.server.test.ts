// Reading waldec files as the State writes them, in both encodings, and refusing what is not one.
import { mkdtempSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectEncoding } from "./encoding.server";
import { NotAnRnaFileError, openWaldec, type WaldecRecord } from "./parse.server";
import { waldecLine, waldecRow, writeWaldecFile, type FileOptions } from "./test-support";

const dir = mkdtempSync(path.join(tmpdir(), "rna-parse-"));
let n = 0;
const file = () => path.join(dir, `f${++n}.csv`);

async function readAll(filePath: string) {
  const opened = await openWaldec(filePath);
  const records: WaldecRecord[] = [];
  for await (const r of opened.records) records.push(r);
  return { encoding: opened.encoding, records };
}

const tricky = waldecRow({
  id: "W9T1002867",
  titre: "CŒUR DE FRANCHE-COMTÉ",
  objet: "aider les \"anciens\" ; lutter contre l'isolement\r\net la solitude ; café à l'épicerie",
});

describe("reading a waldec file", () => {
  for (const [label, options] of [
    ["UTF-8 with a BOM, every field quoted", { encoding: "utf-8", bom: true }],
    ["UTF-8 without a BOM", { encoding: "utf-8", bom: false }],
    ["ISO-8859-1", { encoding: "latin1" }],
    ["fields quoted only when needed", { encoding: "utf-8", quoteAll: false }],
  ] as [string, FileOptions][]) {
    it(`reads ${label}: accents, quotes, ; and line breaks inside objet`, async () => {
      const row = options.encoding === "latin1" ? { ...tricky, titre: "CŒUR".replace("Œ", "OE") + " DE FRANCHE-COMTÉ" } : tricky;
      const { encoding, records } = await readAll(await writeWaldecFile(file(), [row, waldecRow({ id: "W251000002" })], options));
      expect(encoding).toBe(options.encoding);
      expect(records).toHaveLength(2);
      const [first, second] = records;
      expect(first).toMatchObject({ kind: "row", index: 1, line: 2 });
      if (first!.kind !== "row") throw new Error();
      expect(first!.row.titre).toBe(row.titre);
      expect(first!.row.objet).toBe(row.objet);
      expect(first!.row.id).toBe("W9T1002867");
      // The objet spans two lines: the next record starts on line 4.
      expect(second).toMatchObject({ kind: "row", index: 2, line: 4 });
    });
  }

  it("never exposes the declarant's columns", async () => {
    const { records } = await readAll(await writeWaldecFile(file(), [waldecRow()]));
    const record = records[0]!;
    if (record.kind !== "row") throw new Error();
    expect(Object.keys(record.row)).not.toContain("adrg_declarant");
    expect(JSON.stringify(record.row)).not.toContain("DUPONT");
  });

  it("reports rows with the wrong number of columns with their line, and reads on", async () => {
    const good = waldecRow({ id: "W251000003" });
    const short = waldecLine(good).split(";").slice(0, 10).join(";");
    const { records } = await readAll(await writeWaldecFile(file(), [waldecRow(), short, good]));
    expect(records.map((r) => r.kind)).toEqual(["row", "malformed", "row"]);
    expect(records[1]).toMatchObject({ line: 3, reason: expect.stringContaining("10 colonnes au lieu de 39") });
    expect(records[2]).toMatchObject({ kind: "row", line: 4 });
  });

  it("reports a quote left open inside a row as a malformed row, not a crash", async () => {
    const broken = waldecLine(waldecRow({ id: "W251000004" })).replace('"favoriser', '"favoriser "les" liens');
    const { records } = await readAll(await writeWaldecFile(file(), [waldecRow(), broken, waldecRow({ id: "W251000005" })]));
    expect(records[0]!.kind).toBe("row");
    expect(records.some((r) => r.kind === "malformed" && r.line === 3)).toBe(true);
  });

  it("refuses a CSV that is not an RNA file, naming the missing columns", async () => {
    const other = file();
    await writeFile(other, "nom;prenom;email\r\nDupont;Jeanne;j@exemple.fr\r\n");
    const error = await openWaldec(other).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotAnRnaFileError);
    expect((error as Error).message).toMatch(/n'est pas un fichier RNA « waldec » : il manque les colonnes « id », « siret »/);
  });

  it("refuses an empty file and a file that is not CSV", async () => {
    const empty = file();
    await writeFile(empty, "");
    await expect(openWaldec(empty)).rejects.toThrow(/vide/);
    const binary = file();
    await writeFile(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    await expect(openWaldec(binary)).rejects.toBeInstanceOf(NotAnRnaFileError);
  });

  it("tells latin1 from UTF-8 past a long ASCII start", async () => {
    const rows = Array.from({ length: 300 }, (_, i) => waldecRow({ id: `W25${String(i).padStart(7, "0")}`, objet: "ascii" }));
    rows.push(waldecRow({ id: "W259999999", titre: "ÉCOLE DES PARENTS" }));
    expect(await detectEncoding(await writeWaldecFile(file(), rows, { encoding: "latin1" }))).toEqual({ encoding: "latin1", bom: false });
    expect(await detectEncoding(await writeWaldecFile(file(), rows, { bom: false }))).toEqual({ encoding: "utf-8", bom: false });
  });
});
