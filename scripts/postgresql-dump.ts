// The database part of a backup on PostgreSQL: pg_dump's custom format, restored by pg_restore
// into an empty database. The client programs come from Debian's postgresql-client (found on PATH,
// else in /usr/lib/postgresql/<version>/bin, the newest first: pg_dump refuses a newer server).
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { inheritedEnvironment } from "../app/env.server";

export type PostgresqlTool = "pg_dump" | "pg_restore";

export function findPostgresqlTool(
  tool: PostgresqlTool,
  searchPath = inheritedEnvironment().PATH ?? "",
  root = "/usr/lib/postgresql",
): string {
  for (const dir of searchPath.split(path.delimiter).filter(Boolean)) {
    if (existsSync(path.join(dir, tool))) return path.join(dir, tool);
  }
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    const file = path.join(root, version, "bin", tool);
    if (existsSync(file)) return file;
  }
  throw new Error(
    `${tool} est introuvable (ni dans le PATH ni dans /usr/lib/postgresql/*/bin) : installez le client PostgreSQL (apt-get install -y postgresql-client), d'une version au moins égale à celle du serveur.`,
  );
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(command)} a échoué (code ${code}) :\n${stderr.trim()}`)),
    );
  });
}

/**
 * pg_dump of the database into `file`, and the row counts of `tables` as that dump holds them:
 * both read one snapshot, exported by a transaction that stays open while pg_dump runs.
 */
export async function dumpPostgresql(url: string, file: string, tables: string[]): Promise<Record<string, number>> {
  const pgDump = findPostgresqlTool("pg_dump");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const { rows } = await client.query<{ snapshot: string }>("SELECT pg_export_snapshot() AS snapshot");
    const counts: Record<string, number> = {};
    for (const table of tables) {
      const exists = await client.query("SELECT to_regclass($1) AS t", [`"${table}"`]);
      if (!exists.rows[0].t) continue; // a table a later migration adds
      counts[table] = Number((await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM "${table}"`)).rows[0].n);
    }
    await run(pgDump, ["--format=custom", `--snapshot=${rows[0].snapshot}`, `--file=${file}`, `--dbname=${url}`]);
    await client.query("COMMIT");
    // A readable archive: pg_restore lists its contents.
    await run(findPostgresqlTool("pg_restore"), ["--list", file]);
    return counts;
  } finally {
    await client.end();
  }
}

/** The tables, views and sequences of the database's own schemas (none: an empty database). */
export async function userRelations(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
          AND n.nspname NOT LIKE 'pg_toast%' ORDER BY 1`,
    );
    return rows.map((r) => r.name);
  } finally {
    await client.end();
  }
}

/** pg_restore of a dump into an empty database, in one transaction (a failure leaves it empty). */
export async function restorePostgresql(url: string, file: string) {
  const pgRestore = findPostgresqlTool("pg_restore");
  const existing = await userRelations(url);
  if (existing.length) {
    const shown = existing.slice(0, 5).join(", ") + (existing.length > 5 ? `… (${existing.length})` : "");
    throw new Error(
      `La base cible n'est pas vide (${shown}) : la restauration PostgreSQL se fait dans une base vide. ` +
        "Créez-en une (createdb) et faites-y pointer DATABASE_URL, ou videz celle-ci (DROP SCHEMA public CASCADE; CREATE SCHEMA public;).",
    );
  }
  // The owner and grants of the saved database may not exist here: the restoring user owns all.
  await run(pgRestore, ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", `--dbname=${url}`, file]);
}
