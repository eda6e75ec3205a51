// The public directory: Meilisearch first; when it cannot answer, a plainer search in
// the database so the directory keeps working (and the page says so).
import { z } from "zod";
import { foldText } from "../../search/document";
import { loadDocuments } from "../../search/sync";
import { searchDirectory, type DirectoryQuery, type DirectoryResult, type FacetCounts } from "../../search/engine";
import { IN_DIRECTORY } from "~/associations/directory-visibility";
import { prisma } from "~/db.server";
import { currentCharterVersion } from "~/charter/charter-status.server";
import { getSearchClient } from "~/lib/search.server";
import { containsIgnoringCase } from "~/lib/text-filter.server";
import type { TaxonomyKind } from "~/settings/taxonomy";
import { getTaxonomy, type Taxonomy } from "~/settings/taxonomy.server";
import { distanceKm, type LatLng } from "~/geo/distance";
import { parseNear } from "~/geo/coordinates";

export const DIRECTORY_PAGE_SIZE = 20;

export const QUERY_MAX_LENGTH = 200;

/** Cuts a long query at the last word boundary within `max` characters (a word is never cut in half). */
export function truncateQuery(q: string, max = QUERY_MAX_LENGTH): { q: string; truncated: boolean } {
  const trimmed = q.trim();
  if (trimmed.length <= max) return { q: trimmed, truncated: false };
  const head = trimmed.slice(0, max + 1);
  const boundary = head.search(/\s\S*$/);
  return { q: (boundary > 0 ? head.slice(0, boundary) : trimmed.slice(0, max)).trim(), truncated: true };
}

const QuerySchema = z.object({
  q: z.string().catch(""),
  charte: z.enum(["1"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100).catch(1),
});

/**
 * Reads /annuaire?q=…&champ=…&public=…&quartier=…&page=… ; unknown values are ignored, never an
 * error, and so are retired terms (the filters offer only active ones).
 */
export function parseDirectoryQuery(searchParams: URLSearchParams, taxonomy: Pick<Taxonomy, "isActive">): DirectoryQuery {
  const active = (kind: TaxonomyKind, name: string) =>
    [...new Set(searchParams.getAll(name))].filter((slug) => taxonomy.isActive(kind, slug));
  const parsed = QuerySchema.parse({
    q: searchParams.get("q") ?? "",
    charte: searchParams.get("charte") ?? undefined,
    page: searchParams.get("page") ?? 1,
  });
  const { q, truncated } = truncateQuery(parsed.q);
  const near = parseNear(searchParams.get("near"));
  return {
    q,
    ...(truncated ? { truncated } : {}),
    fields: active("field", "champ"),
    publics: active("public", "public"),
    districts: active("district", "quartier"),
    charterSigner: parsed.charte === "1",
    ...(near ? { near } : {}),
    page: parsed.page,
    perPage: DIRECTORY_PAGE_SIZE,
  };
}

export async function searchAssociations(query: DirectoryQuery): Promise<DirectoryResult> {
  const client = getSearchClient();
  if (client) {
    try {
      return await searchDirectory(client, query);
    } catch (error) {
      console.warn("Recherche Meilisearch indisponible, repli sur la base de données :", error instanceof Error ? error.message : error);
    }
  }
  return searchInDatabase(query);
}

/** The fallback: words matched with LIKE whatever their case, no typo tolerance, same filters and facets. */
export async function searchInDatabase(query: DirectoryQuery): Promise<DirectoryResult> {
  const words = foldText(query.q)
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 2)
    .slice(0, 8);
  const textFilter = words.map((word) => ({
    OR: [
      { name: containsIgnoringCase(word) },
      { acronym: containsIgnoringCase(word) },
      { socialObject: containsIgnoringCase(word) },
      { description: containsIgnoringCase(word) },
    ],
  }));
  const charterVersion = query.charterSigner ? await currentCharterVersion() : null;
  const base = {
    ...IN_DIRECTORY,
    AND: [...textFilter, ...(query.charterSigner ? [{ signatures: { some: { versionId: charterVersion?.id ?? "-" } } }] : [])],
  };
  const where = {
    ...base,
    AND: [
      ...base.AND,
      ...(query.fields.length ? [{ fields: { some: { slug: { in: query.fields } } } }] : []),
      ...(query.publics.length ? [{ publics: { some: { slug: { in: query.publics } } } }] : []),
      ...(query.districts.length ? [{ district: { in: query.districts } }] : []),
    ],
  };
  const { total, ids, distances } = query.near ? await nearestInDatabase(where, query.near, query) : await byNameInDatabase(where, query);
  const documents = await loadDocuments(prisma, { ids, taxonomy: await getTaxonomy() });
  const order = new Map(ids.map((id, i) => [id, i]));
  if (query.near) documents.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  else documents.sort((a, b) => a.name.localeCompare(b.name, "fr"));
  const matching = await prisma.association.findMany({
    where,
    select: { district: true, fields: { select: { slug: true } }, publics: { select: { slug: true } } },
  });
  const facets: FacetCounts = { fields: {}, publics: {}, districts: {} };
  for (const row of matching) {
    for (const f of row.fields) facets.fields[f.slug] = (facets.fields[f.slug] ?? 0) + 1;
    for (const p of row.publics) facets.publics[p.slug] = (facets.publics[p.slug] ?? 0) + 1;
    facets.districts[row.district] = (facets.districts[row.district] ?? 0) + 1;
  }
  return {
    hits: documents.map((d) => ({
      ...d,
      position: d._geo ?? null,
      ...(distances.has(d.id) ? { distanceKm: distances.get(d.id) } : {}),
      highlighted: { name: d.name, socialObject: d.socialObject, acronym: d.acronym },
    })),
    total,
    page: query.page,
    totalPages: Math.ceil(total / query.perPage),
    facets,
    engine: "database",
  };
}

type AssociationWhere = NonNullable<Parameters<typeof prisma.association.findMany>[0]>["where"];

/** The fallback's page in name order. */
async function byNameInDatabase(where: AssociationWhere, query: DirectoryQuery) {
  const [total, rows] = await Promise.all([
    prisma.association.count({ where }),
    prisma.association.findMany({
      where,
      orderBy: { name: "asc" },
      skip: (query.page - 1) * query.perPage,
      take: query.perPage,
      select: { id: true },
    }),
  ]);
  return { total, ids: rows.map((r) => r.id), distances: new Map<string, number>() };
}

/** The fallback's page nearest first (haversine over every match; the unplaced ones last, by name). */
async function nearestInDatabase(where: AssociationWhere, near: LatLng, query: DirectoryQuery) {
  const rows = await prisma.association.findMany({ where, select: { id: true, name: true, latitude: true, longitude: true } });
  const measured = rows.map((r) => ({
    id: r.id,
    name: r.name,
    km: r.latitude !== null && r.longitude !== null ? distanceKm(near, { lat: r.latitude, lng: r.longitude }) : null,
  }));
  measured.sort((a, b) => (a.km ?? Infinity) - (b.km ?? Infinity) || a.name.localeCompare(b.name, "fr"));
  const page = measured.slice((query.page - 1) * query.perPage, query.page * query.perPage);
  return {
    total: rows.length,
    ids: page.map((r) => r.id),
    distances: new Map(page.filter((r) => r.km !== null).map((r) => [r.id, r.km as number])),
  };
}
