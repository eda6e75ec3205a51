// Another portal process for server/job-runner.test.ts: a job runner in a worker thread, on its own
// database client. A thread, because better-sqlite3 waits for a lock synchronously: two SQLite
// clients on one event loop would wait for each other for ever.
import { parentPort, workerData } from "node:worker_threads";
import { createPrismaClient } from "../app/db.server";
import { getEnv } from "../app/env.server";
import { createJobRunner, type Job } from "./job-runner";

type Ask = { op: "tick" | "runNow" | "stop"; name: string; now: string };

const bodies = new Map<string, number>();
let now = new Date();
const jobs: Job[] = (workerData.jobs as { name: string; everyMs: number }[]).map(({ name, everyMs }) => ({
  name,
  everyMs,
  run: async () => void bodies.set(name, (bodies.get(name) ?? 0) + 1),
}));
const db = createPrismaClient(getEnv().DATABASE_URL);
const runner = createJobRunner({ db, jobs, log: () => {}, now: () => now });

parentPort!.on("message", async (ask: Ask) => {
  if (ask.op === "stop") {
    await db.$disconnect();
    parentPort!.close();
    return;
  }
  now = new Date(ask.now);
  const ran = await runner[ask.op](ask.name);
  parentPort!.postMessage({ ran, bodies: bodies.get(ask.name) ?? 0 });
});
parentPort!.postMessage("ready");
