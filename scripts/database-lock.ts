// Work that one portal process at a time may do on a shared PostgreSQL database (migrating,
// seeding the demo data on first start): a session-level advisory lock, held on a connection of
// its own until the work ends. SQLite needs none: one portal process serves a SQLite file.
import pg from "pg";
import { databaseProviderOf } from "../app/lib/database-provider";

export const LOCK_KEYS = { migrations: 7_263_510_002, seed: 7_263_510_003 } as const;

export async function withDatabaseLock<T>(url: string, key: number, work: () => Promise<T>): Promise<T> {
  if (databaseProviderOf(url) !== "postgresql") return work();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [key]);
    return await work();
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [key]).catch(() => {});
    await client.end();
  }
}
