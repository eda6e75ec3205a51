// `kill -9` of the portal (the process `npm start` runs): its Meilisearch dies with it, the
// master key is on no command line, and the next start, even beside an engine some older run
// left on the folder, ends with exactly one engine and an index equal to the database.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../app/db.server";
import { enginePidFile, enginesOnFolder, isAlive } from "../../search/engine-processes";
import { bundledBinaryPath, freePort, waitForHealthy } from "../../search/server-process";
import { FAULTS_MASTER_KEY, health, indexAndDatabase, startPortal, waitUntil, type Portal } from "./portal";

const root = path.resolve(`.tmp/faults-portal-killed-${process.pid}`);
const dataDir = path.join(root, "data");
const dbPath = path.join(dataDir, "meilisearch");
const masterKey = FAULTS_MASTER_KEY;
let portal: Portal | undefined;
let leftover: ChildProcess | undefined;

afterAll(async () => {
  await portal?.stop();
  leftover?.kill("SIGKILL");
  rmSync(root, { recursive: true, force: true });
});

const cmdline = (pid: number) => readFileSync(`/proc/${pid}/cmdline`, "utf8");

describe("portal killed with kill -9, then started again", () => {
  it("leaves no engine behind, and the restart runs exactly one, with the index equal to the database", async () => {
    rmSync(root, { recursive: true, force: true });
    const first = await startPortal({ dataDir, env: { MEILI_MASTER_KEY: masterKey } });
    portal = first;
    await waitUntil(async () => (await health(first)).status === "ok", 60_000, "premier démarrage en bonne santé");

    // The portal is one process: the engine's parent is the very process `npm start` runs.
    const [engine] = enginesOnFolder(dbPath);
    expect(engine.ppid).toBe(first.child.pid);
    expect(readFileSync(enginePidFile(dataDir), "utf8").trim()).toBe(`${engine.pid} ${first.child.pid}`);
    // No master key in the process list.
    expect(cmdline(engine.pid)).not.toContain(masterKey);
    expect(cmdline(first.child.pid!)).not.toContain(masterKey);

    first.child.kill("SIGKILL");
    await first.exited;
    await waitUntil(() => !isAlive(engine.pid), 10_000, "fin du Meilisearch avec son portail");
    expect(enginesOnFolder(dbPath)).toEqual([]);

    // Meanwhile: a change the portal had no time to index (its job left in the outbox), and an
    // engine on the folder that no watchdog ties to anything (as a run before this fix left).
    let db = createPrismaClient(`file:${path.join(dataDir, "portail.db")}`);
    const target = await db.association.findFirstOrThrow({ where: { status: "validated" }, orderBy: { name: "desc" } });
    await db.$transaction([
      db.association.update({ where: { id: target.id }, data: { status: "refused" } }),
      db.searchSyncJob.create({ data: { associationId: target.id } }),
    ]);
    const port = await freePort();
    leftover = spawn(
      bundledBinaryPath(),
      ["--db-path", dbPath, "--http-addr", `127.0.0.1:${port}`, "--no-analytics", "--master-key", masterKey],
      {
        stdio: "ignore",
        detached: true,
      },
    );
    await waitForHealthy(`http://127.0.0.1:${port}`, 30_000, leftover);
    // Closed while the portal migrates its database on start-up.
    await db.$disconnect();

    const second = await startPortal({ dataDir, env: { MEILI_MASTER_KEY: masterKey } });
    portal = second;
    await waitUntil(async () => (await health(second)).status === "ok", 60_000, "second démarrage en bonne santé");
    expect(isAlive(leftover.pid!)).toBe(false);
    expect(second.output()).toContain(`Meilisearch resté actif sur ce dossier (pid ${leftover.pid})`);
    const engines = enginesOnFolder(dbPath);
    expect(engines).toHaveLength(1);
    expect(engines[0].ppid).toBe(second.child.pid);

    db = createPrismaClient(`file:${path.join(dataDir, "portail.db")}`);
    const { host } = JSON.parse(readFileSync(path.join(dataDir, "meili-running.json"), "utf8")) as { host: string };
    const { expected, indexed } = await indexAndDatabase(db, host, masterKey);
    expect(indexed.has(target.id)).toBe(false);
    expect(indexed.size).toBe(expected.length);
    for (const doc of expected) expect(indexed.get(doc.id)).toEqual(doc);
    expect(await db.searchSyncJob.count({ where: { doneAt: null } })).toBe(0);
    await db.$disconnect();
  });
});
