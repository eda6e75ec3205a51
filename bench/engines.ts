// `npm run bench -- --only engines` (and the end of `npm run bench`): SQLite in one process,
// PostgreSQL in one process and PostgreSQL in two processes, measured in one run and in turn,
// against one Meilisearch, each portal started as `npm start` starts it with its page cache
// off. Rendered /annuaire, search and the registration race, as ratios between configurations
// (absolute figures move several-fold between runs on these shared machines).
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startCluster, stopCluster } from "../scripts/postgres-cluster";
import { startBundledMeilisearch } from "../search/server-process";
import { createDatabase } from "../tests/postgresql";
import { measureCpu, postmasterPid, withChildren, type CpuReading } from "./cpu";
import { cannonAll, fmt, searchPaths, settle, startBenchPortal, type BenchPortal, type Load } from "./harness";

const ROOT = path.resolve(".tmp/bench-engines");
const SECONDS = Number(process.env.BENCH_ENGINE_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ENGINE_ROUNDS ?? 3);
// Per load generator; there are two in every configuration (see below).
const CONNECTIONS = Number(process.env.BENCH_ENGINE_CONNECTIONS ?? 10);
const GOALS = { scale: 1.4, pagesVsSqlite: 0.8, raceVsSqlite: 1.2 };

type ConfigKey = "sqlite" | "pg1" | "pg2";
type Config = { key: ConfigKey; label: string; loadBases: string[]; portals: BenchPortal[]; db: import("../app/db.server").Db };
type CpuShares = { cpu: CpuReading; busyPortals: number[]; idlePortals: number };
type Measure = CpuShares & { load: Load };
type Results = { pages: Measure[]; search: Measure[]; race: Race[]; raceCpu: CpuShares[] };
type Race = {
  attempts: number;
  totalMs: number;
  p95: number;
  p50: number;
  confirmed: number;
  waitlisted: number;
  distinctPositions: number;
  statuses: string;
};

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ratio = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : "—");

export type EnginesResult = { section: string[]; summary: [string, string][] };

