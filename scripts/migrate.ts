// Brings a database to the schema: SQLite through `prisma migrate deploy` (prisma/migrations),
// PostgreSQL through the runner below (prisma/migrations-postgresql): Prisma 6's migrate
// cannot reach PostgreSQL through the pg driver adapter (../shared/STACK.md, decision 014).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { LOCK_KEYS } from "./database-lock";
import { inheritedEnvironment } from "../app/env.server";
import { databaseProviderOf } from "../app/lib/database-provider";

export const SQLITE_MIGRATIONS = path.join("prisma", "migrations");
export const POSTGRESQL_MIGRATIONS = path.join("prisma", "migrations-postgresql");

/** The migration folders, oldest first. */
export function migrationNames(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => /^\d{14}_[a-z0-9_]+$/.test(name) && existsSync(path.join(folder, name, "migration.sql")))
    .sort();
}

export async function migrateDatabase(url: string, log: (message: string) => void = () => {}) {
  if (databaseProviderOf(url) === "postgresql") return migratePostgresql(url, log);
  const result = spawnSync(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], {
    env: { ...inheritedEnvironment(), DATABASE_URL: url },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`Migrations SQLite impossibles :\n${result.stdout}\n${result.stderr}`);
}

const checksum = (sql: string) => createHash("sha256").update(sql).digest("hex");

async function migratePostgresql(url: string, log: (message: string) => void) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Two portal processes starting at once migrate one after the other.
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEYS.migrations]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS "_portal_migrations" (
         "name" TEXT PRIMARY KEY, "checksum" TEXT NOT NULL, "appliedAt" TIMESTAMPTZ NOT NULL DEFAULT now())`,
    );
    const applied = new Map(
      (await client.query<{ name: string; checksum: string }>(`SELECT "name", "checksum" FROM "_portal_migrations"`)).rows.map((row) => [
        row.name,
        row.checksum,
      ]),
    );
    for (const name of migrationNames(POSTGRESQL_MIGRATIONS)) {
      const sql = readFileSync(path.join(POSTGRESQL_MIGRATIONS, name, "migration.sql"), "utf8");
      const known = applied.get(name);
      if (known !== undefined) {
        if (known !== checksum(sql)) {
          throw new Error(
            `La migration ${name} a été modifiée après avoir été appliquée à cette base : remettez-la dans son état d'origine.`,
          );
        }
        continue;
      }
      try {
        await client.query("BEGIN");
        await client.query(sql);
        await client.query(`INSERT INTO "_portal_migrations" ("name", "checksum") VALUES ($1, $2)`, [name, checksum(sql)]);
        await client.query("COMMIT");
        log(`Migration appliquée : ${name}`);
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw new Error(`La migration ${name} a échoué (rien n'en est resté) : ${(error as Error).message}`);
      }
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEYS.migrations]).catch(() => {});
    await client.end();
  }
}
