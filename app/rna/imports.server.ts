// The RnaImport records: where an import's file is, its identity (SHA-256), the run to continue
// after an interruption, and the lists the admin pages show.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import type { Db } from "~/db.server";
import { getEnv } from "~/env.server";
import { reportOf } from "~/rna/report";

export type ImportMode = "dry_run" | "apply";

/** Uploaded RNA files are kept here, under generated names. */
export function rnaFolder() {
  return path.join(getEnv().DATA_DIR, "rna");
}

export function importFilePath(record: { storedName: string | null; filePath: string | null }): string {
  if (record.storedName) return path.join(rnaFolder(), path.basename(record.storedName));
  if (record.filePath) return record.filePath;
  throw new Error("import sans fichier");
}

/** The file's SHA-256 and size, read as a stream. */
export async function fileIdentity(filePath: string): Promise<{ sha256: string; sizeBytes: number }> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(filePath)) hash.update(chunk as Buffer);
  return { sha256: hash.digest("hex"), sizeBytes: (await stat(filePath)).size };
}

/** An earlier run of the same file and mode that did not finish (a crash, a stop): the one to continue. */
export function findUnfinished(db: Db, sha256: string, mode: ImportMode) {
  return db.rnaImport.findFirst({
    where: { sha256, mode, status: { in: ["queued", "running", "failed"] } },
    orderBy: { createdAt: "desc" },
    select: { id: true, checkpointRecord: true },
  });
}

type NewImport = {
  mode: ImportMode;
  fileName: string;
  storedName?: string;
  filePath?: string;
  sha256: string;
  sizeBytes: number;
  createdById?: string | null;
};

export function createImportRecord(db: Db, input: NewImport) {
  return db.rnaImport.create({
    data: {
      mode: input.mode,
      fileName: input.fileName.slice(0, 200),
      storedName: input.storedName ?? null,
      filePath: input.filePath ?? null,
      sha256: input.sha256,
      sizeBytes: input.sizeBytes,
      createdById: input.createdById ?? null,
    },
    select: { id: true },
  });
}

export const importSummarySelect = {
  id: true,
  mode: true,
  status: true,
  fileName: true,
  sizeBytes: true,
  processedBytes: true,
  checkpointRecord: true,
  encoding: true,
  error: true,
  report: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  heartbeatAt: true,
} as const;

export async function listImports(db: Db, take = 30) {
  const rows = await db.rnaImport.findMany({ orderBy: { createdAt: "desc" }, take, select: importSummarySelect });
  return rows.map((r) => ({ ...r, report: reportOf(r.report) }));
}

export async function getImport(db: Db, id: string) {
  const row = await db.rnaImport.findUnique({
    where: { id },
    select: { ...importSummarySelect, preview: true, sha256: true, storedName: true, filePath: true },
  });
  if (!row) return null;
  return { ...row, report: reportOf(row.report), preview: Array.isArray(row.preview) ? row.preview : [] };
}
