// Leases in the database (model JobLease, decision 015): what one portal process at a time may do,
// however many share the database. The same Prisma calls on SQLite and PostgreSQL: a claim is one
// conditional UPDATE, so two processes claiming at once get count 1 and count 0 (PostgreSQL re-checks
// the condition on the row the first one committed; SQLite runs one writer at a time).
// Times come from the process's clock: machines sharing a database keep theirs in sync (NTP).
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { isUniqueViolation, type Db } from "~/db.server";

type LeaseDb = Pick<Db, "jobLease">;

/** "<hostname>:<pid>:<random>": who holds a lease; the random part tells apart two holders in one process. */
export function newLeaseHolder() {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
}

/** This process, for leases that are not a job runner's own (the index rebuild). */
export const PROCESS_HOLDER = newLeaseHolder();

/** The row exists from the first claim on; two processes creating it at once: one insert wins. */
async function ensureLease(db: LeaseDb, name: string, now: Date) {
  try {
    await db.jobLease.create({ data: { name, nextRunAt: now } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
}

type Claim = { name: string; holder: string; now: Date; /** How long until the next claim may succeed. */ forMs: number };

/** One conditional update: true when this holder got the lease (until now + forMs), false when another has it. */
export async function claimLease(db: LeaseDb, { name, holder, now, forMs }: Claim): Promise<boolean> {
  const update = () =>
    db.jobLease.updateMany({
      where: { name, nextRunAt: { lte: now } },
      data: { nextRunAt: new Date(now.getTime() + forMs), holder, runs: { increment: 1 }, lastRunAt: now },
    });
  let won = await update();
  if (won.count === 0 && !(await db.jobLease.findUnique({ where: { name }, select: { name: true } }))) {
    await ensureLease(db, name, now);
    won = await update();
  }
  return won.count === 1;
}

/** The same update without its condition: a run forced whatever the lease says (runNow). */
export async function forceLease(db: LeaseDb, { name, holder, now, forMs }: Claim) {
  await ensureLease(db, name, now);
  await db.jobLease.update({
    where: { name },
    data: { nextRunAt: new Date(now.getTime() + forMs), holder, runs: { increment: 1 }, lastRunAt: now },
  });
}

/** Records how the holder's run ended (null: it succeeded). */
export async function recordLeaseOutcome(db: LeaseDb, name: string, holder: string, error: string | null) {
  await db.jobLease.updateMany({ where: { name, holder }, data: { lastError: error?.slice(0, 500) ?? null } });
}

/** Keeps a held lease for forMs more; false when it expired and another holder took it meanwhile. */
export async function renewLease(db: LeaseDb, { name, holder, now, forMs }: Claim): Promise<boolean> {
  const kept = await db.jobLease.updateMany({ where: { name, holder }, data: { nextRunAt: new Date(now.getTime() + forMs) } });
  return kept.count === 1;
}

/** Frees a held lease at once (a mutex rather than a period: the index rebuild). */
export async function releaseLease(db: LeaseDb, name: string, holder: string, now = new Date()) {
  await db.jobLease.updateMany({ where: { name, holder }, data: { nextRunAt: now } });
}

/** Who holds the lease right now, or null when it may be claimed. */
export async function leaseHolder(db: LeaseDb, name: string, now = new Date()): Promise<string | null> {
  const row = await db.jobLease.findUnique({ where: { name }, select: { nextRunAt: true, holder: true } });
  return row && row.nextRunAt > now ? row.holder : null;
}
