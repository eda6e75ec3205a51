// Backups: a consistent copy of the database (SQLite's online backup API, safe while the
// portal writes; on PostgreSQL a pg_dump archive, see postgresql-dump.ts), the uploaded files, a Meilisearch dump and the secrets a restore needs
// (the session secret that signs the links already sent, the Meilisearch master key), in
// one dated folder readable by its owner only; and the way back.
// `npm run backup [folder]`, `npm run restore <folder>` (portal stopped).
import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { Meilisearch } from "meilisearch";
import { databaseProviderOf, type DatabaseProvider } from "../app/lib/database-provider";
import { dumpPostgresql, restorePostgresql } from "./postgresql-dump";

export type MeiliTarget = { host: string; apiKey: string; dumpDir: string };
export type BackupManifest = {
  createdAt: string;
  /** Says, for whoever finds the folder, that it holds secrets. */
  notice: string;
  /** Absent from the backups made before PostgreSQL: SQLite. */
  engine?: DatabaseProvider;
  /** The database file: portail.db (SQLite) or portail.pgdump (pg_dump --format=custom). */
  database: string;
  uploads: number;
  meilisearchDump: string | null;
  /** Files under secrets/, put back in the data folder by a restore. */
  secrets: string[];
  counts: Record<string, number>;
};

/**
 * Every secret the portal generates and keeps in its data folder (written with mode 0600):
 * app/env.server.ts (SESSION_SECRET: signs the event confirmation and cancellation links
 * and the message cookie) and search/server-process.ts (the bundled Meilisearch master key).
 * A new generated secret under the data folder is added here, or a restore loses it.
 */
export const SECRET_FILES = ["session-secret", "meili-master-key"] as const;
export type SecretName = (typeof SECRET_FILES)[number];

export const SECRETS_NOTICE =
  "Cette sauvegarde contient des secrets (dossier secrets/ : clé de session qui signe les liens envoyés, clé maîtresse Meilisearch) " +
  "et des données personnelles : conservez-la chiffrée, lisible par le seul compte du portail (dossier 0700, fichiers 0600).";

/**
 * The secrets as the running portal uses them: the files of the data folder, and the values
 * given through the environment (SESSION_SECRET, MEILI_MASTER_KEY), which take precedence.
 */
export function collectSecrets(dataDir: string, fromEnvironment: Partial<Record<SecretName, string | undefined>> = {}) {
  const secrets: Partial<Record<SecretName, string>> = {};
  for (const name of SECRET_FILES) {
    const file = path.join(dataDir, name);
    if (existsSync(file)) secrets[name] = readFileSync(file, "utf8").trim();
    const given = fromEnvironment[name];
    if (given) secrets[name] = given;
  }
  return secrets;
}

const PRIVATE_DIR = 0o700;
const PRIVATE_FILE = 0o600;

/** Owner only, files and folders, however the umask created them. */
function restrictTree(dir: string) {
  chmodSync(dir, PRIVATE_DIR);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) restrictTree(full);
    else chmodSync(full, PRIVATE_FILE);
  }
}

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

// As app/db.server.ts's sqlitePath (importing it would open the portal's database).
const sqlitePathOf = (url: string) => url.replace(/^file:/, "");

/** A consistent copy of a live SQLite database (the online backup API), checked for integrity. */
export async function snapshotSqlite(databaseFile: string, copyFile: string) {
  const source = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    await source.backup(copyFile);
  } finally {
    source.close();
  }
  const copy = new Database(copyFile, { readonly: true });
  try {
    const integrity = (copy.prepare("PRAGMA integrity_check").get() as { integrity_check: string }).integrity_check;
    if (integrity !== "ok") throw new Error(`La copie de la base n'est pas intègre : ${integrity}`);
  } finally {
    copy.close();
  }
}

/** The database part of a backup: its file's name in the folder and the rows it holds. */
async function backupDatabase(databaseUrl: string, target: string) {
  if (databaseProviderOf(databaseUrl) === "postgresql") {
    const database = "portail.pgdump";
    return { database, counts: await dumpPostgresql(databaseUrl, path.join(target, database), COUNTED_TABLES) };
  }
  const database = "portail.db";
  const databaseCopy = path.join(target, database);
  await snapshotSqlite(sqlitePathOf(databaseUrl), databaseCopy);
  const copy = new Database(databaseCopy, { readonly: true });
  const counts = countRows(copy);
  copy.close();
  return { database, counts };
}

