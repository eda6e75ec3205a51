// Background work that must run once across processes (issue 14): two portal processes started at
// the same instant, both starting their background jobs (server/jobs.ts) at once.
//
// Written against the JobLease model of the jobs branch (a row per job: runs, holder…), which is not
// in this branch: the lease table is read with SQL so that this file compiles before that branch is
// merged; until then the lease test fails ("JobLease absente"), the call test passes.
import { hostname } from "node:os";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createCall } from "../../prisma/factories/call";
import { startTwoPortals, type TwoPortals } from "./harness";

// server/jobs.ts JOBS names: every hour, every six hours.
const HOURLY = "sessions expirées";
const SIX_HOURLY = "durées de conservation";
// Enough for both processes' first ticks (run at start) to be over.
const SETTLE_MS = 5_000;

let portals: TwoPortals;
let dueCallId: string;

beforeAll(async () => {
  portals = await startTwoPortals({
    together: true,
    // A published call whose closing time has passed, there before either process starts:
    // both run the closing job as soon as they are up.
    prepare: async ({ db }) => {
      const call = await createCall(db, {
        title: "Appel échu avant le démarrage",
        opensAt: new Date(Date.now() - 30 * 86400_000),
        closesAt: new Date(Date.now() - 60_000),
        reviewerIds: [],
      });
      dueCallId = call.id;
    },
  });
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
});
afterAll(() => portals?.stop());

type LeaseRow = { name: string; runs: number; holder: string | null };

test("the hourly and six-hourly jobs ran once across both processes, held by one of them", async () => {
  const { db, a, b } = portals;
  const [{ table }] = await db.$queryRawUnsafe<{ table: string | null }[]>(`SELECT to_regclass('"JobLease"')::text AS "table"`);
  expect(table, 'table "JobLease" absente : le bail des tâches de fond (branche jobs) n\'est pas fusionné').not.toBeNull();
  const rows = await db.$queryRawUnsafe<LeaseRow[]>(
    `SELECT "name", "runs", "holder" FROM "JobLease" WHERE "name" IN ($1, $2) ORDER BY "name"`,
    HOURLY,
    SIX_HOURLY,
  );
  expect(rows.map((r) => ({ name: r.name, runs: Number(r.runs) }))).toEqual([
    { name: SIX_HOURLY, runs: 1 },
    { name: HOURLY, runs: 1 },
  ]);
  // Holder: "<hostname>:<pid>:<random>" (app/lib/job-lease.server.ts).
  const processes = [a.child.pid, b.child.pid].map((pid) => `${hostname()}:${pid}`);
  for (const row of rows) expect(processes, `${row.name} : ${row.holder}`).toContain(row.holder?.split(":").slice(0, 2).join(":"));
});

test("a call past its closing time is closed once: one audit event of its closing", async () => {
  const { db } = portals;
  const call = await db.call.findUniqueOrThrow({ where: { id: dueCallId }, select: { status: true } });
  expect(call.status).toBe("clos");
  // What app/calls/lifecycle.server.ts closeDueCalls records for each call it closes.
  const closings = await db.auditEvent.findMany({
    where: { entityType: "call", entityId: dueCallId },
    select: { action: true, fromState: true, toState: true, actorId: true },
  });
  expect(closings).toEqual([{ action: "clôture automatique", fromState: "publie", toState: "clos", actorId: null }]);
});
