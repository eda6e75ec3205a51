// An external Meilisearch (MEILI_HOST) down when the portal starts: the portal starts all the
// same, degraded (the directory searches the database and says so, saves are kept in the
// outbox); once the engine is up, empty, the settings are applied and the index rebuilt.
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../app/db.server";
import { freePort, startBundledMeilisearch, type RunningMeilisearch } from "../../search/server-process";
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

const root = path.resolve(`.tmp/faults-external-down-${process.pid}`);
const dataDir = path.join(root, "data");
const masterKey = FAULTS_MASTER_KEY;
let portal: Portal | undefined;
let meili: RunningMeilisearch | undefined;

afterAll(async () => {
  await portal?.stop();
  await meili?.stop();
  rmSync(root, { recursive: true, force: true });
});

describe("external Meilisearch down at start-up", () => {
  it("starts degraded, then rebuilds the index when the engine comes up", async () => {
    rmSync(root, { recursive: true, force: true });
    const meiliPort = await freePort();
    const host = `http://127.0.0.1:${meiliPort}`;
    portal = await startPortal({ dataDir, env: { MEILI_HOST: host, MEILI_MASTER_KEY: masterKey } });

    const degraded = await health(portal);
    expect(degraded).toMatchObject({
      status: "degraded",
      search: "down",
      searchEngine: { kind: "external", state: "unreachable", indexReady: false },
    });
    expect(portal.output()).toContain("Meilisearch injoignable");

    const db = createPrismaClient(`file:${path.join(dataDir, "portail.db")}`);
    const [target] = await editableAssociations(db, 1);
    const sessionId = await memberSession(db, [target.id]);
    const word = randomWord();
    expect(await editProfile(portal, sessionId, target, word)).toBe(302);
    const page = await (await fetch(`${portal.base}/annuaire?q=${word}`)).text();
    expect(page).toContain("recherche simplifiée");
    expect(await (await fetch(`${portal.base}/api/associations?q=${word}`)).json()).toMatchObject({ engine: "database", total: 1 });

    meili = await startBundledMeilisearch({ dataDir: path.join(root, "meili"), port: meiliPort, masterKey });
    await waitUntil(async () => (await health(portal!)).status === "ok", 60_000, "index reconstruit");
    expect((await health(portal)).searchEngine).toMatchObject({ state: "running", indexReady: true });
    expect(portal.output()).toContain("Index de l'annuaire reconstruit");

    const { expected, indexed } = await indexAndDatabase(db, host, masterKey);
    expect(indexed.size).toBe(expected.length);
    for (const doc of expected) expect(indexed.get(doc.id)).toEqual(doc);
    expect(await (await fetch(`${portal.base}/api/associations?q=${word}`)).json()).toMatchObject({ engine: "meilisearch", total: 1 });

    // Replaced at once by an empty engine (a container restarted without its volume), faster than
    // the portal's checks may notice it is gone: the index is rebuilt all the same.
    await meili.stop();
    meili = await startBundledMeilisearch({ dataDir: path.join(root, "meili-empty"), port: meiliPort, masterKey });
    await waitUntil(
      async () => {
        const { expected, indexed } = await indexAndDatabase(db, host, masterKey);
        return indexed.size === expected.length && (await health(portal!)).status === "ok";
      },
      60_000,
      "index reconstruit dans le moteur vide",
    );
    expect(await (await fetch(`${portal.base}/api/associations?q=${word}`)).json()).toMatchObject({ engine: "meilisearch", total: 1 });
    await db.$disconnect();
  });
});