export async function compareEngines(log: (line: string) => void): Promise<EnginesResult> {
  const startedAt = Date.now();
  rmSync(ROOT, { recursive: true, force: true });
  mkdirSync(ROOT, { recursive: true });
  const sqliteDir = path.join(ROOT, "sqlite");
  const pgDir = path.join(ROOT, "postgresql");
  const sqliteUrl = `file:${path.join(sqliteDir, "portail.db")}`;
  // The bench process's own modules (app/db.server) must not open a database outside the bench folder.
  process.env.DATA_DIR ??= sqliteDir;
  process.env.DATABASE_URL ??= sqliteUrl;

  // The cluster's folder must be reachable by the postgres user: under /tmp, not in the clone.
  const clusterDir = mkdtempSync(path.join(os.tmpdir(), "ccas-bench-pg-"));
  const started: BenchPortal[] = [];
  const dbs: { $disconnect: () => Promise<void> }[] = [];
  let meili: Awaited<ReturnType<typeof startBundledMeilisearch>> | undefined;
  const onInterrupt = () => {
    for (const portal of started) portal.child.kill("SIGKILL");
    meili?.child.kill("SIGKILL");
    stopCluster(clusterDir);
    process.exit(130);
  };
  process.once("SIGINT", onInterrupt);
  try {
    log("Comparaison des moteurs : PostgreSQL jetable, Meilisearch, trois portails…");
    meili = await startBundledMeilisearch({ dataDir: path.join(ROOT, "meili"), masterKey: "bench-engines-master-key-0123" });
    const adminUrl = await startCluster(clusterDir);
    const pgUrl = await createDatabase(adminUrl, "portail_bench");
    // Page cache off: every /annuaire is rendered. One index per database in the one engine.
    const common = { PAGE_CACHE_SECONDS: "0" };
    const start = async (dataDir: string, databaseUrl: string, prefix: string) => {
      const portal = await startBenchPortal({ dataDir, databaseUrl, meili: meili!, env: { ...common, MEILI_INDEX_PREFIX: prefix } });
      started.push(portal);
      return portal;
    };
    // One after the other: the first builds when needed; the first on PostgreSQL migrates and seeds it.
    const sqlite = await start(sqliteDir, sqliteUrl, "sqlite_");
    const pg1 = await start(pgDir, pgUrl, "pg_");
    const pg2 = await start(pgDir, pgUrl, "pg_");
    log(
      `Portails prêts en ${((Date.now() - startedAt) / 1000).toFixed(0)} s : SQLite ${sqlite.base}, PostgreSQL ${pg1.base} et ${pg2.base}.`,
    );

    const { createPrismaClient } = await import("../app/db.server");
    const sqliteDb = createPrismaClient(sqliteUrl);
    const pgDb = createPrismaClient(pgUrl, { poolSize: 4 });
    dbs.push(sqliteDb, pgDb);
    const associations = await Promise.all([sqliteDb, pgDb].map((db) => db.association.count({ where: { status: "validated" } })));

    // Two load generators in every configuration, so that their own cost is the same in all three:
    // both against the one process, or one against each of the two.
    const configs: Config[] = [
      { key: "sqlite", label: "SQLite, 1 processus", loadBases: [sqlite.base, sqlite.base], portals: [sqlite], db: sqliteDb },
      { key: "pg1", label: "PostgreSQL, 1 processus", loadBases: [pg1.base, pg1.base], portals: [pg1], db: pgDb },
      { key: "pg2", label: "PostgreSQL, 2 processus", loadBases: [pg1.base, pg2.base], portals: [pg1, pg2], db: pgDb },
    ];
    const postmaster = postmasterPid(path.join(clusterDir, "data"));
    const groups = {
      ...Object.fromEntries(started.map((p, i) => [`portal${i}`, () => (p.child.pid ? [p.child.pid] : [])])),
      postgresql: () => (postmaster ? withChildren(postmaster) : []),
      meilisearch: () => (meili?.child.pid ? [meili.child.pid] : []),
    };
    const shares = (config: Config, cpu: CpuReading): CpuShares => ({
      cpu,
      busyPortals: config.portals.map((p) => cpu.seconds[`portal${started.indexOf(p)}`]),
      idlePortals: started
        .filter((p) => !config.portals.includes(p))
        .reduce((sum, p) => sum + cpu.seconds[`portal${started.indexOf(p)}`], 0),
    });
    const measure = async (config: Config, paths: () => string): Promise<Measure> => {
      const { result, cpu } = await measureCpu(groups, () =>
        cannonAll(config.loadBases, paths, { connections: CONNECTIONS, seconds: SECONDS }),
      );
      await settle();
      return { load: result, ...shares(config, cpu) };
    };
    const pages = () => () => "/annuaire";

    for (const config of configs) {
      await cannonAll(config.loadBases, pages(), { connections: 2, seconds: 2 });
      await cannonAll(config.loadBases, searchPaths(), { connections: 2, seconds: 2 });
    }
    await settle();

    const results = Object.fromEntries(
      configs.map((c) => [c.key, { pages: [] as Measure[], search: [] as Measure[], race: [] as Race[], raceCpu: [] as CpuShares[] }]),
    ) as Record<ConfigKey, Results>;
    const { prepareRace } = await import("./registration-race");
    const orders: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // A rotating order (A B C, B C A, C A B…): no configuration always runs first or last.
      const order = configs.map((_, i) => configs[(i + round) % configs.length]);
      orders.push(order.map((c) => c.key).join(" "));
      for (const config of order) {
        const r = await measure(config, pages());
        results[config.key].pages.push(r);
        log(
          `Tour ${round + 1}, ${config.label}, /annuaire : ${r.load.rps.toFixed(0)} req/s, p95 ${fmt(r.load.p95)} ms, ${r.load.errors} erreurs`,
        );
      }
      for (const config of order) {
        const r = await measure(config, searchPaths());
        results[config.key].search.push(r);
        log(
          `Tour ${round + 1}, ${config.label}, recherche : ${r.load.rps.toFixed(0)} req/s, p95 ${fmt(r.load.p95)} ms, ${r.load.errors} erreurs`,
        );
      }
      for (const config of order) {
        const prepared = await prepareRace(
          config.db,
          config.portals.map((p) => p.base),
          200,
          50,
        );
        await settle();
        // Only the registrations under way: the accounts were made beforehand.
        const { result: race, cpu } = await measureCpu(groups, () => prepared.run());
        results[config.key].race.push(race);
        results[config.key].raceCpu.push(shares(config, cpu));
        log(`Tour ${round + 1}, ${config.label}, course : ${race.confirmed} confirmées, p95 ${race.p95.toFixed(0)} ms (${race.statuses})`);
      }
    }
    const minutes = (Date.now() - startedAt) / 60000;
    return report({ configs, results, associations, orders, minutes });
  } finally {
    process.off("SIGINT", onInterrupt);
    for (const portal of [...started].reverse()) await portal.stop();
    for (const db of dbs) await db.$disconnect();
    await meili?.stop();
    stopCluster(clusterDir);
    rmSync(clusterDir, { recursive: true, force: true });
  }
}

