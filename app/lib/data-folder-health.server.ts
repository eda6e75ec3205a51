// Whether the data folder can take files: for /healthz. Each folder the portal writes into
// (the data folder, the uploads folder, which may be another disk) is tried with a real
// write of a small file (a full or read-only disk fails it, root or not) and measured with
// statfs: "nearly full" below DATA_DIR_MIN_FREE_MB or DATA_DIR_MIN_FREE_PERCENT of free space.
import { statfs } from "node:fs/promises";
import path from "node:path";
import { getEnv } from "~/env.server";
import { isStorageError, removeStoredFile, writeFileAtomically } from "~/documents/stored-files.server";

export type FolderStatus = "ok" | "nearly_full" | "full" | "not_writable";
export type DataFolderHealth = {
  status: FolderStatus;
  /** The worst folder's free space, in bytes, and its share of its disk, in percent. */
  freeBytes: number | null;
  freePercent: number | null;
};

const SEVERITY: Record<FolderStatus, number> = { ok: 0, nearly_full: 1, full: 2, not_writable: 3 };

async function folderHealth(dir: string): Promise<DataFolderHealth> {
  const env = getEnv();
  const probe = `healthz-probe-${process.pid}`;
  let status: FolderStatus = "ok";
  try {
    await writeFileAtomically(dir, probe, Uint8Array.of(0x6f, 0x6b), 0o600, { quiet: true });
  } catch (error) {
    if (!isStorageError(error)) throw error;
    status = error.code === "disk_full" ? "full" : "not_writable";
  } finally {
    await removeStoredFile(dir, probe);
  }
  const stats = await statfs(dir).catch(() => null);
  if (!stats) return { status: status === "ok" ? "not_writable" : status, freeBytes: null, freePercent: null };
  const freeBytes = stats.bavail * stats.bsize;
  const freePercent = stats.blocks > 0 ? Math.round((stats.bavail / stats.blocks) * 1000) / 10 : 0;
  const tooLittle = freeBytes < env.DATA_DIR_MIN_FREE_MB * 1024 * 1024 || freePercent < env.DATA_DIR_MIN_FREE_PERCENT;
  if (status === "ok" && tooLittle) status = "nearly_full";
  return { status, freeBytes, freePercent };
}

/** The data folder and the uploads folder, the worse of the two. */
export async function dataFolderHealth(): Promise<DataFolderHealth> {
  const env = getEnv();
  const folders = [...new Set([env.DATA_DIR, env.UPLOAD_DIR].map((d) => path.resolve(d)))];
  const results = await Promise.all(
    folders.map((dir) => folderHealth(dir).catch((): DataFolderHealth => ({ status: "not_writable", freeBytes: null, freePercent: null }))),
  );
  return results.reduce((worst, r) =>
    SEVERITY[r.status] > SEVERITY[worst.status] || (r.status === worst.status && (r.freeBytes ?? 0) < (worst.freeBytes ?? 0)) ? r : worst,
  );
}
