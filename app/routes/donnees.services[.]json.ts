// Open data: the directory's services in the data·inclusion schema v1 (JSON array).
import { directoryOpenData } from "~/associations/data-inclusion.server";
import { openDataFile } from "~/open-data/responses.server";

export async function loader() {
  const { services } = await directoryOpenData();
  return openDataFile(JSON.stringify(services), "services.json", "application/json; charset=utf-8");
}