function report(run: {
  configs: Config[];
  results: Record<ConfigKey, Results>;
  associations: number[];
  orders: string[];
  minutes: number;
}): EnginesResult {
  const { results } = run;
  const rps = (key: ConfigKey, metric: "pages" | "search") => results[key][metric].map((m) => m.load.rps);
  const p95 = (key: ConfigKey, metric: "pages" | "search") => results[key][metric].map((m) => m.load.p95);
  const raceP95 = (key: ConfigKey) => results[key].race.map((r) => r.p95);
  // Each ratio is taken within one round (the configurations measured minutes apart), then the median of the rounds.
  const perRound = (a: number[], b: number[]) => a.map((value, i) => value / b[i]);
  const ratioCell = (values: number[]) => `**${ratio(median(values))}** (${values.map((v) => v.toFixed(2)).join(", ")})`;
  const cells = (values: (key: ConfigKey) => number[], digits = 0) =>
    (["sqlite", "pg1", "pg2"] as const).map((k) => median(values(k)).toFixed(digits));

  const scale = perRound(rps("pg2", "pages"), rps("pg1", "pages"));
  const pagesVsSqlite = perRound(rps("pg1", "pages"), rps("sqlite", "pages"));
  const searchScale = perRound(rps("pg2", "search"), rps("pg1", "search"));
  const searchVsSqlite = perRound(rps("pg1", "search"), rps("sqlite", "search"));
  const raceScale = perRound(raceP95("pg2"), raceP95("pg1"));
  const raceVsSqlite = perRound(raceP95("pg1"), raceP95("sqlite"));
  const errors = (["sqlite", "pg1", "pg2"] as const).reduce(
    (sum, k) => sum + [...results[k].pages, ...results[k].search].reduce((s, m) => s + m.load.errors, 0),
    0,
  );
  const badRaces = (["sqlite", "pg1", "pg2"] as const).flatMap((k) =>
    results[k].race
      .filter((r) => r.confirmed !== 50 || r.waitlisted !== 150 || r.distinctPositions !== r.waitlisted)
      .map((r) => `${k} : ${r.confirmed} confirmées, ${r.waitlisted} en attente, ${r.distinctPositions} positions distinctes`),
  );

  const met = (ok: boolean) => (ok ? "atteint" : "**manqué**");
  const goals = [
    `deux processus ≥ ${GOALS.scale}× les pages d'un seul : ${met(median(scale) >= GOALS.scale)} (${ratio(median(scale))})`,
    `PostgreSQL à 20 % de SQLite sur les pages (≥ ${GOALS.pagesVsSqlite}×) : ${met(median(pagesVsSqlite) >= GOALS.pagesVsSqlite)} (${ratio(median(pagesVsSqlite))})`,
    `et sur le p95 de la course (≤ ${GOALS.raceVsSqlite}×) : ${met(median(raceVsSqlite) <= GOALS.raceVsSqlite)} (${ratio(median(raceVsSqlite))})`,
  ];

  type Sample = CpuShares & { requests: number; rps: number };
  const samplesOf = (key: ConfigKey, metric: "pages" | "search" | "race"): Sample[] =>
    metric === "race"
      ? results[key].race.map((r, i) => ({ ...results[key].raceCpu[i], requests: r.attempts, rps: r.attempts / (r.totalMs / 1000) }))
      : results[key][metric].map((m) => ({ ...m, requests: m.load.requests, rps: m.load.rps }));
  const cpuRows = (metric: "pages" | "search" | "race") =>
    run.configs.map((c) => {
      const ms = samplesOf(c.key, metric);
      const perRequest = (pick: (m: Sample) => number) => median(ms.map((m) => (pick(m) * 1000) / m.requests)).toFixed(2);
      const portals =
        c.portals.length > 1
          ? `${perRequest((m) => m.busyPortals.reduce((a, b) => a + b, 0))} (${c.portals.map((_, i) => perRequest((m) => m.busyPortals[i])).join(" + ")})`
          : perRequest((m) => m.busyPortals[0]);
      return `| ${c.label} | ${median(ms.map((m) => m.rps)).toFixed(0)} | ${portals} | ${perRequest((m) => m.cpu.seconds.postgresql)} | ${perRequest((m) => m.cpu.seconds.meilisearch)} | ${perRequest((m) => m.cpu.loadGenerator)} | ${median(ms.map((m) => m.idlePortals)).toFixed(2)} | ${(median(ms.map((m) => m.cpu.machineBusy)) * 100).toFixed(0)} % | ${median(ms.map((m) => m.cpu.outsideCores)).toFixed(2)} | ${(median(ms.map((m) => m.cpu.machineSteal)) * 100).toFixed(0)} % |`;
    });
  const cpuHeader = [
    "| Configuration | req/s | Portail(s), ms de processeur par requête | PostgreSQL | Meilisearch | Générateur de charge | Portails au repos (s en tout) | Machine occupée | Hors benchmark (cœurs) | Volé par l'hôte |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ];

  const section = [
    "<!-- engines:start -->",
    "## SQLite, PostgreSQL, un et deux processus (même exécution)",
    "",
    `Mesuré le ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC (${run.minutes.toFixed(1)} min pour cette comparaison), ${os.cpus().length} cœurs (${os.cpus()[0]?.model ?? "?"}).`,
    "",
    `Trois portails lancés comme \`npm start\` (production, cache des pages publiques coupé : \`PAGE_CACHE_SECONDS=0\`, chaque \`/annuaire\` est rendue) : un sur SQLite, deux sur une même base PostgreSQL (grappe jetable, \`fsync\` actif, ${run.associations[1]} associations de démonstration comme sur SQLite : ${run.associations[0]}), démarrés l'un après l'autre, tous sur un même Meilisearch externe (un index par base). Pas de mandataire inverse : la charge est répartie à parts égales entre les deux ports par deux générateurs autocannon (${CONNECTIONS} connexions chacun, ${SECONDS} s) ; en « 1 processus », les deux mêmes générateurs visent le même port, pour que leur coût soit le même partout. Les trois configurations sont mesurées tour à tour, ${run.orders.length} tours dans un ordre tournant (${run.orders.join(" / ")}) ; un rapport est calculé dans chaque tour, puis la médiane des tours (valeurs de chaque tour entre parenthèses) ; les chiffres absolus sont les médianes. Course : 200 membres connectés s'inscrivent au même instant à un événement de 50 places (en 2 processus, un sur deux à chaque portail). Les portails qui ne sont pas mesurés restent démarrés, au repos (colonne « au repos » ci-dessous).`,
    "",
    "| Mesure | SQLite, 1 proc. | PostgreSQL, 1 proc. | PostgreSQL, 2 proc. | PG 2 proc. / PG 1 proc. | PG 1 proc. / SQLite | Objectif |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    `| \`/annuaire\` rendue (req/s) | ${cells((k) => rps(k, "pages")).join(" | ")} | ${ratioCell(scale)} | ${ratioCell(pagesVsSqlite)} | ≥ ${GOALS.scale}× ; ≥ ${GOALS.pagesVsSqlite}× |`,
    `| \`/annuaire\` p95 (ms) | ${cells((k) => p95(k, "pages"), 1).join(" | ")} | — | — | — |`,
    `| Recherche \`/api/associations\` (req/s) | ${cells((k) => rps(k, "search")).join(" | ")} | ${ratioCell(searchScale)} | ${ratioCell(searchVsSqlite)} | — |`,
    `| Recherche p95 (ms) | ${cells((k) => p95(k, "search"), 1).join(" | ")} | — | — | — |`,
    `| Course aux inscriptions p95 (ms) | ${cells(raceP95).join(" | ")} | ${ratioCell(raceScale)} | ${ratioCell(raceVsSqlite)} | PG / SQLite ≤ ${GOALS.raceVsSqlite}× |`,
    "",
    `**Objectifs** : ${goals.join(" ; ")}.`,
    "",
    `Erreurs HTTP pendant les mesures de pages et de recherche : ${errors}. Courses : ${badRaces.length ? `**ÉCARTS** — ${badRaces.join(" ; ")}` : `toutes exactes (50 confirmées, 150 en liste d'attente aux positions distinctes, dans chacune des ${run.orders.length * 3})`}.`,
    "",
    "Où passe le processeur, `/annuaire` (médianes des tours ; en 2 processus, le total puis chaque processus) :",
    "",
    ...cpuHeader,
    ...cpuRows("pages"),
    "",
    "Et pour la recherche :",
    "",
    ...cpuHeader,
    ...cpuRows("search"),
    "",
    "Et pendant la course (200 inscriptions ; « req/s » : inscriptions par seconde sur toute sa durée) :",
    "",
    ...cpuHeader,
    ...cpuRows("race"),
    "<!-- engines:end -->",
    "",
  ];
  return {
    section,
    summary: [
      ["/annuaire rendue, PG 2 proc. / PG 1 proc.", `${ratio(median(scale))} (objectif ≥ ${GOALS.scale}×)`],
      ["/annuaire rendue, PG / SQLite", `${ratio(median(pagesVsSqlite))} (objectif ≥ ${GOALS.pagesVsSqlite}×)`],
      ["Course p95, PG / SQLite", `${ratio(median(raceVsSqlite))} (objectif ≤ ${GOALS.raceVsSqlite}×)`],
    ],
  };
}
