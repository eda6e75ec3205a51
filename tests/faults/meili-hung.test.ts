// The bundled Meilisearch alive but silent (SIGSTOP: it neither answers nor exits): the portal's
// liveness probe kills it after a few silent probes, and the supervisor restarts it.
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { enginesOnFolder, isAlive } from "../../search/engine-processes";
import { health, startPortal, waitUntil, type Portal, FAULTS_MASTER_KEY } from "./portal";

const root = path.resolve(`.tmp/faults-hung-${process.pid}`);
const dataDir = path.join(root, "data");
const dbPath = path.join(dataDir, "meilisearch");
let portal: Portal | undefined;
let stopped: number | undefined;

afterAll(async () => {
  if (stopped && isAlive(stopped)) process.kill(stopped, "SIGKILL");
  await portal?.stop();
  rmSync(root, { recursive: true, force: true });
});

describe("bundled Meilisearch hung while the portal runs", () => {
  it("is killed by the liveness probe and restarted; searches come back to it", async () => {
    rmSync(root, { recursive: true, force: true });
    portal = await startPortal({ dataDir, env: { MEILI_MASTER_KEY: FAULTS_MASTER_KEY } });
    await waitUntil(async () => (await health(portal!)).status === "ok", 60_000, "portail en bonne santé");

    const [engine] = enginesOnFolder(dbPath);
    stopped = engine.pid;
    process.kill(engine.pid, "SIGSTOP");

    // Three silent probes five seconds apart, then the restart.
    await waitUntil(() => !isAlive(engine.pid), 60_000, "Meilisearch figé arrêté par le portail");
    await waitUntil(async () => (await health(portal!)).status === "ok", 60_000, "Meilisearch redémarré et index vérifié");
    expect((await health(portal)).searchEngine).toMatchObject({
      state: "running",
      indexReady: true,
      restarts: 1,
      lastExitSignal: "SIGKILL",
    });
    expect(portal.output()).toContain("Meilisearch embarqué ne répond plus");
    const engines = enginesOnFolder(dbPath);
    expect(engines).toHaveLength(1);
    expect(engines[0].pid).not.toBe(engine.pid);
    const found = (await (await fetch(`${portal.base}/api/associations?q=solidarite`)).json()) as { engine: string };
    expect(found.engine).toBe("meilisearch");
  });
});
