// The app's handle on the search server, configured by MEILI_HOST / MEILI_MASTER_KEY
// (set by server/start.ts when it starts the bundled Meilisearch).
import { createSearchClient, type SearchClient } from "../search/engine";
import { getEnv } from "~/env.server";

let client: SearchClient | null = null;
let clientKey = "";

export function getSearchClient(): SearchClient | null {
  const { MEILI_HOST, MEILI_MASTER_KEY } = getEnv();
  if (!MEILI_HOST) return null;
  const key = `${MEILI_HOST}|${MEILI_MASTER_KEY ?? ""}`;
  if (!client || key !== clientKey) {
    client = createSearchClient({ host: MEILI_HOST, apiKey: MEILI_MASTER_KEY });
    clientKey = key;
  }
  return client;
}
