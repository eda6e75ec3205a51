// Writes a new migration: the SQL diff between the schema as it stood at the last
// migration (prisma/migrations/schema.snapshot.prisma) and the schema now.
// `prisma migrate dev` cannot run under driver adapters (see docs/decisions/001).
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
if (!name) {
  console.error("Usage : npm run db:migration -- nom_de_la_migration");
  process.exit(1);
}
const migrationsDir = path.join("prisma", "migrations");
const snapshot = path.join(migrationsDir, "schema.snapshot.prisma");
const from = existsSync(snapshot) ? ["--from-schema-datamodel", snapshot] : ["--from-empty"];
const result = spawnSync(
  process.execPath,
  ["scripts/prisma.mjs", "migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
  { encoding: "utf8" },
);
if (result.status !== 0) {
  console.error(result.stderr || result.stdout);
  process.exit(result.status ?? 1);
}
const sql = result.stdout.replace(/^Loaded Prisma config.*\n/m, "").trim();
if (!sql || /^-- This is an empty migration/.test(sql)) {
  console.log("Le schéma n'a pas changé depuis la dernière migration : rien à écrire.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), `${sql}\n`);
copyFileSync(path.join("prisma", "schema.prisma"), snapshot);
if (!existsSync(path.join(migrationsDir, "migration_lock.toml"))) {
  writeFileSync(path.join(migrationsDir, "migration_lock.toml"), 'provider = "sqlite"\n');
}
console.log(`Migration écrite : ${dir}/migration.sql`);
