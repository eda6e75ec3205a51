// The PostgreSQL schema is derived from prisma/schema.prisma (the one source): the same models
// with the postgresql provider and its own client. Written to prisma/postgresql/schema.prisma
// (not committed) by `npm run db:generate` and at install time; see docs/decisions/014.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const SQLITE_SCHEMA = path.join("prisma", "schema.prisma");
export const POSTGRESQL_SCHEMA = path.join("prisma", "postgresql", "schema.prisma");

/** The PostgreSQL schema for a SQLite schema's text. */
export function postgresqlSchemaFrom(sqliteSchema) {
  const replaced = { provider: 0, output: 0 };
  const text = sqliteSchema
    .replace(/(datasource db \{[^}]*provider\s*=\s*)"sqlite"/, (_, head) => {
      replaced.provider++;
      return `${head}"postgresql"`;
    })
    .replace(/(output\s*=\s*)"\.\.\/app\/generated\/prisma"/, (_, head) => {
      replaced.output++;
      return `${head}"../../app/generated/prisma-pg"`;
    });
  if (replaced.provider !== 1 || replaced.output !== 1) {
    throw new Error("prisma/schema.prisma : le fournisseur sqlite ou la sortie ../app/generated/prisma est introuvable.");
  }
  return `// Generated from prisma/schema.prisma by scripts/postgresql-schema.mjs: do not edit.\n${text}`;
}

export function writePostgresqlSchema(from = SQLITE_SCHEMA, to = POSTGRESQL_SCHEMA) {
  mkdirSync(path.dirname(to), { recursive: true });
  writeFileSync(to, postgresqlSchemaFrom(readFileSync(from, "utf8")));
  return to;
}
