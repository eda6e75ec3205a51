// Background work that must run once across processes (issue 14): two portal processes started at
// the same instant, both starting their background jobs (server/jobs.ts) at once.
// Each leased run is counted on its JobLease row (app/lib/job-lease.server.ts, decision 015).
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

test("the hourly and six-hourly jobs ran once across both processes, held by one of them", async () => {
  const { db, a, b } = portals;
  const rows = await db.jobLease.findMany({
    where: { name: { in: [HOURLY, SIX_HOURLY] } },
    orderBy: { name: "asc" },
    select: { name: true, runs: true, holder: true },
  });
  expect(rows.map((r) => ({ name: r.name, runs: r.runs }))).toEqual([
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
