// Open data: the essential data of the subsidy conventions (décret n°2017-779), SCDL "subventions" 2.1.1.
// Not published while the CCAS's SIRET is not configured (the page says so).
import { notPublished, openDataFile } from "~/open-data/responses.server";
import { SIRET_MISSING } from "~/open-data/catalogue.server";
import { scdlFile } from "~/subsidies/open-data.server";

export async function loader() {
  const file = await scdlFile();
  if (!file.published) return notPublished("Subventions attribuées", SIRET_MISSING);
  return openDataFile(file.csv, "subventions.csv", "text/csv; charset=utf-8");
}
