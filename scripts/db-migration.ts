// Writes a new migration for both engines, under one name: the SQL diff between the schema as it
// stood at the last migration (prisma/migrations/schema.snapshot.prisma) and the schema now, for
// SQLite (prisma/migrations) and for PostgreSQL (prisma/migrations-postgresql, from the derived
// schema). `prisma migrate dev` cannot run under driver adapters (see docs/decisions/001 and 014).
// SQL that the schema cannot say (triggers) is added by hand to both files.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { POSTGRESQL_SCHEMA, postgresqlSchemaFrom, writePostgresqlSchema } from "./postgresql-schema.mjs";
import { POSTGRESQL_MIGRATIONS, SQLITE_MIGRATIONS } from "./migrate";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
if (!name) {
  console.error("Usage : npm run db:migration -- nom_de_la_migration");
  process.exit(1);
}
const snapshot = path.join(SQLITE_MIGRATIONS, "schema.snapshot.prisma");

function diff(from: string | null, to: string): string {
  const result = spawnSync(
    process.execPath,
    [
      "scripts/prisma.mjs",
      "migrate",
      "diff",
      ...(from ? ["--from-schema-datamodel", from] : ["--from-empty"]),
      "--to-schema-datamodel",
      to,
      "--script",
    ],
    { encoding: "utf8" },
  );
  if (result.status !== 0) {
    console.error(result.stderr || result.stdout);
    process.exit(result.status ?? 1);
  }
  const sql = result.stdout.replace(/^Loaded Prisma config.*\n/m, "").trim();
  return !sql || /^-- This is an empty migration/.test(sql) ? "" : sql;
}

// Prisma writes a SQLite Json column's default unquoted (DEFAULT [] is a syntax error).
const sqliteSql = diff(existsSync(snapshot) ? snapshot : null, path.join("prisma", "schema.prisma")).replace(
  /DEFAULT (\[\]|\{\})/g,
  "DEFAULT '$1'",
);
if (!sqliteSql) {
  console.log("Le schéma n'a pas changé depuis la dernière migration : rien à écrire.");
  process.exit(0);
}
writePostgresqlSchema();
let postgresqlSql = "";
const snapshotForPostgresql = path.join(".tmp", "schema.snapshot.postgresql.prisma");
if (existsSync(snapshot)) {
  mkdirSync(".tmp", { recursive: true });
  writeFileSync(snapshotForPostgresql, postgresqlSchemaFrom(readFileSync(snapshot, "utf8")));
  postgresqlSql = diff(snapshotForPostgresql, POSTGRESQL_SCHEMA);
} else postgresqlSql = diff(null, POSTGRESQL_SCHEMA);

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
for (const [folder, sql] of [
  [SQLITE_MIGRATIONS, sqliteSql],
  [POSTGRESQL_MIGRATIONS, postgresqlSql],
] as const) {
  const dir = path.join(folder, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), `${sql}\n`);
  console.log(`Migration écrite : ${dir}/migration.sql`);
}
copyFileSync(path.join("prisma", "schema.prisma"), snapshot);
if (!existsSync(path.join(SQLITE_MIGRATIONS, "migration_lock.toml"))) {
  writeFileSync(path.join(SQLITE_MIGRATIONS, "migration_lock.toml"), 'provider = "sqlite"\n');
}
