// `npm run db:copy -- --to postgresql://…`: a SQLite portal's data moved to PostgreSQL.
// The running portal's file is first copied with SQLite's online backup API (a consistent
// snapshot; the portal keeps running, and what it writes afterwards is not copied), the target is
// migrated, then every model is copied through Prisma, parents before children, in batches, in one
// transaction on the target, refused if any portal table already has a row; before committing,
// every table's row count and checksum are compared on both sides and any difference rolls the
// whole copy back. The CLI is scripts/db-copy-cli.ts.
// Memory: Prisma 6.19 keeps each query of an interactive transaction (the rows' values) until it
// ends, so the process grows with the rows written whatever the batch size (measured: ~740 MB RSS
// for 100 000 rows); docs/deploying-data.md says to raise Node's heap for much more.
import { createHash } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { createPrismaClient, sqlitePath, type Db, type Tx } from "../app/db.server";
import { Prisma } from "../app/generated/prisma/client";
import { Prisma as PostgresqlPrisma } from "../app/generated/prisma-pg/client";
import { databaseProviderOf } from "../app/lib/database-provider";
import { writeTransactionOn } from "../app/lib/transaction";
import { snapshotSqlite } from "./backup";
import { migrateDatabase, migrationNames, SQLITE_MIGRATIONS } from "./migrate";
import { portalModels, type Column, type Model } from "./schema-models";

export const DEFAULT_BATCH_SIZE = 500;
// One transaction holds the whole copy: long enough for a portal's lifetime of data.
const COPY_TIMEOUT_MS = 6 * 3600_000;
// Tables that are not models: each engine's own record of its migrations.
const MIGRATION_TABLES = ["_prisma_migrations", "_portal_migrations"];

type Row = Record<string, unknown>;
type Delegate = {
  findMany(args: object): Promise<Row[]>;
  createMany(args: { data: Row[] }): Promise<{ count: number }>;
  count(): Promise<number>;
  deleteMany(args: object): Promise<{ count: number }>;
};
type Client = Db | Tx;

const delegateOf = (db: Client, model: Model) => (db as unknown as Record<string, Delegate>)[model.delegate];

export function copiedModels(): Model[] {
  return portalModels(Object.values(Prisma.ModelName));
}

/** A model's rows, ordered by primary key, `batchSize` at a time (cursor on the key). */
export async function* batchesOf(db: Client, model: Model, batchSize: number): AsyncGenerator<Row[]> {
  const key = model.primaryKey;
  const select = Object.fromEntries(model.columns.map((c) => [c.name, true]));
  const orderBy = key.map((k) => ({ [k]: "asc" }));
  let cursor: Row | undefined;
  for (;;) {
    const rows = await delegateOf(db, model).findMany({ select, orderBy, take: batchSize, ...(cursor ? { cursor, skip: 1 } : {}) });
    if (rows.length) yield rows;
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1];
    // A compound key's cursor is named after its fields joined by "_" (Prisma's default name).
    cursor = key.length === 1 ? { [key[0]]: last[key[0]] } : { [key.join("_")]: Object.fromEntries(key.map((k) => [k, last[k]])) };
  }
}

/** JSON with its object keys sorted: PostgreSQL's jsonb does not keep the order SQLite's text kept. */
function canonicalJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalJson);
  if (value !== null && typeof value === "object") {
    const object = value as Row;
    return Object.fromEntries(
      Object.keys(object)
        .sort()
        .map((k) => [k, canonicalJson(object[k])]),
    );
  }
  return value;
}

function canonicalValue(column: Column, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (column.type) {
    case "DateTime":
      return (value as Date).toISOString();
    case "Bytes":
      return Buffer.from(value as Uint8Array).toString("base64");
    case "Json":
      return canonicalJson(value);
    case "BigInt":
    case "Decimal":
      return String(value);
    default:
      return value;
  }
}

/** A row as one canonical string: its columns in schema order. */
export function canonicalRow(model: Model, row: Row): string {
  return JSON.stringify(model.columns.map((c) => canonicalValue(c, row[c.name])));
}

