// Keeps the index true to the database. A change writes a SearchSyncJob in its own
// transaction (the outbox); the job is marked done only when Meilisearch confirms.
import type { Db } from "../app/db.server";
import { associationDocumentSelect, toAssociationDocument, type AssociationDocument } from "./document";
import { applyIndexSettings, deleteDocuments, dropIndex, swapIndexes, upsertDocuments, type SearchClient } from "./engine";
import { indexName } from "./settings";

type Tx = Pick<Db, "searchSyncJob">;

export async function enqueueSearchSync(tx: Tx, associationIds: string[]) {
  if (associationIds.length === 0) return;
  await tx.searchSyncJob.createMany({ data: associationIds.map((associationId) => ({ associationId })) });
}

const SQL_IN_LIMIT = 500;

export async function currentCharterVersionId(db: Db): Promise<string | null> {
  const version = await db.charterVersion.findFirst({
    where: { publishedAt: { not: null } },
    orderBy: { version: "desc" },
    select: { id: true },
  });
  return version?.id ?? null;
}

/** Documents for these validated associations (all of them when ids is undefined), in id order. */
export async function loadDocuments(
  db: Db,
  options: { ids?: string[]; skip?: number; take?: number } = {},
): Promise<AssociationDocument[]> {
  const rows = await db.association.findMany({
    where: { status: "validated", ...(options.ids ? { id: { in: options.ids } } : {}) },
    select: associationDocumentSelect,
    orderBy: { id: "asc" },
    skip: options.skip,
    take: options.take,
  });
  const versionId = await currentCharterVersionId(db);
  const signers = new Set<string>();
  // SQLite caps the number of bound parameters: ask in slices.
  for (let i = 0; versionId && i < rows.length; i += SQL_IN_LIMIT) {
    const slice = rows.slice(i, i + SQL_IN_LIMIT).map((r) => r.id);
    const signatures = await db.charterSignature.findMany({
      where: { versionId, associationId: { in: slice } },
      select: { associationId: true },
    });
    for (const s of signatures) signers.add(s.associationId);
  }
  return rows.map((row) => toAssociationDocument(row, signers.has(row.id)));
}

/** Brings these associations' documents in line with the database: upsert the public ones, delete the rest. */
export async function syncAssociations(db: Db, client: SearchClient, associationIds: string[]) {
  const unique = [...new Set(associationIds)];
  const documents = await loadDocuments(db, { ids: unique });
  const publicIds = new Set(documents.map((d) => d.id));
  await upsertDocuments(client, documents);
  await deleteDocuments(
    client,
    unique.filter((id) => !publicIds.has(id)),
  );
}

/**
 * Replays pending jobs. Returns how many associations were synced; on failure the jobs
 * stay pending with the error recorded, to be retried on the next run.
 */
export async function processSearchOutbox(db: Db, client: SearchClient, { limit = 500 } = {}) {
  const jobs = await db.searchSyncJob.findMany({
    where: { doneAt: null },
    orderBy: { createdAt: "asc" },
    take: limit,
    select: { id: true, associationId: true },
  });
  if (jobs.length === 0) return { synced: 0, failed: 0 };
  const ids = [...new Set(jobs.map((j) => j.associationId))];
  const jobIds = jobs.map((j) => j.id);
  try {
    await syncAssociations(db, client, ids);
    await db.searchSyncJob.updateMany({ where: { id: { in: jobIds } }, data: { doneAt: new Date() } });
    return { synced: ids.length, failed: 0 };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.searchSyncJob.updateMany({
      where: { id: { in: jobIds } },
      data: { attempts: { increment: 1 }, lastError: message.slice(0, 500) },
    });
    return { synced: 0, failed: ids.length, error: message };
  }
}

/** Syncs just these associations' pending jobs, right now (a save waits on this). */
export async function flushSearchSync(db: Db, client: SearchClient, associationIds: string[]) {
  const jobs = await db.searchSyncJob.findMany({
    where: { doneAt: null, associationId: { in: associationIds } },
    select: { id: true },
  });
  await syncAssociations(db, client, associationIds);
  await db.searchSyncJob.updateMany({ where: { id: { in: jobs.map((j) => j.id) } }, data: { doneAt: new Date() } });
}

export async function pendingSearchJobs(db: Db) {
  return db.searchSyncJob.count({ where: { doneAt: null } });
}

/**
 * Rebuilds the whole directory index from the database into a fresh index, then swaps
 * it in: searches keep answering from the old index until the new one is complete.
 */
export async function reindexAll(
  db: Db,
  client: SearchClient,
  { batchSize = 1000, onProgress }: { batchSize?: number; onProgress?: (done: number, total: number) => void | Promise<void> } = {},
) {
  const live = indexName();
  const fresh = `${live}_rebuild`;
  const startedAt = new Date();
  await dropIndex(client, fresh);
  await applyIndexSettings(client, live);
  await applyIndexSettings(client, fresh);
  const total = await db.association.count({ where: { status: "validated" } });
  let done = 0;
  await onProgress?.(0, total);
  for (let skip = 0; skip < total; skip += batchSize) {
    const documents = await loadDocuments(db, { skip, take: batchSize });
    await upsertDocuments(client, documents, fresh);
    done += documents.length;
    await onProgress?.(done, total);
  }
  await swapIndexes(client, live, fresh);
  await dropIndex(client, fresh);
  // A save during the rebuild went to the old live index, and its batch may have been read before it (or before its
  // transaction committed): sync again, into the index now live, every association saved since the rebuild began or
  // still pending, from the database as it is now.
  const touched = await db.searchSyncJob.findMany({
    where: { OR: [{ createdAt: { gte: startedAt } }, { doneAt: { gte: startedAt } }, { doneAt: null }] },
    select: { id: true, associationId: true, doneAt: true },
  });
  const resync = [...new Set(touched.map((j) => j.associationId))];
  // In slices: SQLite bounds the parameters of one query.
  for (let i = 0; i < resync.length; i += 500) await syncAssociations(db, client, resync.slice(i, i + 500));
  const pending = touched.filter((j) => j.doneAt === null).map((j) => j.id);
  if (pending.length) await db.searchSyncJob.updateMany({ where: { id: { in: pending } }, data: { doneAt: new Date() } });
  return { indexed: done };
}

/**
 * Brings a (re)started or newly reachable engine in line with the database: settings applied,
 * the index rebuilt when its count differs from the database, else every pending job replayed.
 */
export async function ensureSearchIndex(db: Db, client: SearchClient, log: (message: string) => void = () => {}) {
  await applyIndexSettings(client);
  const indexed = (await client.index(indexName()).getStats()).numberOfDocuments;
  const expected = await db.association.count({ where: { status: "validated" } });
  if (indexed !== expected) {
    log(`Indexation de l'annuaire (${expected} associations, ${indexed} dans l'index)…`);
    await reindexAll(db, client);
  }
  for (;;) {
    const run = await processSearchOutbox(db, client);
    if (run.failed) throw new Error(run.error);
    if (run.synced === 0) return { rebuilt: indexed !== expected };
  }
}
