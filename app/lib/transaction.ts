// The one way to open a transaction (ESLint refuses \$transaction elsewhere). Free of side
// effects, so seeds and factories use it on their own client.
import type { Prisma, PrismaClient } from "~/generated/prisma/client";

/** The client inside a transaction. */
export type Tx = Prisma.TransactionClient;

/**
 * The first statement: takes SQLite's write lock at once (waiting its turn under the busy
 * timeout), so what the transaction reads is the latest commit and its writes cannot fail with
 * SQLITE_BUSY_SNAPSHOT ("database is locked") when another process wrote in between.
 * A statement that changes no row still takes the lock.
 */
async function takeWriteLock(tx: Tx) {
  await tx.$executeRawUnsafe(`UPDATE "AuditEvent" SET "id" = "id" WHERE 0`);
}

// Long enough for a queue of writers behind a slow one (an upload, a bulk publication).
const OPTIONS = { maxWait: 30_000, timeout: 30_000 } as const;

export function writeTransactionOn<T>(db: Pick<PrismaClient, "$transaction">, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(async (tx) => {
    await takeWriteLock(tx);
    return work(tx);
  }, OPTIONS);
}
