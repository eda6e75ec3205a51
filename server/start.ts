// `npm start` / `npm run dev`: everything the portal needs on a fresh clone, in order.
// 1. configuration  2. database migrations  3. the bundled Meilisearch (unless MEILI_HOST),
// supervised: restarted when it exits  4. the production build when missing or stale
// 5. demo data on first start  6. index settings and the directory index (or degraded mode
// while the engine cannot answer)  7. the HTTP server  8. background jobs.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, watch, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { runningPortalFile } from "../search/running-portal";
import { getEnv, setEnv } from "../app/env.server";
import { displayableDatabaseUrl } from "../app/lib/database-provider";
import { tileOrigin } from "../app/geo/map-tiles";
import { LOCK_KEYS, withDatabaseLock } from "../scripts/database-lock";
import { migrateDatabase } from "../scripts/migrate";
import { initSearchEngineStatus } from "../search/engine-status";
import { masterKeyFor } from "../search/server-process";
import { superviseBundledMeilisearch, type MeilisearchSupervisor } from "../search/supervisor";

const log = (message: string) => console.log(`[portail] ${message}`);

const SHUTDOWN_GRACE_MS = 10_000;

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) {
    if (entry === "generated" || entry === "node_modules" || entry === "build") continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

/** Where remix.config.js puts the server build and its assets, for that BUILD_DIR. */
function buildPaths(buildDir: string) {
  return {
    file: path.resolve(buildDir, "index.js"),
    assets: path.resolve(buildDir === "build" ? "public/build" : path.join(buildDir, "assets")),
  };
}

function buildIsStale(build: { file: string; assets: string }): boolean {
  if (!existsSync(build.file) || !existsSync(build.assets)) return true;
  const built = statSync(build.file).mtimeMs;
  const sources = Math.max(...["app", "search", "remix.config.js", "package.json", "public"].map((p) => newestMtime(p)));
  return sources > built;
}

async function main() {
  const env = getEnv();
  const dev = env.NODE_ENV === "development";
  const { file: BUILD_FILE, assets: ASSETS_DIR } = buildPaths(env.BUILD_DIR);
  mkdirSync(env.DATA_DIR, { recursive: true });
  setEnv({ DATABASE_URL: env.DATABASE_URL });

  log(`Base de données : ${displayableDatabaseUrl(env.DATABASE_URL)}`);
  await migrateDatabase(env.DATABASE_URL, log);

  let supervisor: MeilisearchSupervisor | null = null;
  // Once the background jobs run: checks a (re)started engine's index at once.
  let checkEngineNow = () => {};
  if (env.MEILI_HOST) {
    log(`Meilisearch externe : ${env.MEILI_HOST}`);
    initSearchEngineStatus("external", env.MEILI_HOST);
  } else {
    log("Démarrage du Meilisearch embarqué…");
    const masterKey = env.MEILI_MASTER_KEY ?? masterKeyFor(env.DATA_DIR);
    setEnv({ MEILI_MASTER_KEY: masterKey });
    initSearchEngineStatus("bundled", "");
    supervisor = superviseBundledMeilisearch({
      dataDir: env.DATA_DIR,
      masterKey,
      log,
      onRunning: (meili) => {
        setEnv({ MEILI_HOST: meili.host });
        // Lets `npm run backup` reach the running server for its dump.
        writeFileSync(runningPortalFile(env.DATA_DIR), JSON.stringify({ host: meili.host, pid: process.pid }));
        log(`Meilisearch embarqué prêt sur ${meili.host}`);
        checkEngineNow();
      },
    });
    await supervisor.start();
  }
  let stopping = false;
  const shutdown = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    log("Arrêt…");
    // No new run starts; one under way ends with the process (the jobs are sweeps: the next claim redoes it).
    jobs?.stop();
    // Requests under way finish (a rolling restart behind nginx loses none), within a bound.
    if (server) {
      const closed = new Promise<void>((resolve) => server!.close(() => resolve()));
      server.closeIdleConnections();
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref())]);
    }
    await pageCacheBus?.close();
    await supervisor?.stop();
    rmSync(runningPortalFile(env.DATA_DIR), { force: true });
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  process.on("exit", () => supervisor?.current()?.child.kill("SIGKILL"));

  let server: import("node:http").Server | undefined;
  let pageCacheBus: import("./page-cache-bus").PageCacheBus | null = null;
  let jobs: import("./job-runner").JobRunner | undefined;
  try {
    if (!dev && buildIsStale({ file: BUILD_FILE, assets: ASSETS_DIR })) {
      log("Construction de l'application (remix build)…");
      const result = spawnSync(process.execPath, [path.resolve("node_modules/@remix-run/dev/dist/cli.js"), "build"], { stdio: "inherit" });
      if (result.status !== 0) throw new Error("La construction de l'application a échoué.");
    }

    const { prisma, configureSqlite, databaseProvider } = await import("../app/db.server");
    if (databaseProvider() === "sqlite") await configureSqlite(prisma);

    if (env.SEED_DEMO) {
      const { seedDemo } = await import("../prisma/seed/index");
      // Several processes starting at once on an empty PostgreSQL database: one seeds, the others then find it seeded.
      const seeded = await withDatabaseLock(env.DATABASE_URL, LOCK_KEYS.seed, () => seedDemo(prisma, log));
      log(seeded ? "Données de démonstration créées." : "Base déjà initialisée : aucune donnée de démonstration ajoutée.");
    }

    // An engine that cannot answer yet leaves the portal degraded (the directory searches the
    // database); the background job applies the settings and checks the index once it can.
    const { getSearchEngineClient } = await import("../app/lib/search.server");
    const { checkSearchEngine } = await import("../search/readiness");
    await checkSearchEngine(prisma, getSearchEngineClient(), log).catch((error) =>
      log(`Index de l'annuaire non vérifié (${error instanceof Error ? error.message : String(error)}) : nouvel essai en arrière-plan.`),
    );

    const auth = await import("../app/accounts/sessions.server");
    const { createApp } = await import("./app");
    let build = (await import(pathToFileURL(BUILD_FILE).href)) as ServerBuild;
    if (dev) {
      const { broadcastDevReady } = await import("@remix-run/node");
      let version = 0;
      watch(path.dirname(BUILD_FILE), async (_event, file) => {
        if (file !== "index.js") return;
        version += 1;
        build = (await import(`${pathToFileURL(BUILD_FILE).href}?v=${version}`)) as ServerBuild;
        await broadcastDevReady(build);
      });
      await broadcastDevReady(build);
    }
    // On PostgreSQL other processes may serve the same portal: their changes must empty this cache too.
    if (!dev && env.PAGE_CACHE_SECONDS > 0 && databaseProvider() === "postgresql") {
      const { connectPageCacheBus } = await import("./page-cache-bus");
      pageCacheBus = connectPageCacheBus(env.DATABASE_URL, { log });
      // The CCAS's settings and taxonomy are cached the same way (app/settings/reference-cache.server.ts).
      const { invalidateReferenceData } = await import("../app/settings/reference-cache.server");
      pageCacheBus.subscribe(() => invalidateReferenceData());
    }
    const app = createApp({
      build: dev ? async () => build : build,
      assetsDir: ASSETS_DIR,
      publicUrl: env.PUBLIC_URL,
      trustProxyHops: env.TRUST_PROXY,
      mode: dev ? "development" : "production",
      mapTileOrigin: tileOrigin(env.MAP_TILE_URL),
      pageCacheSeconds: env.PAGE_CACHE_SECONDS,
      pageCacheBus,
      validateSession: auth.validateSessionId,
      readSessionCookie: (header) => auth.lucia.readSessionCookie(header),
      sessionCookie: auth.sessionCookie,
      blankSessionCookie: () => auth.lucia.createBlankSessionCookie().serialize(),
    });
    server = app.listen(env.PORT, env.HOST, () => {
      log(`Portail prêt : ${env.PUBLIC_URL}`);
    });

    const { startBackgroundJobs, SEARCH_ENGINE_JOB } = await import("./jobs");
    const runner = startBackgroundJobs(log);
    jobs = runner;
    checkEngineNow = () => void runner.runNow(SEARCH_ENGINE_JOB);
  } catch (error) {
    console.error(error);
    await shutdown(1);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
