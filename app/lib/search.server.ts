// The app's handle on the search server, configured by MEILI_HOST / MEILI_MASTER_KEY
// (set by server/start.ts when it starts the bundled Meilisearch, whose address may change
// when its supervisor restarts it: the shared engine status has the current one).
import { createSearchClient, type SearchClient } from "../../search/engine";
import { searchEngineStatus } from "../../search/engine-status";
import { getEnv } from "~/env.server";

let client: SearchClient | null = null;
let clientKey = "";

/** The engine itself, whatever its state (health checks, the index check after a restart). */
export function getSearchEngineClient(): SearchClient | null {
  const { MEILI_HOST, MEILI_MASTER_KEY } = getEnv();
  const host = searchEngineStatus()?.host || MEILI_HOST;
  if (!host) return null;
  const key = `${host}|${MEILI_MASTER_KEY ?? ""}`;
  if (!client || key !== clientKey) {
    client = createSearchClient({ host, apiKey: MEILI_MASTER_KEY });
    clientKey = key;
  }
  return client;
}

/**
 * The engine for searches and saves: null while it is down or its index is being checked
 * after a (re)start, so the directory answers from the database and saves stay in the outbox.
 */
export function getSearchClient(): SearchClient | null {
  const status = searchEngineStatus();
  if (status && !status.indexReady) return null;
  return getSearchEngineClient();
}
