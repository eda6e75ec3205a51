// Open data: the directory's structures in the data·inclusion schema v1 (JSON array).
import { directoryOpenData } from "~/associations/data-inclusion.server";
import { openDataFile } from "~/open-data/responses.server";

export async function loader() {
  const { structures } = await directoryOpenData();
  return openDataFile(JSON.stringify(structures), "structures.json", "application/json; charset=utf-8");
}
