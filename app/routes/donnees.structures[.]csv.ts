// Open data: the directory's structures in the data·inclusion schema v1, as CSV (lists joined with ",").
import { STRUCTURE_COLUMNS, dataInclusionCsv, directoryOpenData } from "~/associations/data-inclusion.server";
import { openDataFile } from "~/open-data/responses.server";

export async function loader() {
  const { structures } = await directoryOpenData();
  return openDataFile(dataInclusionCsv(STRUCTURE_COLUMNS, structures), "structures.csv", "text/csv; charset=utf-8");
}
