// One Prisma client for the process, over better-sqlite3 (no native Prisma engine).
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { getEnv } from "~/env.server";

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

/**
 * The first statement of a transaction that reads, then writes: takes SQLite's write lock at
 * once (waiting its turn under the busy timeout), so what it reads is the latest commit and its
 * writes cannot fail with SQLITE_BUSY_SNAPSHOT when another connection wrote in between.
 * A statement that changes no row still takes the lock.
 */
/** A unique constraint refused the write (Prisma P2002): two requests raced to create the same thing. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

export async function takeWriteLock(tx: { $executeRawUnsafe(query: string): Promise<number> }) {
  await tx.$executeRawUnsafe(`UPDATE "AuditEvent" SET "id" = "id" WHERE 0`);
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
