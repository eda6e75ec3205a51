// The one way to open a transaction (ESLint refuses \$transaction elsewhere). Free of side
// effects, so seeds and factories use it on their own client.
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import type { DatabaseProvider } from "~/lib/database-provider";

/** The client inside a transaction. */
export type Tx = Prisma.TransactionClient;

type TransactionClient = Pick<PrismaClient, "$transaction">;

// Filled by createPrismaClient: a client it did not make is taken to be SQLite's. Kept on
// globalThis like db.server's one client: the server build bundles its own copy of this module
// while server/start.ts loads another, and both meet that client (without this, every write
// from a route took SQLite's lock statement on PostgreSQL).
const globalForProviders = globalThis as unknown as { __databaseProviders?: WeakMap<object, DatabaseProvider> };
const providers = (globalForProviders.__databaseProviders ??= new WeakMap<object, DatabaseProvider>());

export function rememberProvider(db: object, provider: DatabaseProvider) {
  providers.set(db, provider);
}

export function providerOfClient(db: object): DatabaseProvider {
  return providers.get(db) ?? "sqlite";
}

// The key of the portal's one PostgreSQL advisory lock for writers (any 64-bit number, unique
// to the portal among the database's users).
export const WRITER_LOCK_KEY = 7_263_510_001;

/**
 * The first statement of every transaction: one writer at a time, on either engine, so what
 * a transaction reads is the latest commit and nothing another transaction does can slip
 * between its read and its write (event places, dossier saves, numbering, decisions).
 * - SQLite: takes the database's write lock at once (waiting its turn under the busy timeout);
 *   a statement that changes no row still takes it, and a write can then never fail with
 *   SQLITE_BUSY_SNAPSHOT ("database is locked") because another process wrote in between.
 * - PostgreSQL: a transaction-scoped advisory lock, held by the writers of every portal process
 *   until commit or rollback; under READ COMMITTED each later statement sees every commit
 *   made before the lock was granted (decision 014 says why not SERIALIZABLE with retries).
 */
async function takeWriteLock(tx: Tx, provider: DatabaseProvider) {
  if (provider === "postgresql") await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${WRITER_LOCK_KEY})`);
  else await tx.$executeRawUnsafe(`UPDATE "AuditEvent" SET "id" = "id" WHERE 0`);
}

// Long enough for a queue of writers behind a slow one (an upload, a bulk publication).
const OPTIONS = { maxWait: 30_000, timeout: 30_000 } as const;

/** `timeout`: for a long one-off job (a database copy), never for a request. */
export function writeTransactionOn<T>(db: TransactionClient, work: (tx: Tx) => Promise<T>, options: { timeout?: number } = {}): Promise<T> {
  const provider = providerOfClient(db);
  return db.$transaction(
    async (tx) => {
      await takeWriteLock(tx, provider);
      return work(tx);
    },
    { ...OPTIONS, ...options },
  );
}
