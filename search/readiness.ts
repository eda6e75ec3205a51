// Whether the directory may search Meilisearch: after the engine (re)starts or comes back,
// its settings are applied and its index checked against the database first (ensureSearchIndex);
// until then the directory answers from the database. Run at start-up and by a background job.
import type { Db } from "../app/db.server";
import { isSearchHealthy, type SearchClient } from "./engine";
import { engineChanged, searchEngineStatus, updateSearchEngineStatus } from "./engine-status";
import { indexName } from "./settings";
import { ensureSearchIndex } from "./sync";

let countMismatches = 0;

async function indexCountDiffers(db: Db, client: SearchClient) {
  if ((await db.searchSyncJob.count({ where: { doneAt: null } })) > 0) return false;
  const expected = await db.association.count({ where: { status: "validated" } });
  const indexed = await client
    .index(indexName())
    .getStats()
    .then((stats) => stats.numberOfDocuments)
    .catch(() => -1);
  return indexed !== expected;
}

export async function checkSearchEngine(db: Db, client: SearchClient | null, log: (message: string) => void) {
  const status = searchEngineStatus();
  if (!status || !client) return;
  // A bundled engine that is restarting is its supervisor's business.
  if (status.kind === "bundled" && status.state !== "running") return;
  if (!(await isSearchHealthy(client))) {
    if (status.kind === "external" && status.state !== "unreachable") {
      log(`Meilisearch injoignable (${status.host}) : l'annuaire répond depuis la base de données ; l'index sera vérifié à son retour.`);
      engineChanged({ state: "unreachable" });
    }
    return;
  }
  if (status.state === "unreachable" || status.state === "starting") {
    if (status.state === "unreachable") log(`Meilisearch de nouveau joignable (${status.host}).`);
    updateSearchEngineStatus({ state: "running" });
  }
  if (status.indexReady) {
    // An engine restarted between two checks, and empty (a container without its volume): its
    // count no longer matches the database while nothing is pending. Twice in a row, not a save in flight.
    countMismatches = (await indexCountDiffers(db, client)) ? countMismatches + 1 : 0;
    if (countMismatches < 2) return;
    countMismatches = 0;
    log("L'index de l'annuaire ne correspond plus à la base de données : vérification.");
    engineChanged({});
  }
  const generation = searchEngineStatus()!.generation;
  const { rebuilt } = await ensureSearchIndex(db, client, log);
  if (searchEngineStatus()?.generation !== generation) return;
  updateSearchEngineStatus({ indexReady: true });
  log(
    rebuilt
      ? "Index de l'annuaire reconstruit : la recherche passe de nouveau par Meilisearch."
      : "Index de l'annuaire à jour : la recherche passe par Meilisearch.",
  );
}