export type TableSum = { count: number; checksum: string };

const MODULUS = 1n << 256n;

/**
 * Row count and checksum of a table: the sum, modulo 2^256, of each row's SHA-256. The rows are
 * read in primary-key order, but the sum does not depend on it: PostgreSQL may sort text keys
 * by its collation where SQLite compares bytes.
 */
export async function tableSum(db: Client, model: Model, batchSize = DEFAULT_BATCH_SIZE): Promise<TableSum> {
  let sum = 0n;
  let count = 0;
  for await (const rows of batchesOf(db, model, batchSize)) {
    for (const row of rows) {
      sum = (sum + BigInt(`0x${createHash("sha256").update(canonicalRow(model, row)).digest("hex")}`)) % MODULUS;
      count++;
    }
  }
  return { count, checksum: sum.toString(16).padStart(64, "0") };
}

export type TableCheck = {
  table: string;
  source: TableSum;
  target: TableSum;
  ok: boolean;
};

export async function compareDatabases(source: Client, target: Client, models = copiedModels(), batchSize = DEFAULT_BATCH_SIZE) {
  const checks: TableCheck[] = [];
  for (const model of models) {
    const [a, b] = [await tableSum(source, model, batchSize), await tableSum(target, model, batchSize)];
    checks.push({ table: model.table, source: a, target: b, ok: a.count === b.count && a.checksum === b.checksum });
  }
  return checks;
}

export class CopyRefusedError extends Error {}

export class CopyMismatchError extends Error {
  constructor(readonly checks: TableCheck[]) {
    const bad = checks.filter((c) => !c.ok).map((c) => c.table);
    super(`Les données copiées diffèrent de la source (${bad.join(", ")}) : la copie est annulée, la base cible est restée vide.`);
  }
}

/** A row as createMany takes it: a nullable Json column's null is the database's NULL. */
function insertable(model: Model, row: Row): Row {
  const data: Row = { ...row };
  for (const column of model.columns) {
    if (column.type === "Json" && data[column.name] === null) data[column.name] = PostgresqlPrisma.DbNull;
  }
  return data;
}

/** The snapshot is what the code's schema expects, and holds nothing the copy would leave behind. */
function checkSource(snapshotFile: string, models: Model[]) {
  const db = new Database(snapshotFile, { readonly: true });
  try {
    const tables = (
      db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[]
    )
      .map((t) => t.name)
      .filter((name) => !MIGRATION_TABLES.includes(name));
    const unknown = tables.filter((name) => !models.some((m) => m.table === name));
    if (unknown.length) {
      throw new CopyRefusedError(
        `La base source contient des tables que le schéma ne connaît pas (${unknown.join(", ")}) : la copie ne les reprendrait pas.`,
      );
    }
    const applied = (
      db.prepare(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`).all() as {
        migration_name: string;
      }[]
    ).map((m) => m.migration_name);
    const expected = migrationNames(SQLITE_MIGRATIONS);
    const missing = expected.filter((name) => !applied.includes(name));
    const unknownMigrations = applied.filter((name) => !expected.includes(name));
    if (missing.length) {
      throw new CopyRefusedError(
        `La base source n'a pas toutes les migrations de ce code (${missing.join(", ")}) : lancez npm run db:migrate sur la source, puis recommencez.`,
      );
    }
    if (unknownMigrations.length) {
      throw new CopyRefusedError(
        `La base source a des migrations que ce code ne connaît pas (${unknownMigrations.join(", ")}) : lancez la copie depuis la version du portail qui l'utilise.`,
      );
    }
  } finally {
    db.close();
  }
}

// Tables a migration fills with reference data (prisma/migrations/*_reference_data, *_default_synonyms): a database
// that is only migrated holds those rows, so they do not make it "not empty"; the source's rows
// (the same defaults, as its CCAS edited them) replace them.
const MIGRATION_FILLED = new Set(["TaxonomyTerm", "SearchSynonym"]);

