import { dataFolderHealth } from "~/data-folder-health.server";
import { prisma } from "~/db.server";
import { isSearchHealthy } from "../../search/engine";
import { getSearchClient } from "~/search.server";

export async function loader() {
  const database = await prisma
    .$queryRawUnsafe("SELECT 1")
    .then(() => "up" as const)
    .catch(() => "down" as const);
  const client = getSearchClient();
  const search = client && (await isSearchHealthy(client)) ? ("up" as const) : ("down" as const);
  const pendingReindex = database === "up" ? await prisma.searchSyncJob.count({ where: { doneAt: null } }) : null;
  const dataFolder = await dataFolderHealth();
  const ok = database === "up" && search === "up" && dataFolder.status === "ok";
  return Response.json(
    { status: ok ? "ok" : "degraded", database, search, pendingReindex, dataFolder },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
