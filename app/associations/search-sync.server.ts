// Every change that touches what the directory shows goes through the search outbox.
import { flushSearchSync } from "../../search/sync";
import { prisma } from "~/db.server";
import { announcePublicChange } from "~/lib/public-changes.server";
import { getSearchClient } from "~/lib/search.server";

export type SearchSyncOutcome = "synced" | "pending";

/**
 * Makes the index reflect the database for these associations now; if Meilisearch is
 * unreachable the outbox keeps the job and the background retry replays it.
 */
export async function syncSearchNow(associationIds: string[]): Promise<SearchSyncOutcome> {
  const client = getSearchClient();
  if (!client) return "pending";
  try {
    await flushSearchSync(prisma, client, associationIds);
    return "synced";
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.warn(`Indexation différée pour ${associationIds.join(", ")} : ${message}`);
    await prisma.searchSyncJob
      .updateMany({
        where: { doneAt: null, associationId: { in: associationIds } },
        data: { attempts: { increment: 1 }, lastError: message.slice(0, 500) },
      })
      .catch(() => {});
    return "pending";
  }
}

// How long a person's save waits for the engine before answering (the sync goes on after).
export const SAVE_WAITS_FOR_SEARCH_MS = 100;

/**
 * For a save a person waits on (a profile, a signature, a validation): the change is committed and
 * its job in the outbox, so the answer does not wait for Meilisearch's task (~1.5 s under load). The
 * sync starts at once and the answer waits at most `waitMs` for it: "synced" if it was that quick,
 * else "pending" while it finishes in the background (the outbox's retry takes over if it fails).
 */
export async function syncSearchSoon(associationIds: string[], waitMs = SAVE_WAITS_FOR_SEARCH_MS): Promise<SearchSyncOutcome> {
  const sync = syncSearchNow(associationIds);
  inFlight.add(sync);
  void sync.finally(() => inFlight.delete(sync));
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<SearchSyncOutcome>((resolve) => {
    timer = setTimeout(() => resolve("pending"), waitMs);
  });
  try {
    const outcome = await Promise.race([sync, late]);
    // Pages rendered meanwhile (and cached) showed the index before the change.
    if (outcome === "pending") void sync.then((ended) => ended === "synced" && announcePublicChange());
    return outcome;
  } finally {
    clearTimeout(timer);
  }
}

const inFlight = new Set<Promise<SearchSyncOutcome>>();

/** Resolves once every sync started by syncSearchSoon in this process has ended (tests, shutdown). */
export async function searchSyncSettled() {
  while (inFlight.size) await Promise.allSettled([...inFlight]);
}
