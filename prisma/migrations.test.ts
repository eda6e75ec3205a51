// The migrations agree with the schema and with each other (prisma/schema.prisma is the one source,
// decision 014): the same migration names for both engines, no schema change left without a
// migration, and on each engine a database migrated from nothing has the structure the schema
// describes (compared with one built by `prisma migrate diff --from-empty`), plus the triggers
// written by hand, the same on both. PostgreSQL's part runs when TEST_POSTGRESQL_URL is set.
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase, migrationNames, POSTGRESQL_MIGRATIONS, SQLITE_MIGRATIONS } from "../scripts/migrate";
import { SQLITE_SCHEMA, writePostgresqlSchema } from "../scripts/postgresql-schema.mjs";
import {
  handWrittenObjects,
  postgresqlStructure,
  sqliteStructure,
  structureDifferences,
  withObjects,
  type EngineStructure,
  type Structure,
} from "../tests/database-structure";
import { createDatabase, dropDatabases } from "../tests/postgresql";

const adminUrl = process.env.TEST_POSTGRESQL_URL;
const root = path.join(process.env.DATA_DIR!, "migrations-check");
mkdirSync(root, { recursive: true });
const SNAPSHOT = path.join(SQLITE_MIGRATIONS, "schema.snapshot.prisma");

/** `prisma migrate diff … --script`, "" when nothing differs. The CLI needs a SQLite URL, never opened for a diff. */
function migrateDiff(from: string | null, to: string): Promise<string> {
  const args = [...(from ? ["--from-schema-datamodel", from] : ["--from-empty"]), "--to-schema-datamodel", to, "--script"];
  const cli = spawn(process.execPath, ["scripts/prisma.mjs", "migrate", "diff", ...args], {
    env: { ...process.env, DATABASE_URL: `file:${path.join(root, "cli.db")}` },
  });
  let stdout = "";
  let stderr = "";
  cli.stdout.on("data", (chunk) => (stdout += chunk));
  cli.stderr.on("data", (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    cli.on("error", reject);
    cli.on("close", (status) => {
      if (status !== 0) reject(new Error(`prisma migrate diff ${args.join(" ")} :\n${stderr}${stdout}`));
      else resolve(stdout.replace(/^-- This is an empty migration\.\s*$/m, "").trim());
    });
  });
}

/** Prisma writes Json defaults as DEFAULT [] / {} for SQLite: the JSON texts, as the migrations correct them. */
const withJsonDefaults = (sql: string) => sql.replace(/DEFAULT \[\]/g, "DEFAULT '[]'").replace(/DEFAULT \{\}/g, "DEFAULT '{}'");

const only = (objects: Structure, kind: string) => new Map([...objects].filter(([key]) => key.startsWith(`${kind} `)));

// Every diff at once (a few seconds each), started before the SQLite migrations run.
const pendingChange = migrateDiff(SNAPSHOT, SQLITE_SCHEMA);
const sqliteFromEmpty = migrateDiff(null, SQLITE_SCHEMA);
const postgresqlFromEmpty = adminUrl ? migrateDiff(null, writePostgresqlSchema(SQLITE_SCHEMA, path.join(root, "postgresql.prisma"))) : null;
// Awaited by the tests, so that a failure is reported there and not as an unhandled rejection.
for (const diff of [pendingChange, sqliteFromEmpty, postgresqlFromEmpty]) diff?.catch(() => {});

let sqlite: { migrated: EngineStructure; fromEmpty: EngineStructure };

beforeAll(async () => {
  const migrated = path.join(root, "migrated.db");
  await migrateDatabase(`file:${migrated}`);
  const fromEmpty = path.join(root, "from-empty.db");
  const db = new Database(fromEmpty);
  db.exec(withJsonDefaults(await sqliteFromEmpty));
  db.close();
  sqlite = { migrated: sqliteStructure(migrated), fromEmpty: sqliteStructure(fromEmpty) };
});

describe("migrations", () => {
  it("have the same names for SQLite and PostgreSQL", () => {
    expect(migrationNames(POSTGRESQL_MIGRATIONS), "prisma/migrations-postgresql vs prisma/migrations").toEqual(
      migrationNames(SQLITE_MIGRATIONS),
    );
  });

  it("leave no change of prisma/schema.prisma without a migration", async () => {
    expect(await pendingChange, "prisma/schema.prisma changed since the last migration: npm run db:migration -- name").toBe("");
  });

  it("add the same triggers by hand on both engines", () => {
    expect(
      structureDifferences(
        only(handWrittenObjects(SQLITE_MIGRATIONS), "trigger"),
        only(handWrittenObjects(POSTGRESQL_MIGRATIONS), "trigger"),
        ["SQLite migrations", "PostgreSQL migrations"],
      ),
      "CREATE TRIGGER in prisma/migrations vs prisma/migrations-postgresql",
    ).toEqual([]);
  });

  it("build on SQLite what the schema says, plus the triggers written by hand", () => {
    const expected = withObjects(sqlite.fromEmpty.exact, only(handWrittenObjects(SQLITE_MIGRATIONS), "trigger"));
    expect(
      structureDifferences(expected, sqlite.migrated.exact, ["schema + hand-written", "migrations"]),
      "SQLite: prisma/schema.prisma (migrate diff --from-empty) vs prisma/migrations",
    ).toEqual([]);
  });
});

describe.runIf(adminUrl)("migrations on PostgreSQL", () => {
  const prefix = `${process.env.TEST_DATABASE_PREFIX}migrations_${Math.random().toString(36).slice(2, 8)}_`;
  let postgresql: { migrated: EngineStructure; fromEmpty: EngineStructure };

  beforeAll(async () => {
    const migrated = await createDatabase(adminUrl!, `${prefix}migrated`);
    await migrateDatabase(migrated);
    const fromEmpty = await createDatabase(adminUrl!, `${prefix}from_empty`);
    const client = new pg.Client({ connectionString: fromEmpty });
    await client.connect();
    await client.query((await postgresqlFromEmpty)!).finally(() => client.end());
    postgresql = { migrated: await postgresqlStructure(migrated), fromEmpty: await postgresqlStructure(fromEmpty) };
  });

  afterAll(async () => {
    await dropDatabases(adminUrl!, prefix);
  });

  it("build what the derived schema says, plus the triggers and functions written by hand", () => {
    const expected = withObjects(postgresql.fromEmpty.exact, handWrittenObjects(POSTGRESQL_MIGRATIONS));
    expect(
      structureDifferences(expected, postgresql.migrated.exact, ["schema + hand-written", "migrations"]),
      "PostgreSQL: prisma/postgresql/schema.prisma (migrate diff --from-empty) vs prisma/migrations-postgresql",
    ).toEqual([]);
  });

  it("give both engines the same tables, columns, indexes and triggers", () => {
    expect(
      structureDifferences(sqlite.migrated.portable, postgresql.migrated.portable, ["SQLite", "PostgreSQL"]),
      "prisma/migrations vs prisma/migrations-postgresql (names, nullability, primary keys, indexes, triggers)",
    ).toEqual([]);
  });
});
