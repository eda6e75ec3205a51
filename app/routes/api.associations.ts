import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseDirectoryQuery, searchAssociations } from "~/associations/directory.server";
import { getTaxonomy } from "~/settings/taxonomy.server";
import { parseNear } from "~/geo/coordinates";
import { highlightRanges } from "../../search/highlights";

/** The public directory search as JSON: same parameters as /annuaire. */
export async function loader({ request }: LoaderFunctionArgs) {
  const searchParams = new URL(request.url).searchParams;
  const headers = { "Cache-Control": "public, max-age=0, must-revalidate", "Access-Control-Allow-Origin": "*" };
  if (searchParams.has("near") && !parseNear(searchParams.get("near"))) {
    return Response.json(
      {
        error: "near doit être une latitude et une longitude en degrés décimaux séparées par une virgule, par exemple near=47.2378,6.0241",
      },
      { status: 400, headers },
    );
  }
  const query = parseDirectoryQuery(searchParams, await getTaxonomy());
  const result = await searchAssociations(query);
  return Response.json(
    {
      query: {
        q: query.q,
        ...(query.truncated ? { truncated: true } : {}),
        champ: query.fields,
        public: query.publics,
        quartier: query.districts,
        ...(query.near ? { near: query.near } : {}),
        page: query.page,
      },
      total: result.total,
      page: result.page,
      totalPages: result.totalPages,
      engine: result.engine,
      facets: { champ: result.facets.fields, public: result.facets.publics, quartier: result.facets.districts },
      hits: result.hits.map((hit) => ({
        slug: hit.slug,
        name: hit.name,
        acronym: hit.acronym,
        socialObject: hit.socialObject,
        district: hit.district,
        fields: hit.fields,
        publics: hit.publics,
        charterSigner: hit.charterSigner,
        url: `/annuaire/${hit.slug}`,
        position: hit.position,
        ...(hit.distanceKm !== undefined ? { distanceKm: Math.round(hit.distanceKm * 1000) / 1000 } : {}),
        highlights: {
          name: highlightRanges(hit.highlighted.name),
          socialObject: highlightRanges(hit.highlighted.socialObject),
          acronym: highlightRanges(hit.highlighted.acronym),
        },
      })),
    },
    { headers },
  );
}
