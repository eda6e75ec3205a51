// Keeps the index true to the database. A change writes a SearchSyncJob in its own
// transaction (the outbox); the job is marked done only when Meilisearch confirms.
import type { Db } from "../app/db.server";
import { IN_DIRECTORY } from "../app/associations/directory-visibility";
import { currentCharterVersion } from "../app/charter/charter-status.server";
import { claimLease, leaseHolder, PROCESS_HOLDER, releaseLease, renewLease } from "../app/lib/job-lease.server";
import { listSynonymGroups } from "../app/settings/synonyms.server";
import { loadTaxonomy, type Taxonomy } from "../app/settings/taxonomy.server";
import { associationDocumentSelect, toAssociationDocument, type AssociationDocument } from "./document";
import { searchTextOf } from "./fallback-ranking";
import { applyIndexSettings, deleteDocuments, dropIndex, swapIndexes, upsertDocuments, type SearchClient } from "./engine";
import { indexName } from "./settings";

type Tx = Pick<Db, "searchSyncJob" | "$executeRaw">;

const SQL_IN_LIMIT = 500;

/**
 * Records, in the change's own transaction, that these associations must be synced: a job for the
 * engine (the outbox), and their fallback text (`searchText`) emptied, rebuilt before the fallback reads it.
 */
export async function enqueueSearchSync(tx: Tx, associationIds: string[]) {
  if (associationIds.length === 0) return;
  await tx.searchSyncJob.createMany({ data: associationIds.map((associationId) => ({ associationId })) });
  // Raw, so that the association's updatedAt (its public "last updated") does not move.
  for (const id of new Set(associationIds)) await tx.$executeRaw`UPDATE "Association" SET "searchText" = '' WHERE "id" = ${id}`;
}

/**
 * Rebuilds the fallback text of the directory's associations whose text is empty (changed since, or never
 * built): the database fallback calls it before it searches, and the engine's sync after its work.
 */
export async function refreshSearchText(db: Db, { ids }: { ids?: string[] } = {}) {
  let refreshed = 0;
  for (;;) {
    const stale = await db.association.findMany({
      where: { ...IN_DIRECTORY, searchText: "", ...(ids ? { id: { in: ids.slice(0, SQL_IN_LIMIT) } } : {}) },
      select: { id: true },
      take: SQL_IN_LIMIT,
    });
    if (stale.length === 0) return refreshed;
    const documents = await loadDocuments(db, { ids: stale.map((r) => r.id) });
    for (const doc of documents) {
      await db.$executeRaw`UPDATE "Association" SET "searchText" = ${searchTextOf(doc)} WHERE "id" = ${doc.id}`;
    }
    refreshed += documents.length;
    if (ids) ids = ids.slice(SQL_IN_LIMIT);
    if (ids?.length === 0 || documents.length < stale.length) return refreshed;
  }
}

/**
 * Documents for these associations of the directory (validated, not dissolved; all of them when ids
 * is undefined), in id order. The labels come from `taxonomy`, else from the database as it is now
 * (one read per call).
 */
export async function loadDocuments(
  db: Db,
  options: { ids?: string[]; skip?: number; take?: number; taxonomy?: Pick<Taxonomy, "label" | "find"> } = {},
): Promise<AssociationDocument[]> {
  const rows = await db.association.findMany({
    where: { ...IN_DIRECTORY, ...(options.ids ? { id: { in: options.ids } } : {}) },
    select: associationDocumentSelect,
    orderBy: { id: "asc" },
    skip: options.skip,
    take: options.take,
  });
  const versionId = (await currentCharterVersion(db))?.id ?? null;
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
  if (rows.length === 0) return [];
  const taxonomy = options.taxonomy ?? (await loadTaxonomy(db));
  return rows.map((row) => toAssociationDocument(row, signers.has(row.id), taxonomy));
}

/** The index a full rebuild fills before it is swapped in. */
export function rebuildIndexName() {
  return `${indexName()}_rebuild`;
}

async function indexExists(client: SearchClient, name: string) {
  return client
    .index(name)
    .getRawInfo()
    .then(() => true)
    .catch(() => false);
}

/**
 * Brings these associations' documents in line with the database: upsert the public ones, delete the rest.
 * While a rebuild runs (its index exists), into that index too: the swap then keeps what was saved meanwhile.
 */
export async function syncAssociations(db: Db, client: SearchClient, associationIds: string[]) {
  const targets = [indexName()];
  // A rebuild ending right after the check leaves a stray copy of the index; the next rebuild drops it first.
  if (await indexExists(client, rebuildIndexName())) targets.push(rebuildIndexName());
  await syncInto(db, client, associationIds, targets);
}

async function syncInto(db: Db, client: SearchClient, associationIds: string[], indexes: string[]) {
  const unique = [...new Set(associationIds)];
  // In slices: SQLite bounds the parameters of one query.
  for (let i = 0; i < unique.length; i += SQL_IN_LIMIT) {
    const slice = unique.slice(i, i + SQL_IN_LIMIT);
    const documents = await loadDocuments(db, { ids: slice });
    const publicIds = new Set(documents.map((d) => d.id));
    for (const name of indexes) {
      await upsertDocuments(client, documents, name);
      await deleteDocuments(
        client,
        slice.filter((id) => !publicIds.has(id)),
        name,
      );
    }
  }
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
    await refreshSearchText(db, { ids });
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
  await refreshSearchText(db, { ids: associationIds });
}

export async function pendingSearchJobs(db: Db) {
  return db.searchSyncJob.count({ where: { doneAt: null } });
}

