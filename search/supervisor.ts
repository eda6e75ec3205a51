// Keeps the bundled Meilisearch running for as long as the portal runs, systemd-style: an
// engine that exits is restarted after a delay doubling from 1 s to 30 s (back to 1 s once it
// has run a stable minute), on its previous port when free; one that stops answering its health
// probe is killed first. Every (re)start marks the index
// for a check (search/readiness.ts) before searches go to it again. stop() ends it for good.
import { engineChanged, searchEngineStatus, updateSearchEngineStatus } from "./engine-status";
import { EngineInUseError, startBundledMeilisearch, type RunningMeilisearch } from "./server-process";

export const RESTART_DELAY = { firstMs: 1_000, maxMs: 30_000, stableMs: 60_000 };
/** An engine alive but silent (hung, stopped) this many probes in a row is killed, hence restarted. */
export const LIVENESS = { everyMs: 5_000, timeoutMs: 3_000, failuresBeforeKill: 3 };

export type MeilisearchSupervisor = {
  /** The first start (a few attempts); on failure the supervisor keeps trying in the background. */
  start: () => Promise<void>;
  current: () => RunningMeilisearch | null;
  stop: () => Promise<void>;
};

export function superviseBundledMeilisearch(options: {
  dataDir: string;
  masterKey?: string;
  log: (message: string) => void;
  /** Called after every successful (re)start, with the engine's address. */
  onRunning: (meili: RunningMeilisearch) => void;
}): MeilisearchSupervisor {
  const { log } = options;
  let current: RunningMeilisearch | null = null;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let delayMs = RESTART_DELAY.firstMs;
  let lastPort: number | undefined;

  const launch = async () => {
    const meili = await startBundledMeilisearch({ dataDir: options.dataDir, masterKey: options.masterKey, preferredPort: lastPort, log });
    if (stopping) return void (await meili.stop());
    current = meili;
    lastPort = meili.port;
    const startedAt = Date.now();
    engineChanged({ state: "running", host: meili.host });
    options.onRunning(meili);
    const probe = watchLiveness(meili);
    void meili.exited.then(({ code, signal }) => {
      clearInterval(probe);
      if (stopping || current !== meili) return;
      current = null;
      if (Date.now() - startedAt >= RESTART_DELAY.stableMs) delayMs = RESTART_DELAY.firstMs;
      engineChanged({ state: "restarting", lastExitCode: code, lastExitSignal: signal, lastExitAt: new Date().toISOString() });
      log(
        `Meilisearch embarqué arrêté (${signal ? `signal ${signal}` : `code ${code}`}) : redémarrage dans ${delayMs / 1000} s ; l'annuaire répond depuis la base de données en attendant.`,
      );
      scheduleRestart();
    });
  };

  // A process that no longer answers never exits by itself: its health is asked, and after a
  // few silent probes it is killed, so that the exit path above restarts it.
  const watchLiveness = (meili: RunningMeilisearch) => {
    let silent = 0;
    let probing = false;
    const probe = setInterval(async () => {
      if (stopping || current !== meili || probing) return;
      probing = true;
      const answered = await fetch(`${meili.host}/health`, { signal: AbortSignal.timeout(LIVENESS.timeoutMs) }).then(
        (response) => response.ok,
        () => false,
      );
      probing = false;
      silent = answered ? 0 : silent + 1;
      if (silent < LIVENESS.failuresBeforeKill || stopping || current !== meili) return;
      clearInterval(probe);
      log(`Meilisearch embarqué ne répond plus (${silent} vérifications sans réponse) : arrêt forcé, puis redémarrage.`);
      meili.child.kill("SIGKILL");
    }, LIVENESS.everyMs);
    probe.unref();
    return probe;
  };

  const scheduleRestart = () => {
    const wait = delayMs;
    delayMs = Math.min(delayMs * 2, RESTART_DELAY.maxMs);
    timer = setTimeout(async () => {
      if (stopping) return;
      updateSearchEngineStatus({ restarts: (searchEngineStatus()?.restarts ?? 0) + 1 });
      try {
        await launch();
        log(`Meilisearch embarqué redémarré sur ${current?.host} (redémarrage n° ${searchEngineStatus()?.restarts}).`);
      } catch (error) {
        if (stopping) return;
        log(
          `Redémarrage de Meilisearch impossible : ${error instanceof Error ? error.message : String(error)} Nouvel essai dans ${delayMs / 1000} s.`,
        );
        scheduleRestart();
      }
    }, wait);
  };

  return {
    async start() {
      try {
        await launch();
      } catch (error) {
        if (error instanceof EngineInUseError) throw error;
        engineChanged({ state: "restarting" });
        log(
          `Meilisearch embarqué n'a pas démarré : ${error instanceof Error ? error.message : String(error)} Nouvel essai dans ${delayMs / 1000} s ; le portail démarre en mode dégradé.`,
        );
        scheduleRestart();
      }
    },
    current: () => current,
    async stop() {
      stopping = true;
      clearTimeout(timer);
      updateSearchEngineStatus({ state: "stopped", indexReady: false });
      await current?.stop();
      current = null;
    },
  };
}
