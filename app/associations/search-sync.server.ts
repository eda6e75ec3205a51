// Every change that touches what the directory shows goes through the search outbox.
import { flushSearchSync } from "../../search/sync";
import { prisma } from "~/db.server";
import { getSearchClient } from "~/lib/search.server";

/**
 * Makes the index reflect the database for these associations now; if Meilisearch is
 * unreachable the outbox keeps the job and the background retry replays it.
 */
export async function syncSearchNow(associationIds: string[]): Promise<"synced" | "pending"> {
  const client = getSearchClient();
  if (!client) return "pending";
  try {
    await flushSearchSync(prisma, client, associationIds);
    return "synced";
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.warn(`Indexation différée pour ${associationIds.join(", ")} : ${message}`);
    await prisma.searchSyncJob.updateMany({
      where: { doneAt: null, associationId: { in: associationIds } },
      data: { attempts: { increment: 1 }, lastError: message.slice(0, 500) },
    });
    return "pending";
  }
}
