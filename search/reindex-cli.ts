// `npm run search:reindex`: rebuilds the directory index from the database, with progress.
// Uses MEILI_HOST / MEILI_MASTER_KEY when set; otherwise starts the bundled server on the
// portal's data folder for the time of the rebuild (stop the portal first in that case).
import { getEnv, setEnv } from "../app/env.server";
import { startBundledMeilisearch, type RunningMeilisearch } from "./server-process";

async function main() {
  const env = getEnv();
  setEnv({ DATABASE_URL: env.DATABASE_URL });
  let meili: RunningMeilisearch | null = null;
  if (!env.MEILI_HOST) {
    meili = await startBundledMeilisearch({ dataDir: env.DATA_DIR, masterKey: env.MEILI_MASTER_KEY });
    setEnv({ MEILI_HOST: meili.host, MEILI_MASTER_KEY: meili.masterKey });
  }
  try {
    const { prisma } = await import("../app/db.server");
    const { getSearchClient } = await import("../app/lib/search.server");
    const { reindexAll } = await import("./sync");
    const started = Date.now();
    const width = 30;
    const { indexed } = await reindexAll(prisma, getSearchClient()!, {
      onProgress: (done, total) => {
        const ratio = total === 0 ? 1 : done / total;
        const bar = "█".repeat(Math.round(ratio * width)).padEnd(width, "░");
        process.stdout.write(`\rRéindexation de l'annuaire ${bar} ${done}/${total}`);
      },
    });
    process.stdout.write(`\n${indexed} associations indexées en ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
  } finally {
    await meili?.stop();
  }
}

main().catch((error) => {
  console.error(`\nRéindexation impossible : ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
