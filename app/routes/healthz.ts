import { dataFolderHealth } from "~/lib/data-folder-health.server";
import { prisma } from "~/db.server";
import { isSearchHealthy } from "../../search/engine";
import { searchEngineStatus } from "../../search/engine-status";
import { getSearchEngineClient } from "~/lib/search.server";

export async function loader() {
  const database = await prisma
    .$queryRawUnsafe("SELECT 1")
    .then(() => "up" as const)
    .catch(() => "down" as const);
  const client = getSearchEngineClient();
  const search = client && (await isSearchHealthy(client)) ? ("up" as const) : ("down" as const);
  const pendingReindex = database === "up" ? await prisma.searchSyncJob.count({ where: { doneAt: null } }) : null;
  const dataFolder = await dataFolderHealth();
  // The supervisor's view (absent outside the portal's own start-up): the directory searches the
  // database until the engine's index has been checked after a (re)start.
  const status = searchEngineStatus();
  const searchEngine = status && {
    kind: status.kind,
    state: status.state,
    indexReady: status.indexReady,
    restarts: status.restarts,
    lastExitCode: status.lastExitCode,
    lastExitSignal: status.lastExitSignal,
    lastExitAt: status.lastExitAt,
  };
  const ok = database === "up" && search === "up" && (!status || status.indexReady) && dataFolder.status === "ok";
  return Response.json(
    { status: ok ? "ok" : "degraded", database, search, searchEngine, pendingReindex, dataFolder },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
