// Background work of the running portal: each job runs on its interval, one run at a
// time, and a failure is logged and retried on the next tick, never fatal.
import { lucia } from "../app/accounts/sessions.server";
import { closeDueCalls } from "../app/calls/lifecycle.server";
import { prisma } from "../app/db.server";
import { MAIL_QUEUE, kickMailQueue } from "../app/mail/mail-queue.server";
import { retentionCleanup } from "../app/accounts/personal-data.server";
import { getSearchClient, getSearchEngineClient } from "../app/lib/search.server";
import { checkSearchEngine } from "../search/readiness";
import { processSearchOutbox } from "../search/sync";

type Job = { name: string; everyMs: number; run: (log: (message: string) => void) => Promise<unknown> };

export const SEARCH_ENGINE_JOB = "moteur de recherche";

export const JOBS: Job[] = [
  // Notices an engine lost or back, and checks its index before searches use it again.
  { name: SEARCH_ENGINE_JOB, everyMs: 5_000, run: (log) => checkSearchEngine(prisma, getSearchEngineClient(), log) },
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

/** Starts every job; `runNow(name)` runs one at once (still one run at a time). */
export function startBackgroundJobs(log: (message: string) => void) {
  const ticks = new Map<string, () => Promise<void>>();
  for (const job of JOBS) {
    let running = false;
    // The same failure tick after tick is logged once, and its end once.
    let lastFailure = "";
    const tick = async () => {
      if (running) return;
      running = true;
      try {
        await job.run(log);
        if (lastFailure) log(`Tâche « ${job.name} » de nouveau en état de marche.`);
        lastFailure = "";
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (message !== lastFailure) log(`Tâche « ${job.name} » en échec : ${message}`);
        lastFailure = message;
      } finally {
        running = false;
      }
    };
    setInterval(tick, job.everyMs).unref();
    ticks.set(job.name, tick);
    void tick();
  }
  return { runNow: (name: string) => ticks.get(name)?.() };
}
