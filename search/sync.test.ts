// The full reindex at a size past SQLite's bound-parameter limit, with the charter badge right.
import { describe, expect, it } from "vitest";
import { buildAssociation, createRng, insertAssociations } from "../prisma/factories/association";

const { prisma } = await import("../app/db.server");
const { getSearchClient } = await import("../app/lib/search.server");
const { flushSearchSync, RebuildUnderwayError, rebuildIndexName, reindexAll, REBUILD_LEASE } = await import("./sync");
const { indexName } = await import("./settings");
const { getDocument } = await import("./engine");

// Rebuilds wait on many engine tasks, queued behind those of every other test file on the shared engine.
describe("full reindex", { timeout: 120_000 }, () => {
  it("indexes 1 200 associations in batches and marks the current charter's signatories", async () => {
    const rng = createRng(7);
    const ids = await insertAssociations(
      prisma,
      Array.from({ length: 1200 }, (_, i) => buildAssociation(10_000 + i, rng)),
      1200,
    );
    const version = await prisma.charterVersion.create({
      data: { version: 1, title: "Charte", body: "Texte", sha256: "x", publishedAt: new Date() },
    });
    const signed = ids.filter((_, i) => i % 3 === 0);
    await prisma.charterSignature.createMany({
      data: signed.map((associationId) => ({
        versionId: version.id,
        associationId,
        userId: "u",
        signerName: "n",
        signerRole: "r",
        ip: "127.0.0.1",
        userAgent: "ua",
        textSha256: "x",
      })),
    });
    const client = getSearchClient()!;
    const { indexed } = await reindexAll(prisma, client, { batchSize: 1000 });
    expect(indexed).toBe(await prisma.association.count({ where: { status: "validated" } }));
    const signers = await client.index(indexName()).search("", { filter: "charterSigner = true", limit: 0 });
    expect(signers.estimatedTotalHits).toBe(signed.length);
  });

  it("keeps a save made while it runs, even one whose batch was already read", async () => {
    const rng = createRng(11);
    await insertAssociations(
      prisma,
      Array.from({ length: 30 }, (_, i) => buildAssociation(20_000 + i, rng)),
      30,
    );
    const client = getSearchClient()!;
    const [first] = await prisma.association.findMany({
      where: { status: "validated" },
      orderBy: { id: "asc" },
      take: 1,
      select: { id: true },
    });
    await reindexAll(prisma, client, {
      batchSize: 10,
      onProgress: async (done) => {
        if (done !== 10) return;
        // A profile saved as the portal saves it: the row and its job in one transaction, then synced at once.
        await prisma.$transaction([
          prisma.association.update({ where: { id: first.id }, data: { name: "Renommée pendant la reconstruction" } }),
          prisma.searchSyncJob.create({ data: { associationId: first.id } }),
        ]);
        await flushSearchSync(prisma, client, [first.id]);
      },
    });
    const document = await client.index(indexName()).getDocument(first.id);
    expect(document.name).toBe("Renommée pendant la reconstruction");
  });

  it("writes a save made while it runs into the index being built, so the swap never hides it", async () => {
    const rng = createRng(13);
    const [hidden] = await insertAssociations(prisma, [buildAssociation(30_000, rng, { status: "pending" })]);
    await insertAssociations(
      prisma,
      Array.from({ length: 20 }, (_, i) => buildAssociation(30_001 + i, rng)),
      20,
    );
    const client = getSearchClient()!;
    let inRebuild: unknown = null;
    await reindexAll(prisma, client, {
      batchSize: 10,
      onProgress: async (done) => {
        if (done !== 10) return;
        // Validated as the portal does it: the row and its job together, then synced at once.
        await prisma.$transaction([
          prisma.association.update({ where: { id: hidden }, data: { status: "validated", validatedAt: new Date() } }),
          prisma.searchSyncJob.create({ data: { associationId: hidden } }),
        ]);
        await flushSearchSync(prisma, client, [hidden]);
        inRebuild = await getDocument(client, hidden, rebuildIndexName());
      },
    });
    expect(inRebuild).toMatchObject({ id: hidden });
    expect(await getDocument(client, hidden)).toMatchObject({ id: hidden });
  });

  it("lets one process at a time rebuild: another's rebuild is refused while one runs, and runs after it", async () => {
    const rng = createRng(17);
    await insertAssociations(
      prisma,
      Array.from({ length: 20 }, (_, i) => buildAssociation(40_000 + i, rng)),
      20,
    );
    const client = getSearchClient()!;
    let refused: unknown = null;
    let indexDuringRefusal = -1;
    await reindexAll(prisma, client, {
      batchSize: 10,
      holder: "portail-a:1:a",
      onProgress: async (done) => {
        if (done !== 10) return;
        refused = await reindexAll(prisma, client, { holder: "portail-b:2:b" }).catch((error: unknown) => error);
        // The refused rebuild did not drop the index being built.
        indexDuringRefusal = (await client.index(rebuildIndexName()).getStats()).numberOfDocuments;
      },
    });
    expect(refused).toBeInstanceOf(RebuildUnderwayError);
    expect((refused as InstanceType<typeof RebuildUnderwayError>).holder).toBe("portail-a:1:a");
    expect(indexDuringRefusal).toBe(10);
    // Released at the end: the other process may rebuild now.
    const { indexed } = await reindexAll(prisma, client, { holder: "portail-b:2:b" });
    expect(indexed).toBe(await prisma.association.count({ where: { status: "validated" } }));
    expect(await prisma.jobLease.findUnique({ where: { name: REBUILD_LEASE } })).toMatchObject({ holder: "portail-b:2:b" });
  });
});
