// Open data: the essential data of the subsidy conventions (décret n°2017-779), SCDL "subventions".
import { scdlCsv } from "~/subsidies/open-data.server";

export async function loader() {
  return new Response(await scdlCsv(), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'inline; filename="subventions.csv"',
      "Cache-Control": "public, max-age=600",
      "Access-Control-Allow-Origin": "*",
    },
  });
}
