// The structure of a database as the catalogue reports it (not the DDL text: SQLite keeps an
// ALTERed table's text as written), as a map "kind Table.name" → description, so that two
// databases compare key by key: prisma/migrations.test.ts checks that the migrations build what
// the schema says, on each engine, and that both engines agree.
import { readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { migrationNames } from "../scripts/migrate";

export type Structure = Map<string, string>;

/** Each engine's own details (types, defaults, definitions) and the part both must share. */
export interface EngineStructure {
  exact: Structure;
  portable: Structure;
}

/** The runners' bookkeeping tables are not part of the schema. */
const RUNNER_TABLES = ["_prisma_migrations", "_portal_migrations"];

export function sqliteStructure(file: string): EngineStructure {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const exact: Structure = new Map();
    const portable: Structure = new Map();
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all()
      .map((row) => (row as { name: string }).name)
      .filter((name) => !RUNNER_TABLES.includes(name));
    for (const table of tables) {
      exact.set(`table ${table}`, "");
      portable.set(`table ${table}`, "");
      for (const column of db.pragma(`table_info("${table}")`) as SqliteColumn[]) {
        const key = `column ${table}.${column.name}`;
        const nullable = column.notnull || column.pk ? "not null" : "null";
        exact.set(key, `${column.type} ${nullable} default ${column.dflt_value ?? "-"}${column.pk ? ` pk${column.pk}` : ""}`);
        portable.set(key, `${nullable}${column.pk ? ` pk${column.pk}` : ""}`);
      }
      for (const index of db.pragma(`index_list("${table}")`) as SqliteIndex[]) {
        const columns = (db.pragma(`index_info("${index.name}")`) as { seqno: number; name: string }[])
          .sort((a, b) => a.seqno - b.seqno)
          .map((c) => c.name)
          .join(", ");
        const description = `${index.unique ? "unique " : ""}(${columns})${index.partial ? " partial" : ""}`;
        exact.set(`index ${table}.${index.name}`, description);
        // The primary key's index is named by the engine: the columns' "pk" says the same.
        if (index.origin !== "pk") portable.set(`index ${table}.${index.name}`, description);
      }
      const keys = new Map<number, SqliteForeignKey[]>();
      for (const part of db.pragma(`foreign_key_list("${table}")`) as SqliteForeignKey[]) {
        keys.set(part.id, [...(keys.get(part.id) ?? []), part]);
      }
      for (const parts of keys.values()) {
        parts.sort((a, b) => a.seq - b.seq);
        const from = parts.map((p) => p.from).join(", ");
        const to = parts.map((p) => p.to).join(", ");
        exact.set(
          `foreign key ${table}(${from})`,
          `${parts[0].table}(${to}) on delete ${parts[0].on_delete} on update ${parts[0].on_update}`,
        );
      }
    }
    for (const row of db.prepare("SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger'").all()) {
      const { name, tbl_name } = row as { name: string; tbl_name: string };
      exact.set(`trigger ${tbl_name}.${name}`, "");
      portable.set(`trigger ${tbl_name}.${name}`, "");
    }
    return { exact, portable };
  } finally {
    db.close();
  }
}

interface SqliteColumn {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
}
interface SqliteIndex {
  name: string;
  unique: number;
  origin: string;
  partial: number;
}
interface SqliteForeignKey {
  id: number;
  seq: number;
  table: string;
  from: string;
  to: string;
  on_update: string;
  on_delete: string;
}

