// Two portal processes as a reverse proxy would see them: started as `npm start` starts them
// (tests/faults/portal.ts), on one fresh PostgreSQL database, one external Meilisearch (global-setup.ts),
// one data folder (uploads on a shared folder), one SESSION_SECRET and one PUBLIC_URL.
//
// Requests alternate between the two (`send`: each request goes to the other process), as a
// round-robin proxy would send them. The tests alternate the base URLs themselves rather than going
// through a proxy of their own: the portal trusts nothing a proxy adds (Host and X-Forwarded-* are
// replaced by PUBLIC_URL, decision 010), a proxy would only add a hop and its own failures, and some
// tests must reach one process in particular (the page cache of B after a change through A).
import { randomBytes } from "node:crypto";
import { createPrismaClient, type Db } from "../../app/db.server";
import { createDatabase } from "../postgresql";
import { startPortal, type Portal } from "../faults/portal";

/** The one public address of both processes: what `Origin` must say (nothing listens there). */
export const PUBLIC_URL = "http://reseau-ccas.localhost:8080";
export const ORIGIN = new URL(PUBLIC_URL).origin;

export type Send = (pathAndQuery: string, init?: RequestInit) => Promise<Response>;

export type TwoPortals = {
  a: Portal;
  b: Portal;
  databaseUrl: string;
  dataDir: string;
  db: Db;
  /** `fetch(path)` on A, then B, then A…: a round-robin proxy in front of both (redirects not followed). */
  send: Send;
  /** Another round robin, starting with A (0) or B (1): run a check twice, each request goes once to each process. */
  roundRobin: (first: 0 | 1) => Send;
  stop: () => Promise<void>;
};

/**
 * Creates this file's database (tests/processes/setup-file.ts named it) as a copy of the seeded
 * template, or empty; lets `prepare` add what the test needs there before any process starts; then starts A and, once A answers /healthz, B — or both at the same instant
 * with `together` (one of them then migrates and seeds while the other waits: scripts/database-lock.ts).
 */
export async function startTwoPortals(
  options: {
    /** Start on an empty database (they migrate and seed it) rather than on a copy of the seeded template. */
    empty?: boolean;
    together?: boolean;
    env?: Record<string, string>;
    prepare?: (database: { db: Db; url: string }) => Promise<void>;
  } = {},
): Promise<TwoPortals> {
  const adminUrl = process.env.TEST_POSTGRESQL_URL;
  const name = process.env.PROCESSES_DATABASE;
  if (!adminUrl || !name) throw new Error("Lancez ces tests par npm run test:processes (tests/processes/global-setup.ts).");
  const databaseUrl = await createDatabase(adminUrl, name, options.empty ? undefined : process.env.PROCESSES_TEMPLATE_DB);
  const db = createPrismaClient(databaseUrl, { poolSize: 4 });
  await options.prepare?.({ db, url: databaseUrl });
  const dataDir = process.env.DATA_DIR!;
  const env = {
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    PUBLIC_URL,
    SESSION_SECRET: randomBytes(32).toString("base64url"),
    MEILI_HOST: process.env.MEILI_HOST!,
    MEILI_MASTER_KEY: process.env.MEILI_MASTER_KEY!,
    MEILI_INDEX_PREFIX: process.env.MEILI_INDEX_PREFIX!,
    BUILD_DIR: process.env.BUILD_DIR!,
    SEED_DEMO: "1",
    // Nothing leaves this machine: no address is looked up (the map has its stand-in in e2e/).
    GEOCODER_URL: "off",
    ...options.env,
  };
  const start = () => startPortal({ dataDir, env });
  const started = options.together ? await Promise.allSettled([start(), start()]) : [await settle(start())];
  if (!options.together && started[0].status === "fulfilled") started.push(await settle(start()));
  const failed = started.find((s) => s.status === "rejected");
  if (failed || started.length < 2) {
    // One that started must not outlive the test run.
    await Promise.all(started.map((s) => (s.status === "fulfilled" ? s.value.stop() : undefined)));
    await db.$disconnect();
    throw (failed as PromiseRejectedResult).reason;
  }
  const [a, b] = started.map((s) => (s as PromiseFulfilledResult<Portal>).value);
  const roundRobin = (first: 0 | 1): Send => {
    let turn = first;
    return (pathAndQuery, init) => fetch(`${[a, b][turn++ % 2].base}${pathAndQuery}`, { redirect: "manual", ...init });
  };
  return {
    a,
    b,
    databaseUrl,
    dataDir,
    db,
    send: roundRobin(0),
    roundRobin,
    stop: async () => {
      await Promise.all([a.stop(), b.stop()]);
      await db.$disconnect();
    },
  };
}

function settle<T>(promise: Promise<T>): Promise<PromiseSettledResult<T>> {
  return promise.then(
    (value) => ({ status: "fulfilled", value }),
    (reason: unknown) => ({ status: "rejected", reason }),
  );
}
