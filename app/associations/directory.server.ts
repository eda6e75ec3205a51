// The public directory: Meilisearch first; when it cannot answer, a plainer search in
// the database so the directory keeps working (and the page says so).
import * as z from "zod";
import { markWords, prepareQuery, rankRows } from "../../search/fallback-ranking";
import { loadDocuments, refreshSearchText, synonymGroupsOf } from "../../search/sync";
import {
  HIGHLIGHT_POST,
  HIGHLIGHT_PRE,
  searchDirectory,
  type DirectoryQuery,
  type DirectoryResult,
  type FacetCounts,
} from "../../search/engine";
import { IN_DIRECTORY } from "~/associations/directory-visibility";
import { prisma } from "~/db.server";
import { currentCharterVersion } from "~/charter/charter-status.server";
import { getSearchClient } from "~/lib/search.server";
import type { TaxonomyKind } from "~/settings/taxonomy";
import { getTaxonomy, type Taxonomy } from "~/settings/taxonomy.server";
import { distanceKm } from "~/geo/distance";
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

const frenchOrder = new Intl.Collator("fr", { sensitivity: "base", ignorePunctuation: true });

/**
 * The fallback (docs/decisions/036): the directory's rows under the same filters, ranked in memory on
 * their folded `searchText` with the engine's stop words, synonyms, prefixes and typo budget; the empty
 * query in French alphabetical order. Facets count the matching rows.
 */
export async function searchInDatabase(query: DirectoryQuery): Promise<DirectoryResult> {
  await refreshSearchText(prisma);
  const charterVersion = query.charterSigner ? await currentCharterVersion() : null;
  const where = {
    ...IN_DIRECTORY,
    AND: [
      ...(query.charterSigner ? [{ signatures: { some: { versionId: charterVersion?.id ?? "-" } } }] : []),
      ...(query.fields.length ? [{ fields: { some: { slug: { in: query.fields } } } }] : []),
      ...(query.publics.length ? [{ publics: { some: { slug: { in: query.publics } } } }] : []),
      ...(query.districts.length ? [{ district: { in: query.districts } }] : []),
    ],
  };
  const rows = await prisma.association.findMany({
    where,
    select: {
      id: true,
      name: true,
      searchText: true,
      district: true,
      latitude: true,
      longitude: true,
      fields: { select: { slug: true } },
      publics: { select: { slug: true } },
    },
  });
  const prepared = prepareQuery(query.q, query.q.trim() ? await synonymGroupsOf(prisma) : []);
  const ranked = query.q.trim()
    ? rankRows(
        rows.map((r) => r.searchText),
        prepared,
      )
    : rows
        .map((row, index) => ({ row, index }))
        .sort((a, b) => frenchOrder.compare(a.row.name, b.row.name))
        .map(({ index }) => ({ index, score: 0, matchedWords: new Set<string>() }));
  if (query.q.trim()) {
    // Equal scores in French alphabetical order, as the engine's ties fall.
    ranked.sort((a, b) => b.score - a.score || frenchOrder.compare(rows[a.index].name, rows[b.index].name));
  }
  // Nearest first (haversine), the unplaced last; the text's order among equals.
  const distances = new Map<number, number>();
  if (query.near) {
    for (const { index } of ranked) {
      const { latitude, longitude } = rows[index];
      if (latitude !== null && longitude !== null) distances.set(index, distanceKm(query.near, { lat: latitude, lng: longitude }));
    }
    ranked.sort((a, b) => (distances.get(a.index) ?? Infinity) - (distances.get(b.index) ?? Infinity));
  }
  const facets: FacetCounts = { fields: {}, publics: {}, districts: {} };
  for (const { index } of ranked) {
    const row = rows[index];
    for (const f of row.fields) facets.fields[f.slug] = (facets.fields[f.slug] ?? 0) + 1;
    for (const p of row.publics) facets.publics[p.slug] = (facets.publics[p.slug] ?? 0) + 1;
    facets.districts[row.district] = (facets.districts[row.district] ?? 0) + 1;
  }
  const page = ranked.slice((query.page - 1) * query.perPage, query.page * query.perPage);
  const documents = await loadDocuments(prisma, { ids: page.map((r) => rows[r.index].id), taxonomy: await getTaxonomy() });
  const byId = new Map(documents.map((d) => [d.id, d]));
  const mark = (text: string, words: Set<string>) => markWords(text, words, HIGHLIGHT_PRE, HIGHLIGHT_POST);
  return {
    hits: page.flatMap(({ index, matchedWords }) => {
      const d = byId.get(rows[index].id);
      if (!d) return [];
      return [
        {
          id: d.id,
          slug: d.slug,
          name: d.name,
          acronym: d.acronym,
          socialObject: d.socialObject,
          district: d.district,
          fields: d.fields,
          publics: d.publics,
          charterSigner: d.charterSigner,
          position: d._geo ?? null,
          ...(distances.has(index) ? { distanceKm: distances.get(index) } : {}),
          highlighted: {
            name: mark(d.name, matchedWords),
            socialObject: mark(d.socialObject, matchedWords),
            acronym: d.acronym === null ? null : mark(d.acronym, matchedWords),
          },
        },
      ];
    }),
    total: ranked.length,
    page: query.page,
    totalPages: Math.ceil(ranked.length / query.perPage),
    facets,
    engine: "database",
  };
}
