// Background work of the running portal (server/job-runner.ts runs it): what each job does and how often.
import { lucia } from "../app/accounts/sessions.server";
import { closeDueCalls } from "../app/calls/lifecycle.server";
import { prisma } from "../app/db.server";
import { MAIL_QUEUE, kickMailQueue } from "../app/mail/mail-queue.server";
import { retentionCleanup } from "../app/accounts/personal-data.server";
import { getSearchClient, getSearchEngineClient } from "../app/lib/search.server";
import { sendDailyDigests } from "../app/review/digest.server";
import { sendAlertDigests } from "../app/network/alert-digest.server";
import { sendDueOpinionReminders } from "../app/review/opinion-reminders.server";
import { sendCorrectionReminders } from "../app/review/corrections.server";
import { resumeWaitingImports } from "../app/rna/background.server";
import { checkSearchEngine } from "../search/readiness";
import { processSearchOutbox } from "../search/sync";
import { geocodePendingAssociations } from "../app/associations/geocoding.server";
import { archiveExpiredPosts } from "../app/network/post-lifecycle.server";
import { announcePublicChange } from "../app/lib/public-changes.server";
import { createJobRunner, type Job } from "./job-runner";

export const SEARCH_ENGINE_JOB = "moteur de recherche";

export const JOBS: Job[] = [
  // Notices an engine lost or back, and checks its index before searches use it again. Per process: each
  // has its own view of the engine (search/engine-status.ts); the rebuild it may start is leased (search/sync.ts).
  {
    name: SEARCH_ENGINE_JOB,
    everyMs: 5_000,
    perProcess: true,
    run: (log) => checkSearchEngine(prisma, getSearchEngineClient(), log),
  },
  {
    name: "réindexation en attente",
    everyMs: 10_000,
    run: async () => {
      const client = getSearchClient();
      // A replay changes what the directory shows: the cached pages go.
      if (client && (await processSearchOutbox(prisma, client)).synced > 0) announcePublicChange();
    },
  },
  // Associations whose address changed, geocoded by the BAN 20 at a time (app/associations/geocoding.server.ts).
  { name: "géocodage des adresses", everyMs: 10_000, run: () => geocodePendingAssociations() },
  // One process polls; a process that enqueues a message still kicks its own sender at once.
  { name: "courriels en attente", everyMs: MAIL_QUEUE.pollMs, run: () => kickMailQueue() },
  { name: "sessions expirées", everyMs: 60 * 60_000, run: () => lucia.deleteExpiredSessions() },
  { name: "durées de conservation", everyMs: 6 * 60 * 60_000, run: () => retentionCleanup() },
  { name: "clôture des appels à projets", everyMs: 60_000, run: () => closeDueCalls() },
  // A correction request's reminders, a few days before its due date and once past it, each sent once (app/review/corrections.server.ts).
  { name: "rappels des demandes de correction", everyMs: 60 * 60_000, run: () => sendCorrectionReminders() },
  // An RNA import waiting or cut short (its process stopped) continues from its checkpoint (app/rna/background.server.ts).
  { name: "imports RNA en attente", everyMs: 30_000, run: (log) => resumeWaitingImports(log) },
  // Expert opinions: one reminder two days before the deadline, one once it has passed (app/review/opinion-reminders.server.ts).
  { name: "relances des avis", everyMs: 15 * 60_000, run: () => sendDueOpinionReminders() },
  // The staff's daily digest, sent after 7:00 Paris time, once a day per person (app/review/digest.server.ts).
  { name: "résumé quotidien de l'instruction", everyMs: 15 * 60_000, run: () => sendDailyDigests() },
  // Needs and offers past their last day (Paris) are archived (app/network/post-lifecycle.server.ts).
  { name: "annonces échues", everyMs: 60 * 60_000, run: () => archiveExpiredPosts() },
  // Members' alerts on the network's new posts, one digest a day after 7:00 Paris time (app/network/alert-digest.server.ts).
  { name: "alertes du réseau", everyMs: 15 * 60_000, run: () => sendAlertDigests() },
];

/** Starts every job of the portal (server/start.ts). */
export function startBackgroundJobs(log: (message: string) => void) {
  const runner = createJobRunner({ log, jobs: JOBS });
  runner.start();
  return runner;
}
