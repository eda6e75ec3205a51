// Meilisearch killed in the middle of a run of profile edits: every save still succeeds,
// the directory keeps answering from the database and says so, and once Meilisearch is
// back the pending re-indexes are replayed until the index equals the database, document
// by document.
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

const root = path.resolve(`.tmp/faults-${process.pid}`);
const dataDir = path.join(root, "data");
const databaseUrl = `file:${path.join(dataDir, "portail.db")}`;
const masterKey = FAULTS_MASTER_KEY;
let meili: RunningMeilisearch;
let meiliPort: number;
let portal: Portal;

beforeAll(async () => {
  rmSync(root, { recursive: true, force: true });
  meiliPort = await freePort();
  meili = await startBundledMeilisearch({ dataDir: path.join(root, "meili"), port: meiliPort, masterKey });
  portal = await startPortal({ dataDir, env: { MEILI_HOST: meili.host, MEILI_MASTER_KEY: masterKey } });
  await waitUntil(async () => (await health(portal)).status === "ok", 60_000, "portail en bonne santé");
});

afterAll(async () => {
  await portal?.stop();
  await meili?.stop();
  rmSync(root, { recursive: true, force: true });
});

describe("Meilisearch killed during profile edits", () => {
  it("loses no save and no re-index", async () => {
    const { createPrismaClient } = await import("../../app/db.server");
    const db = createPrismaClient(databaseUrl);
    const targets = await editableAssociations(db, 12);
    const sessionId = await memberSession(
      db,
      targets.map((a) => a.id),
    );
    const words = targets.map(() => randomWord());
    for (let i = 0; i < 4; i++) expect(await editProfile(portal, sessionId, targets[i], words[i])).toBe(302);

    meili.child.kill("SIGKILL");
    await meili.exited;

    for (let i = 4; i < targets.length; i++) expect(await editProfile(portal, sessionId, targets[i], words[i])).toBe(302);
    for (let i = 0; i < targets.length; i++) {
      const saved = await db.association.findUniqueOrThrow({ where: { id: targets[i].id } });
      expect(saved.socialObject).toContain(words[i]);
    }
    expect(await db.searchSyncJob.count({ where: { doneAt: null } })).toBeGreaterThanOrEqual(targets.length - 4);

    // The directory still answers, from the database, and says so.
    const page = await (await fetch(`${portal.base}/annuaire?q=${words[6]}`)).text();
    expect(page).toContain("recherche simplifiée");
    expect(page).toContain(targets[6].name.replace(/'/g, "&#x27;"));
    const api = (await (await fetch(`${portal.base}/api/associations?q=${words[6]}`)).json()) as { engine: string; total: number };
    expect(api).toMatchObject({ engine: "database", total: 1 });
    expect((await fetch(`${portal.base}/healthz`)).status).toBe(503);

    // Back on the same port and data: the background jobs notice it and replay what is pending.
    meili = await startBundledMeilisearch({ dataDir: path.join(root, "meili"), port: meiliPort, masterKey });
    await waitUntil(
      async () => (await health(portal)).status === "ok" && (await db.searchSyncJob.count({ where: { doneAt: null } })) === 0,
      60_000,
      "rejeu des réindexations",
    );

    const { expected, indexed } = await indexAndDatabase(db, meili.host, masterKey);
    expect(indexed.size).toBe(expected.length);
    for (const doc of expected) expect(indexed.get(doc.id)).toEqual(doc);
    for (let i = 0; i < targets.length; i++) {
      const found = (await (await fetch(`${portal.base}/api/associations?q=${words[i]}`)).json()) as { engine: string; total: number };
      expect(found).toMatchObject({ engine: "meilisearch", total: 1 });
    }
    await db.$disconnect();
  });
});
