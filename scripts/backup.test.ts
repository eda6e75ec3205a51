// Backup and restore round trip: real database (SQLite's file, or PostgreSQL through pg_dump and
// pg_restore when the suite runs on PostgreSQL), real files, real Meilisearch dump, and the
// secrets: a link signed before the backup still verifies in the restored portal.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createAssociation } from "../prisma/factories/association";
import { createEvent, createRegistration } from "../prisma/factories/event";
import { startBundledMeilisearch } from "../search/server-process";
import { createDatabase, TEST_POSTGRESQL_URL } from "../tests/postgresql";
import { databaseProviderOf } from "../app/lib/database-provider";
import { collectSecrets, createBackup, restoreBackup } from "./backup";
import { findPostgresqlTool } from "./postgresql-dump";

const { prisma } = await import("../app/db.server");
const { getEnv } = await import("../app/env.server");
const { createSearchClient, applyIndexSettings, upsertDocuments } = await import("../search/engine");
const { loadDocuments } = await import("../search/sync");
const events = await import("../app/events/signed-links.server");

const env = getEnv();
const root = path.join(env.DATA_DIR, "backup-test");
const meiliDir = path.join(root, "meili");
const meili = await startBundledMeilisearch({ dataDir: meiliDir, masterKey: "backup-test-master-key-0123" });
const engine = databaseProviderOf(env.DATABASE_URL);
// What differs between the engines: the file in the backup, and where the restore goes
// (a SQLite file of the restored data folder; an empty PostgreSQL database of the cluster).
const restoredDir = path.join(root, "restauree");
const ENGINES = {
  sqlite: { file: "portail.db", restoredUrl: async () => `file:${path.join(restoredDir, "portail.db")}` },
  postgresql: {
    file: "portail.pgdump",
    restoredUrl: () => createDatabase(TEST_POSTGRESQL_URL!, `${process.env.TEST_DATABASE_PREFIX}restored_${Date.now().toString(36)}`),
  },
} as const;
const expected = ENGINES[engine];

afterAll(async () => {
  await meili.stop();
});

const mode = (file: string) => statSync(file).mode & 0o777;

function everyEntry(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? [full, ...everyEntry(full)] : [full];
  });
}

/**
 * Another process, as the restored portal would start: its data folder and database are the
 * restored ones and nothing else (no SESSION_SECRET in the environment). It checks the links
 * with the real event module.
 */
