// Two processes on one SQLite file (the portal and a script, or the E2E runner): a transaction that
// reads, then writes must not fail because the other one committed in between.
import { afterAll, describe, expect, it } from "vitest";
import { Worker } from "node:worker_threads";
import { configureSqlite, createPrismaClient, sqlitePath } from "~/db.server";
import { writeTransactionOn } from "./transaction";

const url = process.env.DATABASE_URL!;
const portal = createPrismaClient(url);
afterAll(() => portal.$disconnect());

/** Another process's write, in a worker thread: better-sqlite3 waits for the lock synchronously. */
function writeFromAnotherConnection(id: string) {
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

describe("writeTransactionOn", () => {
  it("reads, lets another connection write, then writes: both succeed, one after the other", async () => {
    await configureSqlite(portal);
    const row = await portal.auditEvent.create({ data: { entityType: "t", entityId: "e", action: "a" } });
    let other: Promise<void> | undefined;
    await writeTransactionOn(portal, async (tx) => {
      const before = await tx.auditEvent.findUniqueOrThrow({ where: { id: row.id } });
      // Without the lock taken first, this write commits now, and ours below fails with SQLITE_BUSY_SNAPSHOT.
      other = writeFromAnotherConnection(row.id);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await tx.auditEvent.update({ where: { id: row.id }, data: { action: `${before.action}+first` } });
    });
    await other;
    expect((await portal.auditEvent.findUniqueOrThrow({ where: { id: row.id } })).action).toBe("a+first+second");
  });
});
