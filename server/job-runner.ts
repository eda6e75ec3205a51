// Runs background jobs: each on its interval, one run at a time in a process, and a failure is
// logged once and retried on a later tick, never fatal. Several processes may share the database
// (decision 015): a job that sweeps the database runs in one of them per period, the one that claims
// its JobLease row (nextRunAt <= now → now + everyMs). Every process ticks; the first tick after
// nextRunAt wins, the others find the period taken. A run that crashes mid-way is not resumed: the
// next claim comes at nextRunAt as usual, and since every job is an idempotent sweep over durable rows
// (the outbox, the mail queue, due calls, expired rows), it picks up what the crashed run left. A run
// outlasting everyMs may meet the next period's run in another process: duplicate work, not wrong
// data (the sweeps update their rows conditionally).
import { prisma, type Db } from "../app/db.server";
import { claimLease, forceLease, newLeaseHolder, recordLeaseOutcome } from "../app/lib/job-lease.server";

export type Job = {
  name: string;
  everyMs: number;
  run: (log: (message: string) => void) => Promise<unknown>;
  /** Runs in every process, without a lease: what it looks after is the process's own. */
  perProcess?: boolean;
};

// A long period is still looked at every minute: a restarted process neither runs it at once nor waits a whole period.
const LONGEST_TICK_MS = 60_000;

export type JobRunnerOptions = {
  log: (message: string) => void;
  db?: Pick<Db, "jobLease">;
  jobs: Job[];
  holder?: string;
  now?: () => Date;
};

/**
 * `tick(name)` runs a job when its period is due and this runner claims it (resolves true when it ran).
 * `runNow(name)` runs it at once whatever the lease says (start-up, tests): a forced run is recorded on
 * the lease like a claimed one (runs, holder, and the next period starts from it), and may meet a run
 * under way in another process, which the sweeps allow. In this process, still one run at a time.
 */
export function createJobRunner({ log, db = prisma, jobs, holder = newLeaseHolder(), now = () => new Date() }: JobRunnerOptions) {
  const byName = new Map(jobs.map((job) => [job.name, { job, running: false, lastFailure: "" }]));
  const timers: NodeJS.Timeout[] = [];

  async function execute(name: string, forced: boolean): Promise<boolean> {
    const state = byName.get(name);
    if (!state || state.running) return false;
    const { job } = state;
    state.running = true;
    const lease = { name: job.name, holder, now: now(), forMs: job.everyMs };
    let claimed = false;
    try {
      if (!job.perProcess) {
        if (forced) await forceLease(db, lease);
        else if (!(await claimLease(db, lease))) return false;
        claimed = true;
      }
      await job.run(log);
      if (claimed) await recordLeaseOutcome(db, job.name, holder, null);
      if (state.lastFailure) log(`Tâche « ${job.name} » de nouveau en état de marche.`);
      state.lastFailure = "";
      return true;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // The same failure tick after tick is logged once, and its end once.
      if (message !== state.lastFailure) log(`Tâche « ${job.name} » en échec : ${message}`);
      state.lastFailure = message;
      if (claimed) await recordLeaseOutcome(db, job.name, holder, message).catch(() => {});
      return claimed || job.perProcess === true;
    } finally {
      state.running = false;
    }
  }

  return {
    tick: (name: string) => execute(name, false),
    runNow: (name: string) => execute(name, true),
    /** Ticks every job now and then on its interval. */
    start() {
      for (const { job } of byName.values()) {
        const every = job.perProcess ? job.everyMs : Math.min(job.everyMs, LONGEST_TICK_MS);
        timers.push(setInterval(() => void execute(job.name, false), every).unref());
        void execute(job.name, false);
      }
    },
    stop() {
      for (const timer of timers.splice(0)) clearInterval(timer);
    },
  };
}

export type JobRunner = ReturnType<typeof createJobRunner>;
