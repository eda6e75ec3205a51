// Open data: the directory's services in the data·inclusion schema v1, as CSV (lists joined with ",").
import { SERVICE_COLUMNS, dataInclusionCsv, directoryOpenData } from "~/associations/data-inclusion.server";
import { openDataFile } from "~/open-data/responses.server";

export async function loader() {
  const { services } = await directoryOpenData();
  return openDataFile(dataInclusionCsv(SERVICE_COLUMNS, services), "services.csv", "text/csv; charset=utf-8");
}