export async function createBackup(options: {
  /** The portal's DATABASE_URL: a SQLite file or a PostgreSQL database. */
  databaseUrl: string;
  uploadDir: string;
  target: string;
  meili?: MeiliTarget | null;
  secrets: Partial<Record<SecretName, string>>;
}): Promise<BackupManifest> {
  mkdirSync(options.target, { recursive: true, mode: PRIVATE_DIR });
  chmodSync(options.target, PRIVATE_DIR);
  // The secrets first, owner only from their first byte.
  const secretsDir = path.join(options.target, "secrets");
  mkdirSync(secretsDir, { recursive: true, mode: PRIVATE_DIR });
  const secretNames = SECRET_FILES.filter((name) => options.secrets[name]);
  for (const name of secretNames) writeFileSync(path.join(secretsDir, name), `${options.secrets[name]}\n`, { mode: PRIVATE_FILE });

  const { database, counts } = await backupDatabase(options.databaseUrl, options.target);

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
    notice: SECRETS_NOTICE,
    engine: databaseProviderOf(options.databaseUrl),
    database,
    uploads: countFiles(uploadsCopy),
    meilisearchDump: dumpName,
    secrets: secretNames,
    counts,
  };
  writeFileSync(path.join(options.target, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(
    path.join(options.target, "LISEZMOI.txt"),
    `${SECRETS_NOTICE}\nRestauration : npm run restore -- <ce dossier> (portail arrêté)` +
      (manifest.engine === "postgresql" ? ", DATABASE_URL pointant vers une base PostgreSQL vide (pg_restore).\n" : ".\n"),
  );
  restrictTree(options.target);
  return manifest;
}

/**
 * Puts a backup back in place. The portal must be stopped. The current files are kept
 * beside (suffix .avant-restauration) until the next restore; a PostgreSQL database is restored
 * into an empty database only (nothing to set aside).
 */
export async function restoreBackup(options: {
  folder: string;
  dataDir: string;
  /** Where the database goes: the SQLite file or the (empty) PostgreSQL database of DATABASE_URL. */
  databaseUrl: string;
  uploadDir: string;
  meiliDbPath?: string | null;
}) {
  const manifestFile = path.join(options.folder, "manifest.json");
  if (!existsSync(manifestFile)) throw new Error(`${options.folder} n'est pas une sauvegarde (manifest.json absent).`);
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as BackupManifest;
  const keep = (file: string) => {
    const aside = `${file}.avant-restauration`;
    rmSync(aside, { recursive: true, force: true });
    if (existsSync(file)) renameSync(file, aside);
  };
  const engine = manifest.engine ?? "sqlite";
  const into = databaseProviderOf(options.databaseUrl);
  if (engine !== into) {
    throw new Error(
      engine === "sqlite"
        ? "Cette sauvegarde est celle d'une base SQLite et DATABASE_URL désigne PostgreSQL : restaurez-la dans une base SQLite, puis npm run db:copy -- --to <base PostgreSQL>."
        : "Cette sauvegarde est celle d'une base PostgreSQL (pg_dump) et DATABASE_URL désigne un fichier SQLite : faites pointer DATABASE_URL vers une base PostgreSQL vide.",
    );
  }
  if (engine === "postgresql") {
    // First: a refused or failed restore changes nothing else.
    await restorePostgresql(options.databaseUrl, path.join(options.folder, manifest.database));
  } else {
    const databaseFile = sqlitePathOf(options.databaseUrl);
    mkdirSync(path.dirname(databaseFile), { recursive: true });
    keep(databaseFile);
    for (const suffix of ["-wal", "-shm"]) rmSync(`${databaseFile}${suffix}`, { force: true });
    copyFileSync(path.join(options.folder, manifest.database), databaseFile);
  }

  keep(options.uploadDir);
  const uploads = path.join(options.folder, "uploads");
  if (existsSync(uploads)) cpSync(uploads, options.uploadDir, { recursive: true });
  else mkdirSync(options.uploadDir, { recursive: true });

  // The secrets, so that links signed before the backup still verify and the index keeps its key.
  mkdirSync(options.dataDir, { recursive: true });
  for (const name of manifest.secrets ?? []) {
    if (!(SECRET_FILES as readonly string[]).includes(name)) continue;
    const file = path.join(options.dataDir, name);
    keep(file);
    copyFileSync(path.join(options.folder, "secrets", name), file);
    chmodSync(file, PRIVATE_FILE);
  }

  // The index is rebuilt from its dump when the bundled server starts next (see server/start.ts).
  if (options.meiliDbPath && manifest.meilisearchDump) {
    keep(options.meiliDbPath);
    mkdirSync(path.dirname(options.meiliDbPath), { recursive: true });
    copyFileSync(path.join(options.folder, manifest.meilisearchDump), `${options.meiliDbPath}.import.dump`);
  }
  return manifest;
}
