// Backup and restore round trip: real SQLite database, real files, real Meilisearch dump.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createAssociation } from "../prisma/factories/association";
import { startBundledMeilisearch } from "../search/server-process";
import { createBackup, restoreBackup } from "./backup";

const { prisma, sqlitePath } = await import("../app/db.server");
const { getEnv } = await import("../app/env.server");
const { createSearchClient, applyIndexSettings, upsertDocuments } = await import("../search/engine");
const { loadDocuments } = await import("../search/sync");

const env = getEnv();
const root = path.join(env.DATA_DIR, "backup-test");
const meiliDir = path.join(root, "meili");
const meili = await startBundledMeilisearch({ dataDir: meiliDir, masterKey: "backup-test-master-key-0123" });

afterAll(async () => {
  await meili.stop();
});

describe("backup and restore", () => {
  it("brings back the database, the uploaded files and the search index as they were", async () => {
    const kept = await createAssociation(prisma, { name: "Association sauvegardée" });
    mkdirSync(env.UPLOAD_DIR, { recursive: true });
    writeFileSync(path.join(env.UPLOAD_DIR, "statuts-123.pdf"), "%PDF-1.4 contenu des statuts");
    const client = createSearchClient({ host: meili.host, apiKey: meili.masterKey });
    await applyIndexSettings(client, "associations");
    await upsertDocuments(client, await loadDocuments(prisma), "associations");

    const target = path.join(root, "sauvegarde");
    const manifest = await createBackup({
      databaseFile: sqlitePath(env.DATABASE_URL),
      uploadDir: env.UPLOAD_DIR,
      target,
      meili: { host: meili.host, apiKey: meili.masterKey, dumpDir: path.join(meiliDir, "meili-dumps") },
    });
    expect(manifest.counts.Association).toBeGreaterThan(0);
    expect(manifest.uploads).toBe(1);
    expect(manifest.meilisearchDump).toBe("meilisearch.dump");

    // Damage: rows deleted, a file lost, a file added.
    const countBefore = await prisma.association.count();
    await prisma.association.delete({ where: { id: kept.id } });
    writeFileSync(path.join(env.UPLOAD_DIR, "statuts-123.pdf"), "écrasé");
    writeFileSync(path.join(env.UPLOAD_DIR, "intrus.pdf"), "intrus");
    await prisma.$disconnect();

    const restoredDb = path.join(root, "restauree", "portail.db");
    const restoredUploads = path.join(root, "restauree", "uploads");
    const restoredMeili = path.join(root, "restauree", "meili", "meilisearch");
    restoreBackup({ folder: target, databaseFile: restoredDb, uploadDir: restoredUploads, meiliDbPath: restoredMeili });

    const { createPrismaClient } = await import("../app/db.server");
    const restored = createPrismaClient(`file:${restoredDb}`);
    expect(await restored.association.count()).toBe(countBefore);
    expect((await restored.association.findUnique({ where: { id: kept.id } }))?.name).toBe("Association sauvegardée");
    await restored.$disconnect();
    expect(readFileSync(path.join(restoredUploads, "statuts-123.pdf"), "utf8")).toBe("%PDF-1.4 contenu des statuts");
    expect(existsSync(path.join(restoredUploads, "intrus.pdf"))).toBe(false);

    // The bundled server imports the dump on its next start: the index equals the one saved.
    const second = await startBundledMeilisearch({ dataDir: path.join(root, "restauree", "meili"), masterKey: "backup-test-master-key-0123" });
    try {
      const restoredClient = createSearchClient({ host: second.host, apiKey: second.masterKey });
      const { results } = await restoredClient.index("associations").getDocuments({ limit: 1000 });
      expect(results.length).toBe(await validatedCountInRestoredDb());
      expect(results.map((d) => d.id)).toContain(kept.id);
    } finally {
      await second.stop();
    }
  });
});

async function validatedCountInRestoredDb() {
  const { createPrismaClient } = await import("../app/db.server");
  const db = createPrismaClient(`file:${path.join(root, "restauree", "portail.db")}`);
  const n = await db.association.count({ where: { status: "validated" } });
  await db.$disconnect();
  return n;
}
