// Whether the directory may search Meilisearch: after the engine (re)starts or comes back,
// its settings are applied and its index checked against the database first (ensureSearchIndex);
// until then the directory answers from the database. Run at start-up and by a background job.
import { IN_DIRECTORY } from "../app/associations/directory-visibility";
import type { Db } from "../app/db.server";
import { isSearchHealthy, type SearchClient } from "./engine";
import { engineChanged, searchEngineStatus, updateSearchEngineStatus } from "./engine-status";
import { indexName } from "./settings";
import { ensureSearchIndex, RebuildUnderwayError, rebuildUnderway, reindexAll } from "./sync";

let countMismatches = 0;
// Logged once while another process rebuilds the index this one waits for.
let waitingFor: string | null = null;

/** "lost": the index is gone or empty (an engine replaced without its data); "drift": some documents differ. */
async function indexDrift(db: Db, client: SearchClient): Promise<"none" | "drift" | "lost"> {
  if ((await db.searchSyncJob.count({ where: { doneAt: null } })) > 0) return "none";
  const expected = await db.association.count({ where: IN_DIRECTORY });
  const indexed = await client
    .index(indexName())
    .getStats()
    .then((stats) => stats.numberOfDocuments)
    .catch(() => -1);
  if (indexed === expected) return "none";
  return indexed <= 0 ? "lost" : "drift";
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
    const drift = await indexDrift(db, client);
    countMismatches = drift === "none" ? 0 : countMismatches + 1;
    if (countMismatches < 2) return;
    countMismatches = 0;
    if (drift === "drift") {
      // Another process is rebuilding it: its swap ends the drift.
      if (await rebuildUnderway(db)) return;
      // Same engine, a few documents off: rebuilt beside the live index, which keeps answering searches
      // (the database fallback is plainer: no typo tolerance, no ligature folding).
      log("L'index de l'annuaire ne correspond plus à la base de données : reconstruction, la recherche continue sur l'index actuel.");
      await reindexAll(db, client).catch((error) => {
        if (!(error instanceof RebuildUnderwayError)) throw error;
      });
      return;
    }
    log("L'index de l'annuaire est vide ou absent : l'annuaire répond depuis la base de données le temps de le reconstruire.");
    engineChanged({});
  }
  const generation = searchEngineStatus()!.generation;
  let rebuilt: boolean;
  try {
    ({ rebuilt } = await ensureSearchIndex(db, client, log));
  } catch (error) {
    if (!(error instanceof RebuildUnderwayError)) throw error;
    // Checked again on the next run, once the other process has swapped its index in.
    if (waitingFor !== error.holder)
      log(
        `Index de l'annuaire en cours de reconstruction par un autre processus (${error.holder ?? "inconnu"}) : l'annuaire répond depuis la base de données en attendant.`,
      );
    waitingFor = error.holder;
    return;
  }
  waitingFor = null;
  if (searchEngineStatus()?.generation !== generation) return;
  updateSearchEngineStatus({ indexReady: true });
  log(
    rebuilt
      ? "Index de l'annuaire reconstruit : la recherche passe de nouveau par Meilisearch."
      : "Index de l'annuaire à jour : la recherche passe par Meilisearch.",
  );
}
