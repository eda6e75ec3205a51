// The one way the portal writes a file it keeps under the data folder (uploaded documents,
// signed conventions, compte rendu attachments): to a temporary name in the same folder,
// flushed to disk, then renamed. A stored name never points at a partial file, whatever
// happens (full disk, read-only disk, crash): on failure the temporary file is removed.
// `withNewFiles` goes one step further: when what follows the write fails (the database
// row, its transaction), the files it wrote are removed too, so no file is left without a row.
import { randomBytes } from "node:crypto";
import { mkdir, open, readdir, rename, stat, unlink, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { DomainError, isDomainError } from "~/lib/domain-error";

export const DISK_FULL_MESSAGE =
  "Le serveur manque d'espace disque : votre fichier n'a pas été enregistré. Réessayez plus tard ou prévenez le CCAS.";
export const NOT_WRITABLE_MESSAGE =
  "Le serveur ne peut pas écrire de fichier pour le moment : votre fichier n'a pas été enregistré. Réessayez plus tard ou prévenez le CCAS.";

export type StorageProblem = "disk_full" | "not_writable";

/** A file could not be written for a reason of the server's disk, not of the file sent: 507 Insufficient Storage when full, 503 when it cannot be written. */
export function storageError(code: StorageProblem, cause?: unknown): DomainError {
  const error = new DomainError(code === "disk_full" ? DISK_FULL_MESSAGE : NOT_WRITABLE_MESSAGE, {
    code,
    status: code === "disk_full" ? 507 : 503,
  });
  return Object.assign(error, { cause });
}

export function isStorageError(error: unknown): error is DomainError & { code: StorageProblem } {
  return isDomainError(error) && (error.code === "disk_full" || error.code === "not_writable");
}

const DISK_FULL_CODES = new Set(["ENOSPC", "EDQUOT", "EFBIG"]);
const NOT_WRITABLE_CODES = new Set(["EROFS", "EACCES", "EPERM", "EIO"]);

/** The storage refusal an I/O error stands for, or the error itself when it is something else. */
export function asStorageError(error: unknown): unknown {
  if (isDomainError(error)) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code && DISK_FULL_CODES.has(code)) return storageError("disk_full", error);
  if (code && NOT_WRITABLE_CODES.has(code)) return storageError("not_writable", error);
  // SQLite's own "database or disk is full", when the database shares the full disk.
  if (
    error instanceof Error &&
    /SQLITE_FULL|database or disk is full/i.test(`${error.message} ${String((error as { cause?: unknown }).cause ?? "")}`)
  ) {
    return storageError("disk_full", error);
  }
  return error;
}

const TEMP_PREFIX = ".partial-";
/** Temporary files are hidden and never match a stored name (those are generated, without a dot first). */
export const isTemporaryName = (name: string) => name.startsWith(TEMP_PREFIX);

/**
 * Writes `bytes` to `dir/name`, all or nothing: a temporary file in the same folder (so the
 * rename is atomic on one filesystem), fsync, rename, fsync of the folder (so the rename
 * survives a power cut). Throws a storage refusal (DomainError) when the disk is full or not writable.
 */
export async function writeFileAtomically(
  dir: string,
  name: string,
  bytes: Uint8Array,
  mode = 0o600,
  options: { /** no log line on a disk error (the health probe reports it itself) */ quiet?: boolean } = {},
): Promise<void> {
  if (path.basename(name) !== name || isTemporaryName(name)) throw new Error(`Nom de fichier stocké invalide : ${name}`);
  await sweepOnce(dir);
  const temporary = path.join(dir, `${TEMP_PREFIX}${randomBytes(8).toString("hex")}-${name}`);
  let handle: FileHandle | undefined;
  try {
    await mkdir(dir, { recursive: true });
    handle = await open(temporary, "wx", mode);
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temporary, path.join(dir, name));
  } catch (error) {
    await handle?.close().catch(() => {});
    await unlink(temporary).catch(() => {});
    const translated = asStorageError(error);
    if (isStorageError(translated) && !options.quiet) console.error(`Fichier non enregistré dans ${dir} (${translated.code}) :`, error);
    throw translated;
  }
  await syncFolder(dir);
}

async function syncFolder(dir: string) {
  // Best effort: some filesystems refuse to fsync a directory; the file itself is already on disk.
  const handle = await open(dir, "r").catch(() => null);
  await handle?.sync().catch(() => {});
  await handle?.close().catch(() => {});
}

/** Removes a stored file; a file already gone is fine. */
export async function removeStoredFile(dir: string, name: string): Promise<void> {
  await unlink(path.join(dir, path.basename(name))).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "ENOENT" && error.code !== "ENOTDIR") console.error(`Suppression impossible de ${name} :`, error);
  });
}

export type NewFiles = {
  /** Writes a file atomically; it is removed again if the surrounding `withNewFiles` fails. */
  write(dir: string, name: string, bytes: Uint8Array, mode?: number): Promise<void>;
};

/**
 * Runs `work` with a writer whose files are kept only if `work` succeeds: put the database
 * transaction that records the files inside `work`, and a failed insert or commit removes them.
 */
export async function withNewFiles<T>(work: (files: NewFiles) => Promise<T>): Promise<T> {
  const written: { dir: string; name: string }[] = [];
  const files: NewFiles = {
    async write(dir, name, bytes, mode) {
      await writeFileAtomically(dir, name, bytes, mode);
      written.push({ dir, name });
    },
  };
  try {
    return await work(files);
  } catch (error) {
    for (const file of written) await removeStoredFile(file.dir, file.name);
    throw asStorageError(error);
  }
}

/** Temporary files older than this were left by a process that died mid-write. */
const STALE_AFTER_MS = 60 * 60 * 1000;
const swept = new Set<string>();

/** Once per folder and process: removes temporary files a killed process left behind. */
async function sweepOnce(dir: string) {
  if (swept.has(dir)) return;
  swept.add(dir);
  await removeStaleTemporaryFiles(dir);
}

export async function removeStaleTemporaryFiles(dir: string, olderThanMs = STALE_AFTER_MS): Promise<number> {
  const names = await readdir(dir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names.filter(isTemporaryName)) {
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => null);
    if (info && Date.now() - info.mtimeMs >= olderThanMs) {
      await unlink(file).catch(() => {});
      removed++;
    }
  }
  return removed;
}
