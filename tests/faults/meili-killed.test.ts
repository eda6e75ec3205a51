// Meilisearch killed in the middle of a run of profile edits: every save still succeeds,
// the directory keeps answering from the database and says so, and once Meilisearch is
// back the pending re-indexes are replayed until the index equals the database, document
// by document.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startBundledMeilisearch, type RunningMeilisearch } from "../../search/server-process";

const root = path.resolve(`.tmp/faults-${process.pid}`);
const dataDir = path.join(root, "data");
const databaseUrl = `file:${path.join(dataDir, "portail.db")}`;
const masterKey = "faults-master-key-0123456789";
let meili: RunningMeilisearch;
let meiliPort: number;
let portal: ChildProcess;
let base: string;

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Délai dépassé : ${what}`);
}

beforeAll(async () => {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  meiliPort = await freePort();
  meili = await startBundledMeilisearch({ dataDir: path.join(root, "meili"), port: meiliPort, masterKey });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  portal = spawn(process.execPath, ["--import", "tsx", "server/start.ts"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: base,
      MEILI_HOST: meili.host,
      MEILI_MASTER_KEY: masterKey,
      SEED_DEMO: "1",
      BUILD_DIR: ".tmp/build-faults",
    },
  });
  await waitUntil(async () => (await fetch(`${base}/healthz`)).ok, 240_000, "démarrage du portail");
  process.env.DATABASE_URL = databaseUrl;
  process.env.DATA_DIR = dataDir;
});

afterAll(async () => {
  portal?.kill("SIGTERM");
  await meili?.stop();
});

describe("Meilisearch killed during profile edits", () => {
  it("loses no save and no re-index", async () => {
    const { createPrismaClient } = await import("../../app/db.server");
    const db = createPrismaClient(databaseUrl);
    const targets = await db.association.findMany({
      where: { status: "validated" },
      take: 12,
      orderBy: { name: "asc" },
      include: { fields: true, publics: true },
    });
    const user = await db.user.findUniqueOrThrow({ where: { email: "admin@ccas-besancon.test" } });
    // A member of every target association, signed in with a session made directly.
    const sessionId = randomBytes(20).toString("hex");
    await db.session.create({ data: { id: sessionId, userId: user.id, expiresAt: new Date(Date.now() + 3600_000) } });
    for (const a of targets) await db.membership.create({ data: { userId: user.id, associationId: a.id } });

    const edit = async (a: (typeof targets)[number], word: string) => {
      const form = new URLSearchParams({
        name: a.name,
        socialObject: `${a.socialObject} ${word}`,
        address: a.address,
        postcode: a.postcode,
        city: a.city,
        district: a.district,
      });
      for (const f of a.fields) form.append("fields", f.slug);
      for (const p of a.publics) form.append("publics", p.slug);
      const response = await fetch(`${base}/espace/associations/${a.id}/profil`, {
        method: "POST",
        body: form,
        redirect: "manual",
        headers: { Origin: base, Cookie: `ccas_session=${sessionId}`, "Content-Type": "application/x-www-form-urlencoded" },
      });
      return response.status;
    };

    // Random 12-letter words: far enough apart that typo tolerance never confuses two of them.
    const words = targets.map(() => [...randomBytes(12)].map((b) => String.fromCharCode(97 + (b % 26))).join(""));
    for (let i = 0; i < 4; i++) expect(await edit(targets[i], words[i])).toBe(302);

    meili.child.kill("SIGKILL");
    await new Promise((r) => meili.child.once("exit", r));

    for (let i = 4; i < targets.length; i++) expect(await edit(targets[i], words[i])).toBe(302);
    for (let i = 0; i < targets.length; i++) {
      const saved = await db.association.findUniqueOrThrow({ where: { id: targets[i].id } });
      expect(saved.socialObject).toContain(words[i]);
    }
    expect(await db.searchSyncJob.count({ where: { doneAt: null } })).toBeGreaterThanOrEqual(targets.length - 4);

    // The directory still answers, from the database, and says so.
    const page = await (await fetch(`${base}/annuaire?q=${words[6]}`)).text();
    expect(page).toContain("recherche simplifiée");
    expect(page).toContain(targets[6].name.replace(/'/g, "&#x27;"));
    const api = (await (await fetch(`${base}/api/associations?q=${words[6]}`)).json()) as { engine: string; total: number };
    expect(api).toMatchObject({ engine: "database", total: 1 });
    expect((await fetch(`${base}/healthz`)).status).toBe(503);

    // Back on the same port and data: the background job replays what is pending.
    meili = await startBundledMeilisearch({ dataDir: path.join(root, "meili"), port: meiliPort, masterKey });
    await waitUntil(async () => (await db.searchSyncJob.count({ where: { doneAt: null } })) === 0, 60_000, "rejeu des réindexations");

    const { createSearchClient } = await import("../../search/engine");
    const { loadDocuments } = await import("../../search/sync");
    const { indexName } = await import("../../search/settings");
    const client = createSearchClient({ host: meili.host, apiKey: masterKey });
    const expected = await loadDocuments(db);
    const { results } = await client.index(indexName("")).getDocuments({ limit: 10_000 });
    const indexed = new Map(results.map((d) => [d.id as string, d]));
    expect(indexed.size).toBe(expected.length);
    for (const doc of expected) expect(indexed.get(doc.id)).toEqual(doc);
    for (let i = 0; i < targets.length; i++) {
      const found = (await (await fetch(`${base}/api/associations?q=${words[i]}`)).json()) as { engine: string; total: number };
      expect(found).toMatchObject({ engine: "meilisearch", total: 1 });
    }
    await db.$disconnect();
  });
});
