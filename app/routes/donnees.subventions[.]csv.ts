// Open data: the essential data of the subsidy conventions (décret n°2017-779), SCDL "subventions".
import { fileResponse } from "~/lib/file-response.server";
import { scdlCsv } from "~/subsidies/open-data.server";

export async function loader() {
  const response = fileResponse(await scdlCsv(), {
    filename: "subventions.csv",
    contentType: "text/csv; charset=utf-8",
    disposition: "inline",
    cache: "public",
  });
  // Open data: any site may fetch it.
  response.headers.set("Access-Control-Allow-Origin", "*");
  return response;
}