async function refuseFilledTarget(tx: Tx, models: Model[]) {
  const filled: string[] = [];
  for (const model of models) {
    if (MIGRATION_FILLED.has(model.table)) continue;
    const n = await delegateOf(tx, model).count();
    if (n > 0) filled.push(`${model.table} (${n} ligne${n > 1 ? "s" : ""})`);
  }
  if (filled.length) {
    throw new CopyRefusedError(
      `La base cible n'est pas vide : ${filled.join(", ")}. La copie ne se fait que vers une base PostgreSQL vide (neuve, ou seulement migrée) ; rien n'a été modifié.`,
    );
  }
}

export type CopyReport = { snapshotAt: Date; checks: TableCheck[]; rows: number; seconds: number };

export async function copyDatabase(options: {
  sourceUrl: string;
  targetUrl: string;
  batchSize?: number;
  log?: (message: string) => void;
}): Promise<CopyReport> {
  const { sourceUrl, targetUrl, batchSize = DEFAULT_BATCH_SIZE, log = () => {} } = options;
  if (databaseProviderOf(sourceUrl) !== "sqlite") throw new CopyRefusedError("La source doit être une base SQLite (file:…).");
  if (databaseProviderOf(targetUrl) !== "postgresql")
    throw new CopyRefusedError("La cible doit être une base PostgreSQL (postgresql://…).");
  const started = Date.now();
  const models = copiedModels();

  // The snapshot beside the source file: same disk, same owner; it holds personal data, owner only.
  const sourceFile = path.resolve(sqlitePath(sourceUrl));
  const folder = mkdtempSync(path.join(path.dirname(sourceFile), ".copie-postgresql-"));
  chmodSync(folder, 0o700);
  const snapshotFile = path.join(folder, "instantane.db");
  let source: Db | undefined;
  let target: Db | undefined;
  try {
    const snapshotAt = new Date();
    await snapshotSqlite(sourceFile, snapshotFile);
    log(`Instantané de la base source pris à ${snapshotAt.toISOString()} : ce que le portail écrit après lui n'est pas copié.`);
    checkSource(snapshotFile, models);

    await migrateDatabase(targetUrl, log);
    source = createPrismaClient(`file:${snapshotFile}`);
    target = createPrismaClient(targetUrl, { poolSize: 2 });
    const from = source;
    let rows = 0;
    const checks = await writeTransactionOn(
      target,
      async (tx) => {
        await refuseFilledTarget(tx, models);
        for (const model of models) {
          if (MIGRATION_FILLED.has(model.table)) await delegateOf(tx, model).deleteMany({});
          let copied = 0;
          for await (const batch of batchesOf(from, model, batchSize)) {
            copied += (await delegateOf(tx, model).createMany({ data: batch.map((row) => insertable(model, row)) })).count;
          }
          rows += copied;
          log(`${model.table} : ${copied} ligne${copied > 1 ? "s" : ""} copiée${copied > 1 ? "s" : ""}`);
        }
        log("Vérification : nombre de lignes et somme de contrôle de chaque table, des deux côtés…");
        const compared = await compareDatabases(from, tx, models, batchSize);
        if (compared.some((c) => !c.ok)) throw new CopyMismatchError(compared);
        return compared;
      },
      { timeout: COPY_TIMEOUT_MS },
    );
    return { snapshotAt, checks, rows, seconds: (Date.now() - started) / 1000 };
  } finally {
    await source?.$disconnect();
    await target?.$disconnect();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The checks as a table for the terminal. */
export function formatChecks(checks: TableCheck[]): string {
  const head = ["Table", "Source", "Cible", "Somme source", "Somme cible", ""];
  const lines = checks.map((c) => [
    c.table,
    String(c.source.count),
    String(c.target.count),
    c.source.checksum.slice(0, 16),
    c.target.checksum.slice(0, 16),
    c.ok ? "ok" : "DIFFÉRENT",
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  return [head, ...lines]
    .map((cells) =>
      cells
        .map((cell, i) => cell.padEnd(widths[i]))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}
