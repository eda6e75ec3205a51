// Two processes on one database (the portal and a script, the E2E runner, or two portal
// processes): a transaction that reads, then writes must neither fail nor lose the other's
// write because the other one committed in between.
import { afterAll, describe, expect, it } from "vitest";
import { Worker } from "node:worker_threads";
import { configureSqlite, createPrismaClient, sqlitePath } from "~/db.server";
import { databaseProviderOf } from "./database-provider";
import { writeTransactionOn } from "./transaction";

const url = process.env.DATABASE_URL!;
const provider = databaseProviderOf(url);
const portal = createPrismaClient(url);
afterAll(() => portal.$disconnect());

/** Another process's write, in a worker thread: better-sqlite3 waits for the lock synchronously. */
function writeFromAnotherSqliteConnection(id: string) {
  const worker = new Worker(
    `const Database = require("better-sqlite3");
     const { workerData, parentPort } = require("node:worker_threads");
     const db = new Database(workerData.file, { timeout: 10000 });
     db.prepare('UPDATE "AuditEvent" SET "action" = "action" || ? WHERE "id" = ?').run("+second", workerData.id);
     parentPort.postMessage("done");`,
    { eval: true, workerData: { file: sqlitePath(url), id } },
  );
  return new Promise<void>((resolve, reject) => {
    worker.once("message", () => resolve());
    worker.once("error", reject);
  }).finally(() => worker.terminate());
}

/** Another portal process's read-then-write, on its own pool of PostgreSQL connections. */
async function writeFromAnotherPostgresqlClient(id: string) {
  const other = createPrismaClient(url, { poolSize: 1 });
  try {
    await writeTransactionOn(other, async (tx) => {
      const row = await tx.auditEvent.findUniqueOrThrow({ where: { id } });
      await tx.auditEvent.update({ where: { id }, data: { action: `${row.action}+second` } });
    });
  } finally {
    await other.$disconnect();
  }
}

async function readWaitWrite(writeFromOther: (id: string) => Promise<void>) {
  const row = await portal.auditEvent.create({ data: { entityType: "t", entityId: "e", action: "a" } });
  let other: Promise<void> | undefined;
  await writeTransactionOn(portal, async (tx) => {
    const before = await tx.auditEvent.findUniqueOrThrow({ where: { id: row.id } });
    // Without the lock taken first, the other write commits now, and ours below fails with
    // SQLITE_BUSY_SNAPSHOT (SQLite) or silently overwrites it (PostgreSQL: "a+first").
    other = writeFromOther(row.id);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await tx.auditEvent.update({ where: { id: row.id }, data: { action: `${before.action}+first` } });
  });
  await other;
  return (await portal.auditEvent.findUniqueOrThrow({ where: { id: row.id } })).action;
}

describe("writeTransactionOn", () => {
  it.runIf(provider === "sqlite")(
    "SQLite: reads, lets another connection write, then writes: both succeed, one after the other",
    async () => {
      await configureSqlite(portal);
      expect(await readWaitWrite(writeFromAnotherSqliteConnection)).toBe("a+first+second");
    },
  );

  it.runIf(provider === "postgresql")("PostgreSQL: another process's read-then-write waits for ours, and neither is lost", async () => {
    expect(await readWaitWrite(writeFromAnotherPostgresqlClient)).toBe("a+first+second");
  });
});