export async function postgresqlStructure(url: string): Promise<EngineStructure> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const exact: Structure = new Map();
    const portable: Structure = new Map();
    // $1: the runner tables, left out.
    const rows = async <T>(sql: string) => (await client.query(sql, sql.includes("$1") ? [RUNNER_TABLES] : [])).rows as T[];

    const primaryKeys = new Map<string, number>();
    for (const index of await rows<{ table: string; name: string; unique: boolean; primary: boolean; columns: string[] }>(`
      SELECT t.relname AS "table", i.relname AS "name", x.indisunique AS "unique", x.indisprimary AS "primary",
             array(SELECT a.attname::text FROM unnest(x.indkey) WITH ORDINALITY AS k(attnum, position)
                   JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.position) AS "columns"
      FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = 'public' AND NOT t.relname = ANY($1)`)) {
      if (index.primary) index.columns.forEach((column, i) => primaryKeys.set(`${index.table}.${column}`, i + 1));
      else portable.set(`index ${index.table}.${index.name}`, `${index.unique ? "unique " : ""}(${index.columns.join(", ")})`);
    }
    for (const { table } of await rows<{ table: string }>(`
      SELECT table_name AS "table" FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND NOT table_name = ANY($1)`)) {
      exact.set(`table ${table}`, "");
      portable.set(`table ${table}`, "");
    }
    for (const column of await rows<PostgresqlColumn>(`
      SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default,
             character_maximum_length, numeric_precision, numeric_scale, datetime_precision
      FROM information_schema.columns WHERE table_schema = 'public' AND NOT table_name = ANY($1)`)) {
      const key = `column ${column.table_name}.${column.column_name}`;
      const pk = primaryKeys.get(`${column.table_name}.${column.column_name}`);
      const nullable = column.is_nullable === "YES" ? "null" : "not null";
      const size = [column.character_maximum_length, column.numeric_precision, column.numeric_scale, column.datetime_precision]
        .map((n) => n ?? "-")
        .join("/");
      exact.set(key, `${column.data_type} (${column.udt_name} ${size}) ${nullable} default ${column.column_default ?? "-"}`);
      portable.set(key, `${nullable}${pk ? ` pk${pk}` : ""}`);
    }
    for (const type of await rows<{ name: string; labels: string[] }>(`
      SELECT t.typname AS "name", array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS "labels"
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' GROUP BY t.typname`)) {
      exact.set(`enum ${type.name}`, type.labels.join(", "));
    }
    for (const index of await rows<{ table: string; name: string; definition: string }>(`
      SELECT tablename AS "table", indexname AS "name", indexdef AS "definition" FROM pg_indexes
      WHERE schemaname = 'public' AND NOT tablename = ANY($1)`)) {
      exact.set(`index ${index.table}.${index.name}`, index.definition);
    }
    for (const constraint of await rows<{ table: string; name: string; type: string; definition: string }>(`
      SELECT t.relname AS "table", c.conname AS "name", c.contype::text AS "type", pg_get_constraintdef(c.oid) AS "definition"
      FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = 'public' AND NOT t.relname = ANY($1)`)) {
      exact.set(`constraint ${constraint.table}.${constraint.name}`, `${constraint.type} ${constraint.definition}`);
    }
    for (const trigger of await rows<{ table: string; name: string }>(`
      SELECT t.relname AS "table", g.tgname AS "name" FROM pg_trigger g JOIN pg_class t ON t.oid = g.tgrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = 'public' AND NOT g.tgisinternal AND NOT t.relname = ANY($1)`)) {
      exact.set(`trigger ${trigger.table}.${trigger.name}`, "");
      portable.set(`trigger ${trigger.table}.${trigger.name}`, "");
    }
    for (const { name } of await rows<{ name: string }>(`
      SELECT p.proname AS "name" FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = 'public'`)) {
      exact.set(`function ${name}`, "");
    }
    return { exact, portable };
  } finally {
    await client.end();
  }
}

interface PostgresqlColumn {
  table_name: string;
  column_name: string;
  data_type: string;
  udt_name: string;
  is_nullable: string;
  column_default: string | null;
  character_maximum_length: number | null;
  numeric_precision: number | null;
  numeric_scale: number | null;
  datetime_precision: number | null;
}

/**
 * What the schema cannot say and migrations add by hand: triggers (both engines) and the
 * functions they call (PostgreSQL), as the migrations of `folder` leave them (oldest first;
 * an explicit DROP removes one, a table dropped and rebuilt does not — the check must see that).
 */
export function handWrittenObjects(folder: string): Structure {
  const objects: Structure = new Map();
  for (const name of migrationNames(folder)) {
    const sql = readFileSync(path.join(folder, name, "migration.sql"), "utf8").replace(/--.*$/gm, "");
    const statements = sql.matchAll(
      new RegExp(
        [
          /CREATE\s+(?:OR\s+REPLACE\s+)?TRIGGER\s+(?:IF\s+NOT\s+EXISTS\s+)?"?(?<trigger>\w+)"?[^;]*?\bON\s+"?(?<table>\w+)"?/,
          /DROP\s+TRIGGER\s+(?:IF\s+EXISTS\s+)?"?(?<droppedTrigger>\w+)"?/,
          /CREATE\s+(?:OR\s+REPLACE\s+)?FUNCTION\s+"?(?<function>\w+)"?/,
          /DROP\s+FUNCTION\s+(?:IF\s+EXISTS\s+)?"?(?<droppedFunction>\w+)"?/,
        ]
          .map((part) => part.source)
          .join("|"),
        "gi",
      ),
    );
    for (const { groups } of statements) {
      const { trigger, table, droppedTrigger, function: fn, droppedFunction } = groups!;
      if (trigger) objects.set(`trigger ${table}.${trigger}`, "");
      if (fn) objects.set(`function ${fn}`, "");
      for (const key of objects.keys()) {
        if (droppedTrigger && key.startsWith("trigger ") && key.endsWith(`.${droppedTrigger}`)) objects.delete(key);
        if (droppedFunction && key === `function ${droppedFunction}`) objects.delete(key);
      }
    }
  }
  return objects;
}

/** One line per difference, readable in a failure message; empty when both agree. */
export function structureDifferences(left: Structure, right: Structure, [leftName, rightName]: [string, string]): string[] {
  const keys = [...new Set([...left.keys(), ...right.keys()])].sort();
  return keys.flatMap((key) => {
    const [a, b] = [left.get(key), right.get(key)];
    if (a === b) return [];
    if (b === undefined) return [`${key} — only in ${leftName}${a ? `: ${a}` : ""}`];
    if (a === undefined) return [`${key} — only in ${rightName}${b ? `: ${b}` : ""}`];
    return [`${key} — ${leftName}: ${a} | ${rightName}: ${b}`];
  });
}

/** `structure` with `extra` added. */
export function withObjects(structure: Structure, extra: Structure): Structure {
  return new Map([...structure, ...extra]);
}