/** The JobLease row that lets one process at a time rebuild the index (they would share `<index>_rebuild`). */
export const REBUILD_LEASE = "reconstruction de l'index";
// Renewed after every batch: a rebuild whose process died frees the lease this long after its last batch.
const REBUILD_LEASE_MS = 10 * 60_000;

/** Another process (or another rebuild in this one) is rebuilding the index. */
export class RebuildUnderwayError extends Error {
  constructor(readonly holder: string | null) {
    super(`une reconstruction de l'index de l'annuaire est déjà en cours (${holder ?? "autre processus"})`);
    this.name = "RebuildUnderwayError";
  }
}

/** Who is rebuilding the index now, or null. */
export function rebuildUnderway(db: Db) {
  return leaseHolder(db, REBUILD_LEASE);
}

type ReindexOptions = {
  batchSize?: number;
  onProgress?: (done: number, total: number) => void | Promise<void>;
  /** Who takes the rebuild lease (tests stand for two processes). */
  holder?: string;
};

/**
 * Rebuilds the whole directory index from the database into a fresh index, then swaps
 * it in: searches keep answering from the old index until the new one is complete.
 * One rebuild at a time across processes (the rebuild lease): throws RebuildUnderwayError otherwise.
 */
export async function reindexAll(db: Db, client: SearchClient, { holder = PROCESS_HOLDER, ...options }: ReindexOptions = {}) {
  const lease = () => ({ name: REBUILD_LEASE, holder, now: new Date(), forMs: REBUILD_LEASE_MS });
  if (!(await claimLease(db, lease()))) throw new RebuildUnderwayError(await rebuildUnderway(db));
  const keepLease = async () => {
    if (!(await renewLease(db, lease())))
      throw new Error("reconstruction de l'index interrompue : son bail a expiré et un autre processus l'a reprise");
  };
  try {
    return await rebuild(db, client, keepLease, options);
  } finally {
    await releaseLease(db, REBUILD_LEASE, holder).catch(() => {});
  }
}

async function rebuild(
  db: Db,
  client: SearchClient,
  keepLease: () => Promise<void>,
  { batchSize = 1000, onProgress }: Omit<ReindexOptions, "holder">,
) {
  const live = indexName();
  const fresh = rebuildIndexName();
  const startedAt = new Date();
  await dropIndex(client, fresh);
  const synonymGroups = await synonymGroupsOf(db);
  await applyIndexSettings(client, live, synonymGroups);
  // From here, every save is written to both indexes (syncAssociations).
  await applyIndexSettings(client, fresh, synonymGroups);
  const total = await db.association.count({ where: IN_DIRECTORY });
  let done = 0;
  await onProgress?.(0, total);
  for (let skip = 0; skip < total; skip += batchSize) {
    const documents = await loadDocuments(db, { skip, take: batchSize });
    await upsertDocuments(client, documents, fresh);
    done += documents.length;
    await keepLease();
    await onProgress?.(done, total);
  }
  // A batch read before a save committed may have overwritten what that save wrote: every association
  // saved since the rebuild began, or still pending, is synced again from the database as it is now,
  // into the new index before it goes live, and once more into the live one after (a save in between).
  const touched = await savedSince(db, startedAt);
  await syncInto(db, client, touched.associationIds, [fresh]);
  await keepLease();
  const swappedAt = new Date();
  await swapIndexes(client, live, fresh);
  await dropIndex(client, fresh);
  await syncInto(db, client, (await savedSince(db, swappedAt)).associationIds, [live]);
  if (touched.pendingJobIds.length)
    await db.searchSyncJob.updateMany({ where: { id: { in: touched.pendingJobIds } }, data: { doneAt: new Date() } });
  return { indexed: done };
}

/** The staff's synonym groups (SearchSynonym), as the engine's settings take them. */
export async function synonymGroupsOf(db: Db): Promise<string[][]> {
  return (await listSynonymGroups(db)).map((group) => group.terms);
}

async function savedSince(db: Db, since: Date) {
  const jobs = await db.searchSyncJob.findMany({
    where: { OR: [{ createdAt: { gte: since } }, { doneAt: { gte: since } }, { doneAt: null }] },
    select: { id: true, associationId: true, doneAt: true },
  });
  return {
    associationIds: [...new Set(jobs.map((j) => j.associationId))],
    pendingJobIds: jobs.filter((j) => j.doneAt === null).map((j) => j.id),
  };
}

/**
 * Brings a (re)started or newly reachable engine in line with the database: settings applied,
 * the index rebuilt when its count differs from the database, else every pending job replayed.
 */
export async function ensureSearchIndex(db: Db, client: SearchClient, log: (message: string) => void = () => {}) {
  await applyIndexSettings(client, indexName(), await synonymGroupsOf(db));
  const indexed = (await client.index(indexName()).getStats()).numberOfDocuments;
  const expected = await db.association.count({ where: IN_DIRECTORY });
  if (indexed !== expected) {
    // Another process's rebuild: said once by the caller, not announced as ours.
    const holder = await rebuildUnderway(db);
    if (holder) throw new RebuildUnderwayError(holder);
    log(`Indexation de l'annuaire (${expected} associations, ${indexed} dans l'index)…`);
    await reindexAll(db, client);
  }
  for (;;) {
    const run = await processSearchOutbox(db, client);
    if (run.failed) throw new Error(run.error);
    if (run.synced === 0) return { rebuilt: indexed !== expected };
  }
}
