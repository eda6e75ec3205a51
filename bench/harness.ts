// What the benchmarks share: the fixed search queries, the load generators (closed loop with
// autocannon, open loop with fetch), exact percentiles, and the portal started as `npm start`.
// The harness reads and writes the environment directly, like the tests (see run.ts).
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import autocannon from "autocannon";
import { freePort, type RunningMeilisearch } from "../search/server-process";

export type Query = { q: string; champ?: string; quartier?: string; public?: string; typo?: boolean; expectField?: string };

// A fixed list: plain words, typos, accents left out, synonyms and facet filters.
export const QUERIES: Query[] = [
  { q: "aide alimentaire", expectField: "aide-alimentaire" },
  { q: "alimantaire", typo: true, expectField: "aide-alimentaire" },
  { q: "logement", expectField: "hebergement-logement" },
  { q: "hebergment", typo: true, expectField: "hebergement-logement" },
  { q: "numerique", expectField: "inclusion-numerique" },
  { q: "numériqe", typo: true, expectField: "inclusion-numerique" },
  { q: "isolement", champ: "lutte-isolement", expectField: "lutte-isolement" },
  { q: "isolemant", typo: true, expectField: "lutte-isolement" },
  { q: "refugies", expectField: "refugies-migrants" },
  { q: "réfugiés francais", typo: false, expectField: "refugies-migrants" },
  { q: "handicap psychique", expectField: "sante-mentale" },
  { q: "handicapp", typo: true, expectField: "handicap" },
  { q: "", champ: "aide-alimentaire", quartier: "planoise" },
  { q: "", public: "jeunes-adultes" },
  { q: "emploi", quartier: "planoise" },
  { q: "insertoin", typo: true, expectField: "insertion-emploi" },
  { q: "vetements", expectField: "equipement-vetements" },
  { q: "surendetement", typo: true, expectField: "budget-surendettement" },
  { q: "personnes agees", expectField: "personnes-agees" },
  { q: "mobilté", typo: true, expectField: "mobilite" },
];

export function queryString(q: Query) {
  const params = new URLSearchParams();
  if (q.q) params.set("q", q.q);
  if (q.champ) params.set("champ", q.champ);
  if (q.quartier) params.set("quartier", q.quartier);
  if (q.public) params.set("public", q.public);
  return params.toString();
}

/** The fixed queries in turn, as clients of the directory's JSON search. */
export function searchPaths() {
  let i = 0;
  return () => `/api/associations?${queryString(QUERIES[i++ % QUERIES.length])}`;
}

export function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

export const fmt = (ms: number) => (Number.isFinite(ms) ? ms.toFixed(1) : "—");

export type Load = { requests: number; rps: number; p50: number; p95: number; p99: number; errors: number };

export function summarize(latencies: number[], seconds: number, errors: number): Load {
  latencies.sort((a, b) => a - b);
  const at = (p: number) => percentile(latencies, p);
  return { requests: latencies.length, rps: latencies.length / seconds, p50: at(50), p95: at(95), p99: at(99), errors };
}

/**
 * autocannon with every response time kept, for exact percentiles (its own summary has p97.5,
 * not p95). `paths` are sent in turn, each client sending again as soon as answered.
 */
export function cannon(base: string, paths: () => string, options: { connections: number; seconds: number }): Promise<Load> {
  return cannonAll([base], paths, options);
}

/**
 * One autocannon per entry of `bases`, all at once, `connections` each, their answers counted
 * together: the load split evenly over several portal processes (the same base twice: the
 * same load generators against one process).
 */
export async function cannonAll(bases: string[], paths: () => string, options: { connections: number; seconds: number }): Promise<Load> {
  const latencies: number[] = [];
  let errors = 0;
  await Promise.all(
    bases.map(
      (base) =>
        new Promise<void>((resolve, reject) => {
          const instance = autocannon(
            {
              url: base,
              connections: options.connections,
              duration: options.seconds,
              requests: [{ method: "GET", setupRequest: (request) => ({ ...request, path: paths() }) }],
            },
            (error, result) => {
              if (error) return reject(error);
              errors += result.errors + result.timeouts;
              resolve();
            },
          );
          instance.on("response", (_client: unknown, status: number, _bytes: number, responseTime: number) => {
            latencies.push(responseTime);
            if (status >= 400) errors++;
          });
        }),
    ),
  );
  return summarize(latencies, options.seconds, errors);
}

/**
 * Open-loop load: one request every 1000/rate ms whatever the answers (autocannon's own rate
 * option sends each second's requests in a burst), to read latency on a machine not saturated.
 */
export async function steady(base: string, paths: () => string, rate: number, seconds: number): Promise<Load> {
  const latencies: number[] = [];
  let errors = 0;
  const inFlight: Promise<void>[] = [];
  const interval = 1000 / rate;
  const started = performance.now();
  for (let n = 0; n < rate * seconds; n++) {
    const wait = started + n * interval - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const t0 = performance.now();
    inFlight.push(
      fetch(`${base}${paths()}`)
        .then(async (response) => {
          await response.arrayBuffer();
          if (!response.ok) errors++;
        })
        .catch(() => void errors++)
        .finally(() => void latencies.push(performance.now() - t0)),
    );
  }
  await Promise.all(inFlight);
  return summarize(latencies, seconds, errors);
}

/** autocannon stops sending at its deadline; the server still answers what was queued. */
export const settle = () => new Promise((r) => setTimeout(r, 1000));

export function readPeakRssMb(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const match = status.match(/VmHWM:\s+(\d+) kB/);
    return match ? Number(match[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

async function waitFor(url: string, timeoutMs: number, child: ChildProcess) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Le portail s'est arrêté (code ${child.exitCode}).`);
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} ne répond pas.`);
}

export type BenchPortal = { child: ChildProcess; base: string; stop: () => Promise<void> };

/**
 * A portal in production mode (`server/start.ts`: migrations, build when stale, demo data,
 * index check, HTTP, jobs) against `meili`, resolved once /healthz answers. Several on one
 * database: start them one after the other (the first one builds, migrates and seeds).
 */
export async function startBenchPortal(options: {
  dataDir: string;
  databaseUrl: string;
  meili: RunningMeilisearch;
  env?: Record<string, string>;
}): Promise<BenchPortal> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // As `npm start` runs it: V8's heap bounded (decision 038).
  const child = spawn(process.execPath, ["--max-old-space-size=384", "--import", "tsx", "server/start.ts"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATA_DIR: options.dataDir,
      DATABASE_URL: options.databaseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: base,
      MEILI_HOST: options.meili.host,
      MEILI_MASTER_KEY: options.meili.masterKey,
      SEED_DEMO: "1",
      // Nothing leaves this machine: no address is looked up (the map has its stand-in in e2e/).
      GEOCODER_URL: "off",
      BUILD_DIR: ".tmp/build-bench",
      ...options.env,
    },
  });
  child.stdout?.on("data", () => {});
  child.stderr?.on("data", (d) => process.stderr.write(d));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await exited;
    }
  };
  try {
    await waitFor(`${base}/healthz`, 300_000, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { child, base, stop };
}
