// Background work of the running portal: each job runs on its interval, one run at a
// time, and a failure is logged and retried on the next tick, never fatal.
import { lucia } from "../app/auth.server";
import { closeDueCalls } from "../app/call.server";
import { prisma } from "../app/db.server";
import { MAIL_QUEUE, kickMailQueue } from "../app/mail-queue.server";
import { retentionCleanup } from "../app/personal-data.server";
import { getSearchClient } from "../app/search.server";
import { processSearchOutbox } from "../search/sync";

type Job = { name: string; everyMs: number; run: () => Promise<unknown> };

export const JOBS: Job[] = [
  {
    name: "réindexation en attente",
    everyMs: 10_000,
    run: async () => {
      const client = getSearchClient();
      if (client) await processSearchOutbox(prisma, client);
    },
  },
  { name: "courriels en attente", everyMs: MAIL_QUEUE.pollMs, run: () => kickMailQueue() },
  { name: "sessions expirées", everyMs: 60 * 60_000, run: () => lucia.deleteExpiredSessions() },
  { name: "durées de conservation", everyMs: 6 * 60 * 60_000, run: () => retentionCleanup() },
  { name: "clôture des appels à projets", everyMs: 60_000, run: () => closeDueCalls() },
];

export function startBackgroundJobs(log: (message: string) => void) {
  for (const job of JOBS) {
    let running = false;
    const tick = async () => {
      if (running) return;
      running = true;
      try {
        await job.run();
      } catch (error) {
        log(`Tâche « ${job.name} » en échec : ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        running = false;
      }
    };
    setInterval(tick, job.everyMs).unref();
    void tick();
  }
}