function verifyLinksIn(dataDir: string, databaseUrl: string, links: { cancellation: string; confirmation: string }) {
  const script = path.join(root, "verifier-liens.ts");
  writeFileSync(
    script,
    [
      `const events = { ...(await import(${JSON.stringify(path.resolve("app/events/signed-links.server.ts"))})), ...(await import(${JSON.stringify(path.resolve("app/events/cancelling.server.ts"))})) };`,
      `const [cancellation, confirmation] = process.argv.slice(2);`,
      `const registration = await events.getRegistrationForToken(cancellation);`,
      `console.log(JSON.stringify({ cancellation: events.verifyCancellation(cancellation), confirmation: events.verifyConfirmation(confirmation), name: registration?.name ?? null }));`,
    ].join("\n"),
  );
  const { SESSION_SECRET: _ignored, ...environment } = process.env;
  const run = spawnSync(process.execPath, ["--import", "tsx", script, links.cancellation, links.confirmation], {
    env: { ...environment, DATA_DIR: dataDir, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`Vérification impossible :\n${run.stderr}`);
  return JSON.parse(run.stdout.trim().split("\n").at(-1)!) as {
    cancellation: string | null;
    confirmation: string | null;
    name: string | null;
  };
}

describe(`backup and restore (${engine})`, () => {
  it("brings back the database, the uploaded files, the search index and the secrets: a link signed before still works", async () => {
    const kept = await createAssociation(prisma, { name: "Association sauvegardée" });
    mkdirSync(env.UPLOAD_DIR, { recursive: true });
    writeFileSync(path.join(env.UPLOAD_DIR, "statuts-123.pdf"), "%PDF-1.4 contenu des statuts");
    // Links sent before the backup: a cancellation link and a confirmation link (48 h).
    const event = await createEvent(prisma, { audience: "public", title: "Forum des solidarités" });
    const registration = await createRegistration(prisma, {
      eventId: event.id,
      name: "Camille Durand",
      email: "camille@exemple.test",
      status: "en_attente_confirmation",
    });
    const links = {
      cancellation: events.signCancellation(registration.id),
      confirmation: events.signConfirmation(registration.id, Date.now() + 48 * 3600_000),
    };
    const client = createSearchClient({ host: meili.host, apiKey: meili.masterKey });
    await applyIndexSettings(client, "associations");
    await upsertDocuments(client, await loadDocuments(prisma), "associations");

    const target = path.join(root, "sauvegarde");
    const manifest = await createBackup({
      databaseUrl: env.DATABASE_URL,
      uploadDir: env.UPLOAD_DIR,
      target,
      meili: { host: meili.host, apiKey: meili.masterKey, dumpDir: path.join(meiliDir, "meili-dumps") },
      secrets: collectSecrets(env.DATA_DIR, { "session-secret": env.SESSION_SECRET, "meili-master-key": meili.masterKey }),
    });
    expect(manifest.counts.Association).toBeGreaterThan(0);
    expect([manifest.engine, manifest.database]).toEqual([engine, expected.file]);
    expect(statSync(path.join(target, expected.file)).size).toBeGreaterThan(0);
    // It holds the secrets, and says so: owner only, a notice in the manifest and beside it.
    expect(manifest.secrets).toEqual(["session-secret", "meili-master-key"]);
    expect(manifest.notice).toMatch(/contient des secrets/);
    expect(readFileSync(path.join(target, "LISEZMOI.txt"), "utf8")).toMatch(/contient des secrets/);
    expect(readFileSync(path.join(target, "secrets", "session-secret"), "utf8").trim()).toBe(env.SESSION_SECRET);
    expect(mode(target)).toBe(0o700);
    for (const entry of everyEntry(target)) expect([entry, mode(entry)]).toEqual([entry, statSync(entry).isDirectory() ? 0o700 : 0o600]);
    expect(manifest.uploads).toBe(1);
    expect(manifest.meilisearchDump).toBe("meilisearch.dump");

    // Damage: rows deleted, a file lost, a file added.
    const countBefore = await prisma.association.count();
    await prisma.association.delete({ where: { id: kept.id } });
    writeFileSync(path.join(env.UPLOAD_DIR, "statuts-123.pdf"), "écrasé");
    writeFileSync(path.join(env.UPLOAD_DIR, "intrus.pdf"), "intrus");
    await prisma.$disconnect();

    const restoredUrl = await expected.restoredUrl();
    const restoredUploads = path.join(restoredDir, "uploads");
    const restoredMeili = path.join(restoredDir, "meili", "meilisearch");
    const restore = (databaseUrl: string) =>
      restoreBackup({ folder: target, dataDir: restoredDir, databaseUrl, uploadDir: restoredUploads, meiliDbPath: restoredMeili });
    if (engine === "postgresql") {
      // Only into an empty database: the portal's own (migrated, with rows) is refused, untouched.
      await expect(restore(env.DATABASE_URL)).rejects.toThrow(/La base cible n'est pas vide/);
    }
    await restore(restoredUrl);
    expect(mode(path.join(restoredDir, "session-secret"))).toBe(0o600);
    expect(mode(path.join(restoredDir, "meili-master-key"))).toBe(0o600);

    // The links sent before still work on the restored data folder; a forged one does not.
    expect(verifyLinksIn(restoredDir, restoredUrl, links)).toEqual({
      cancellation: registration.id,
      confirmation: registration.id,
      name: "Camille Durand",
    });
    const forged = {
      cancellation: `${registration.id}.${"A".repeat(43)}`,
      confirmation: links.confirmation.replace(/.$/, (c) => (c === "A" ? "B" : "A")),
    };
    expect(verifyLinksIn(restoredDir, restoredUrl, forged)).toEqual({ cancellation: null, confirmation: null, name: null });

    const { createPrismaClient } = await import("../app/db.server");
    const restored = createPrismaClient(restoredUrl, { poolSize: 2 });
    expect(await restored.association.count()).toBe(countBefore);
    expect(await restored.association.count()).toBe(manifest.counts.Association);
    expect(await restored.registration.count()).toBe(manifest.counts.Registration);
    expect((await restored.association.findUnique({ where: { id: kept.id } }))?.name).toBe("Association sauvegardée");
    await restored.$disconnect();
    expect(readFileSync(path.join(restoredUploads, "statuts-123.pdf"), "utf8")).toBe("%PDF-1.4 contenu des statuts");
    expect(existsSync(path.join(restoredUploads, "intrus.pdf"))).toBe(false);

    // The bundled server imports the dump on its next start: the index equals the one saved.
    const second = await startBundledMeilisearch({
      dataDir: path.join(root, "restauree", "meili"),
      masterKey: "backup-test-master-key-0123",
    });
    try {
      const restoredClient = createSearchClient({ host: second.host, apiKey: second.masterKey });
      const { results } = await restoredClient.index("associations").getDocuments({ limit: 1000 });
      expect(results.length).toBe(await validatedCountIn(restoredUrl));
      expect(results.map((d) => d.id)).toContain(kept.id);
    } finally {
      await second.stop();
    }
  }, 120_000);
});

async function validatedCountIn(databaseUrl: string) {
  const { createPrismaClient } = await import("../app/db.server");
  const db = createPrismaClient(databaseUrl, { poolSize: 2 });
  const n = await db.association.count({ where: { status: "validated" } });
  await db.$disconnect();
  return n;
}

describe("PostgreSQL's client programs", () => {
  it("are found on PATH, else under /usr/lib/postgresql/<version>/bin, and missing ones are named in French", () => {
    const bin = path.join(root, "bin-pg");
    mkdirSync(path.join(bin, "16", "bin"), { recursive: true });
    writeFileSync(path.join(bin, "16", "bin", "pg_dump"), "");
    mkdirSync(path.join(bin, "15", "bin"), { recursive: true });
    writeFileSync(path.join(bin, "15", "bin", "pg_dump"), "");
    expect(findPostgresqlTool("pg_dump", path.join(bin, "15", "bin"), path.join(bin, "absent"))).toBe(
      path.join(bin, "15", "bin", "pg_dump"),
    );
    expect(findPostgresqlTool("pg_dump", "", bin)).toBe(path.join(bin, "16", "bin", "pg_dump"));
    expect(() => findPostgresqlTool("pg_restore", "", bin)).toThrow(/pg_restore est introuvable.*apt-get install -y postgresql-client/);
  });
});
