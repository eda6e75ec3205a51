// Background jobs across processes: two runners on two database clients (two portal processes, as
// far as the database can tell) share each job's lease. Runs on SQLite and on PostgreSQL.
import { once } from "node:events";
import { Worker } from "node:worker_threads";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../app/db.server";
import { createJobRunner, type Job } from "./job-runner";

const clients = [createPrismaClient(process.env.DATABASE_URL!), createPrismaClient(process.env.DATABASE_URL!)];
afterAll(() => Promise.all(clients.map((c) => c.$disconnect())));

const EVERY_MS = 60_000;
const T0 = new Date("2026-12-01T10:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

/** A runner of these jobs in another thread, on its own client, ticked at the time given. */
async function otherProcess(jobs: { name: string; everyMs: number }[]) {
  // TypeScript in a thread: loaded through tsx's API (vitest's transform does not reach threads).
  const worker = new Worker(
    `const { workerData } = require("node:worker_threads");
     import("tsx/esm/api").then((tsx) => tsx.tsImport(workerData.file, workerData.file));`,
    { eval: true, workerData: { jobs, file: new URL("./job-runner.test-worker.ts", import.meta.url).href } },
  );
  await once(worker, "message");
  const ask = async (op: "tick" | "runNow", name: string, now: Date) => {
    const answer = once(worker, "message");
    worker.postMessage({ op, name, now: now.toISOString() });
    return (await answer)[0] as { ran: boolean; bodies: number };
  };
  return {
    tick: (name: string, now: Date) => ask("tick", name, now),
    stop: async () => {
      worker.postMessage({ op: "stop" });
      await once(worker, "exit");
    },
  };
}

describe("background jobs across processes", () => {
  it("runs a job once when two processes tick it at the same moment, and again once its period is over", async () => {
    const name = "balayage de test";
    let here = 0;
    let now = T0;
    const runner = createJobRunner({
      db: clients[0],
      jobs: [{ name, everyMs: EVERY_MS, run: async () => void here++ }],
      log: () => {},
      now: () => now,
    });
    const other = await otherProcess([{ name, everyMs: EVERY_MS }]);
    try {
      const tickBoth = async () => {
        const [, there] = await Promise.all([runner.tick(name), other.tick(name, now)]);
        return here + there.bodies;
      };
      expect(await tickBoth()).toBe(1);
      let lease = await clients[1].jobLease.findUniqueOrThrow({ where: { name } });
      expect(lease.runs).toBe(1);
      expect(lease.holder).toMatch(/^[^:]+:\d+:[0-9a-f]+$/);
      expect(lease.nextRunAt).toEqual(at(EVERY_MS));

      // Within the period: nobody.
      now = at(EVERY_MS - 1);
      expect(await tickBoth()).toBe(1);

      now = at(EVERY_MS);
      expect(await tickBoth()).toBe(2);
      lease = await clients[1].jobLease.findUniqueOrThrow({ where: { name } });
      expect(lease.runs).toBe(2);
      expect(lease.lastRunAt).toEqual(at(EVERY_MS));
      expect(lease.lastError).toBeNull();
    } finally {
      await other.stop();
    }
  });

  it("records a failure on the lease, logs it once, and clears it when a later run succeeds", async () => {
    const name = "tâche qui échoue";
    let fail = true;
    let now = T0;
    const logs: string[] = [];
    const job: Job = {
      name,
      everyMs: EVERY_MS,
      run: async () => {
        if (fail) throw new Error("serveur injoignable");
      },
    };
    const runner = createJobRunner({ db: clients[0], jobs: [job], log: (m) => logs.push(m), now: () => now });
    await runner.tick(name);
    expect((await clients[1].jobLease.findUniqueOrThrow({ where: { name } })).lastError).toBe("serveur injoignable");

    now = at(EVERY_MS);
    await runner.tick(name);
    expect(logs).toEqual(["Tâche « tâche qui échoue » en échec : serveur injoignable"]);

    fail = false;
    now = at(2 * EVERY_MS);
    await runner.tick(name);
    expect((await clients[1].jobLease.findUniqueOrThrow({ where: { name } })).lastError).toBeNull();
    expect(logs.at(-1)).toBe("Tâche « tâche qui échoue » de nouveau en état de marche.");
  });

  it("runNow runs a job whatever the lease says and counts it; a per-process job runs in every process", async () => {
    let leased = 0;
    let local = 0;
    const jobs: Job[] = [
      { name: "forcée", everyMs: EVERY_MS, run: async () => void leased++ },
      { name: "locale", everyMs: EVERY_MS, perProcess: true, run: async () => void local++ },
    ];
    const [a, b] = clients.map((db) => createJobRunner({ db, jobs, log: () => {}, now: () => T0 }));
    expect(await a.tick("forcée")).toBe(true);
    expect(await b.tick("forcée")).toBe(false);
    expect(await b.runNow("forcée")).toBe(true);
    expect(leased).toBe(2);
    expect((await clients[0].jobLease.findUniqueOrThrow({ where: { name: "forcée" } })).runs).toBe(2);

    await a.tick("locale");
    await b.tick("locale");
    expect(local).toBe(2);
    expect(await clients[0].jobLease.findUnique({ where: { name: "locale" } })).toBeNull();
  });

  it("keeps one run at a time in a process", async () => {
    let release = () => {};
    let started = () => {};
    const underway = new Promise<void>((resolve) => (started = resolve));
    let runs = 0;
    const job: Job = {
      name: "longue",
      everyMs: EVERY_MS,
      run: () => (runs++, started(), new Promise<void>((resolve) => (release = resolve))),
    };
    const runner = createJobRunner({ db: clients[0], jobs: [job], log: () => {}, now: () => T0 });
    const running = runner.runNow(job.name);
    await underway;
    expect(await runner.runNow(job.name)).toBe(false);
    release();
    expect(await running).toBe(true);
    expect(runs).toBe(1);
  });
});
