// One Prisma client for the process: SQLite over better-sqlite3 (the default) or PostgreSQL over
// node-postgres, both through Prisma's driver adapters (no native Prisma engine; decision 014).
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client";
import { PrismaClient as PostgresqlPrismaClient } from "~/generated/prisma-pg/client";
import { getEnv } from "~/env.server";
import { databaseProviderOf } from "~/lib/database-provider";
import { rememberProvider, writeTransactionOn, type Tx } from "~/lib/transaction";

export type { Tx };

export type { Prisma } from "~/generated/prisma/client";

/** A SQLite file path from a DATABASE_URL ("file:./data/x.db" → "./data/x.db"). */
export function sqlitePath(url: string): string {
  return url.replace(/^file:/, "");
}

// Both generated clients have the same models and methods (one schema source): the portal is
// typed against SQLite's; PostgreSQL's differs only in filters the portal does not use.
export type Db = PrismaClient;

/**
 * A value to write with U+0000 taken out of its strings: PostgreSQL refuses the character in
 * text and jsonb (a request carrying one would fail with an error page), SQLite stores it; it
 * is never meaningful in the portal's data, so both engines store the same text without it.
 */
export function withoutNulCharacters<T>(value: T): T {
  if (typeof value === "string") return (value.includes("\u0000") ? value.replaceAll("\u0000", "") : value) as T;
  if (Array.isArray(value)) return value.map(withoutNulCharacters) as T;
  if (value !== null && typeof value === "object") {
    const prototype = Object.getPrototypeOf(value);
    // Plain objects only: Dates, Buffers, Decimals and Prisma's null markers pass as they are.
    if (prototype !== Object.prototype && prototype !== null) return value;
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, withoutNulCharacters(v)])) as T;
  }
  return value;
}

export function createPrismaClient(url: string, options: { poolSize?: number } = {}): Db {
  const provider = databaseProviderOf(url);
  const base =
    provider === "postgresql"
      ? (new PostgresqlPrismaClient({
          adapter: new PrismaPg({ connectionString: url, max: options.poolSize ?? getEnv().DATABASE_POOL_SIZE }),
        }) as unknown as Db)
      : // timeout is better-sqlite3's busy timeout: writers wait instead of failing with SQLITE_BUSY.
        new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 10_000 }) });
  const client = base.$extends({
    query: { $allModels: { $allOperations: ({ args, query }) => query(withoutNulCharacters(args)) } },
  }) as unknown as Db;
  rememberProvider(client, provider);
  return client;
}

const globalForDb = globalThis as unknown as { __prisma?: Db; __prismaReady?: Promise<void> };

export const prisma: Db = (globalForDb.__prisma ??= createPrismaClient(getEnv().DATABASE_URL));

/** The engine of the portal's database. */
export function databaseProvider() {
  return databaseProviderOf(getEnv().DATABASE_URL);
}

/** A unique constraint refused the write (Prisma P2002): two requests raced to create the same thing. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

/** Every transaction of the portal: see lib/transaction.ts. */
export function writeTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return writeTransactionOn(prisma, work);
}

/** WAL for concurrent readers, FULL sync so a committed write survives a power cut. SQLite only. */
export async function configureSqlite(db: Db = prisma) {
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$queryRawUnsafe("PRAGMA synchronous = FULL");
  await db.$queryRawUnsafe("PRAGMA foreign_keys = ON");
}

if (databaseProvider() === "sqlite") {
  globalForDb.__prismaReady ??= configureSqlite(prisma).catch((error) => {
    console.error("Configuration de SQLite impossible :", error);
  });
}
