// One Prisma client for the process, over better-sqlite3 (no native Prisma engine).
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { getEnv } from "~/env.server";
import { writeTransactionOn, type Tx } from "~/lib/transaction";

export type { Tx };

export type { Prisma } from "~/generated/prisma/client";

/** A SQLite file path from a DATABASE_URL ("file:./data/x.db" → "./data/x.db"). */
export function sqlitePath(url: string): string {
  return url.replace(/^file:/, "");
}

export function createPrismaClient(url: string) {
  // timeout is better-sqlite3's busy timeout: writers wait instead of failing with SQLITE_BUSY.
  const adapter = new PrismaBetterSQLite3({ url, timeout: 10_000 });
  return new PrismaClient({ adapter });
}

export type Db = ReturnType<typeof createPrismaClient>;

const globalForDb = globalThis as unknown as { __prisma?: Db; __prismaReady?: Promise<void> };

export const prisma: Db = (globalForDb.__prisma ??= createPrismaClient(getEnv().DATABASE_URL));

/** A unique constraint refused the write (Prisma P2002): two requests raced to create the same thing. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

/** Every transaction of the portal: see lib/transaction.ts. */
export function writeTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return writeTransactionOn(prisma, work);
}

/** WAL for concurrent readers, FULL sync so a committed write survives a power cut. */
export async function configureSqlite(db: Db = prisma) {
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$queryRawUnsafe("PRAGMA synchronous = FULL");
  await db.$queryRawUnsafe("PRAGMA foreign_keys = ON");
}

globalForDb.__prismaReady ??= configureSqlite(prisma).catch((error) => {
  console.error("Configuration de SQLite impossible :", error);
});
