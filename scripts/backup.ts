// Backups: a consistent copy of the database (SQLite's online backup API, safe while the
// portal writes), the uploaded files and a Meilisearch dump, in one dated folder; and the
// way back. `npm run backup [folder]`, `npm run restore <folder>` (portal stopped).
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { Meilisearch } from "meilisearch";

export type MeiliTarget = { host: string; apiKey: string; dumpDir: string };
export type BackupManifest = {
  createdAt: string;
  database: string;
  uploads: number;
  meilisearchDump: string | null;
  counts: Record<string, number>;
};

const COUNTED_TABLES = ["User", "Association", "Dossier", "Document", "Subsidy", "CharterSignature", "Registration", "EmailMessage"];

function countRows(db: Database.Database): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const table of COUNTED_TABLES) {
    try {
      counts[table] = (db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
    } catch {
      // a table a later migration adds
    }
  }
  return counts;
}

function countFiles(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir).reduce((n, entry) => {
    const full = path.join(dir, entry);
    return n + (statSync(full).isDirectory() ? countFiles(full) : 1);
  }, 0);
}

export function stamp(date = new Date()) {
  return date.toISOString().replace(/[:]/g, "-").replace(/\..+$/, "").replace("T", "_");
}

export async function createBackup(options: { databaseFile: string; uploadDir: string; target: string; meili?: MeiliTarget | null }): Promise<BackupManifest> {
  mkdirSync(options.target, { recursive: true });
  const databaseCopy = path.join(options.target, "portail.db");
  const source = new Database(options.databaseFile, { readonly: true, fileMustExist: true });
  try {
    await source.backup(databaseCopy);
  } finally {
    source.close();
  }
  const copy = new Database(databaseCopy, { readonly: true });
  const counts = countRows(copy);
  const integrity = (copy.prepare("PRAGMA integrity_check").get() as { integrity_check: string }).integrity_check;
  copy.close();
  if (integrity !== "ok") throw new Error(`La copie de la base n'est pas intègre : ${integrity}`);

  const uploadsCopy = path.join(options.target, "uploads");
  if (existsSync(options.uploadDir)) cpSync(options.uploadDir, uploadsCopy, { recursive: true });

  let dumpName: string | null = null;
  if (options.meili) {
    const client = new Meilisearch({ host: options.meili.host, apiKey: options.meili.apiKey });
    const task = await client.createDump().waitTask({ timeout: 300_000 });
    if (task.status !== "succeeded") throw new Error(`Le dump Meilisearch a échoué : ${task.error?.message ?? task.status}`);
    const uid = (task.details as { dumpUid?: string } | undefined)?.dumpUid;
    const file = uid ? path.join(options.meili.dumpDir, `${uid}.dump`) : null;
    if (file && existsSync(file)) {
      dumpName = "meilisearch.dump";
      copyFileSync(file, path.join(options.target, dumpName));
    }
  }

  const manifest: BackupManifest = {
    createdAt: new Date().toISOString(),
    database: "portail.db",
    uploads: countFiles(uploadsCopy),
    meilisearchDump: dumpName,
    counts,
  };
  writeFileSync(path.join(options.target, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/**
 * Puts a backup back in place. The portal must be stopped. The current files are kept
 * beside (suffix .avant-restauration) until the next restore.
 */
export function restoreBackup(options: { folder: string; databaseFile: string; uploadDir: string; meiliDbPath?: string | null }) {
  const manifestFile = path.join(options.folder, "manifest.json");
  if (!existsSync(manifestFile)) throw new Error(`${options.folder} n'est pas une sauvegarde (manifest.json absent).`);
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as BackupManifest;
  const keep = (file: string) => {
    const aside = `${file}.avant-restauration`;
    rmSync(aside, { recursive: true, force: true });
    if (existsSync(file)) renameSync(file, aside);
  };
  mkdirSync(path.dirname(options.databaseFile), { recursive: true });
  keep(options.databaseFile);
  for (const suffix of ["-wal", "-shm"]) rmSync(`${options.databaseFile}${suffix}`, { force: true });
  copyFileSync(path.join(options.folder, manifest.database), options.databaseFile);

  keep(options.uploadDir);
  const uploads = path.join(options.folder, "uploads");
  if (existsSync(uploads)) cpSync(uploads, options.uploadDir, { recursive: true });
  else mkdirSync(options.uploadDir, { recursive: true });

  // The index is rebuilt from its dump when the bundled server starts next (see server/start.ts).
  if (options.meiliDbPath && manifest.meilisearchDump) {
    keep(options.meiliDbPath);
    mkdirSync(path.dirname(options.meiliDbPath), { recursive: true });
    copyFileSync(path.join(options.folder, manifest.meilisearchDump), `${options.meiliDbPath}.import.dump`);
  }
  return manifest;
}
