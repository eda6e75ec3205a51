// The bundled Meilisearch killed while the portal runs: the portal's supervisor restarts it by
// itself (no portal restart), the edits saved meanwhile reach the index, /healthz says what
// happened and comes back to "ok"; a stopped portal leaves no engine and restarts none.
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../app/db.server";
import { enginesOnFolder, isAlive } from "../../search/engine-processes";
import {
  editableAssociations,
  editProfile,
  health,
  indexAndDatabase,
  memberSession,
  randomWord,
  startPortal,
  waitUntil,
  type Portal,
  FAULTS_MASTER_KEY,
} from "./portal";

const root = path.resolve(`.tmp/faults-supervised-${process.pid}`);
const dataDir = path.join(root, "data");
const dbPath = path.join(dataDir, "meilisearch");
const masterKey = FAULTS_MASTER_KEY;
let portal: Portal | undefined;

afterAll(async () => {
  await portal?.stop();
  rmSync(root, { recursive: true, force: true });
});

const runningHost = () => (JSON.parse(readFileSync(path.join(dataDir, "meili-running.json"), "utf8")) as { host: string }).host;

describe("bundled Meilisearch killed while the portal runs", () => {
  it("is restarted by the portal, and the index catches up with the database", async () => {
    rmSync(root, { recursive: true, force: true });
    portal = await startPortal({ dataDir, env: { MEILI_MASTER_KEY: masterKey } });
    await waitUntil(async () => (await health(portal!)).status === "ok", 60_000, "portail en bonne santé");
    expect((await health(portal)).searchEngine).toMatchObject({ kind: "bundled", state: "running", restarts: 0 });

    const db = createPrismaClient(`file:${path.join(dataDir, "portail.db")}`);
    const targets = await editableAssociations(db, 6);
    const sessionId = await memberSession(
      db,
      targets.map((a) => a.id),
    );
    const words = targets.map(() => randomWord());
    for (let i = 0; i < 2; i++) expect(await editProfile(portal, sessionId, targets[i], words[i])).toBe(302);

    const [engine] = enginesOnFolder(dbPath);
    expect(engine.ppid).toBe(portal.child.pid);
    process.kill(engine.pid, "SIGKILL");
    await waitUntil(() => !isAlive(engine.pid), 10_000, "fin du Meilisearch tué");

    // Saved while the engine is down or catching up: the outbox keeps them.
    for (let i = 2; i < targets.length; i++) expect(await editProfile(portal, sessionId, targets[i], words[i])).toBe(302);

    await waitUntil(async () => (await health(portal!)).status === "ok", 30_000, "retour de Meilisearch et de l'index");
    const after = await health(portal);
    expect(after.searchEngine).toMatchObject({ state: "running", indexReady: true, restarts: 1, lastExitSignal: "SIGKILL" });
    expect(after.pendingReindex).toBe(0);
    expect(portal.child.exitCode).toBeNull();
    expect(portal.output()).toContain("Meilisearch embarqué arrêté (signal SIGKILL) : redémarrage dans 1 s");
    expect(portal.output()).toContain("Meilisearch embarqué redémarré");

    const engines = enginesOnFolder(dbPath);
    expect(engines).toHaveLength(1);
    expect(engines[0].pid).not.toBe(engine.pid);
    expect(engines[0].ppid).toBe(portal.child.pid);

    const { expected, indexed } = await indexAndDatabase(db, runningHost(), masterKey);
    expect(indexed.size).toBe(expected.length);
    for (const doc of expected) expect(indexed.get(doc.id)).toEqual(doc);
    for (const word of words) {
      const found = (await (await fetch(`${portal.base}/api/associations?q=${word}`)).json()) as { engine: string; total: number };
      expect(found).toMatchObject({ engine: "meilisearch", total: 1 });
    }
    await db.$disconnect();

    // Stopping the portal stops its engine for good: nothing restarts it.
    const restarted = engines[0].pid;
    await portal.stop();
    expect(portal.child.exitCode).toBe(0);
    expect(isAlive(restarted)).toBe(false);
    expect(enginesOnFolder(dbPath)).toEqual([]);
    const shutdownLog = portal.output().slice(portal.output().lastIndexOf("Arrêt…"));
    expect(shutdownLog).not.toMatch(/redémarrage|arrêté \(/);
    portal = undefined;
  });
});
