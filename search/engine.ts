// The small interface the app uses to talk to Meilisearch. Every write awaits its task
// and checks its status: a save returns only once the change is searchable.
import { Meilisearch, type Task } from "meilisearch";
import type { AssociationDocument } from "./document";
import { buildIndexSettings, buildSynonyms, indexName } from "./settings";

export type SearchConfig = { host: string; apiKey?: string; indexPrefix?: string };

export const HIGHLIGHT_PRE = "\uE000";
export const HIGHLIGHT_POST = "\uE001";

export type DirectoryQuery = {
  q: string;
  /** The visitor's query was longer than 200 characters and was cut at a word boundary. */
  truncated?: boolean;
  fields: string[];
  publics: string[];
  districts: string[];
  charterSigner?: boolean;
  /** Nearest first from this point (an address geocoded, or the API's `near`). */
  near?: { lat: number; lng: number };
  page: number;
  perPage: number;
};

export type FacetCounts = { fields: Record<string, number>; publics: Record<string, number>; districts: Record<string, number> };

/** What a directory result shows; Meilisearch returns only these, which halves its work per search. */
export const HIT_ATTRIBUTES = [
  "id",
  "slug",
  "name",
  "acronym",
  "socialObject",
  "district",
  "fields",
  "publics",
  "charterSigner",
  "_geo",
] as const;

export type DirectoryHit = Pick<AssociationDocument, Exclude<(typeof HIT_ATTRIBUTES)[number], "_geo">> & {
  /** Text with HIGHLIGHT_PRE/POST markers around matched words; never HTML. */
  highlighted: { name: string; socialObject: string; acronym: string | null };
  /** Where it is on the map; null while its address is not placed. */
  position: { lat: number; lng: number } | null;
  /** From the query's `near` point, when it has one and the association is placed. */
  distanceKm?: number;
};

export type DirectoryResult = {
  hits: DirectoryHit[];
  total: number;
  page: number;
  totalPages: number;
  facets: FacetCounts;
  engine: "meilisearch" | "database";
};

export class SearchTaskError extends Error {}

export function createSearchClient(config: SearchConfig) {
  return new Meilisearch({
    host: config.host,
    apiKey: config.apiKey,
    timeout: 5_000,
    // Meilisearch streams compressed answers in small chunks: on a kept-alive connection each search
    // then waited ~40 ms for a delayed TCP acknowledgement (measured by `npm run bench`). Uncompressed
    // answers go out in one piece, and compression buys nothing between two servers of one network.
    requestInit: { headers: { "Accept-Encoding": "identity" } },
  });
}

export type SearchClient = ReturnType<typeof createSearchClient>;

function assertSucceeded(task: Task) {
  if (task.status !== "succeeded") {
    throw new SearchTaskError(`La tâche Meilisearch ${task.uid} (${task.type}) a échoué : ${task.error?.message ?? task.status}`);
  }
  return task;
}

export async function isSearchHealthy(client: SearchClient): Promise<boolean> {
  try {
    const health = await client.health();
    return health.status === "available";
  } catch {
    return false;
  }
}

/** Creates the index if needed and applies its settings; `synonymGroups` (SearchSynonym's) replace the engine's synonyms. */
export async function applyIndexSettings(client: SearchClient, name = indexName(), synonymGroups?: string[][]) {
  const created = await client.createIndex(name, { primaryKey: "id" }).waitTask({ timeout: 30_000 });
  if (created.status === "failed" && created.error?.code !== "index_already_exists") assertSucceeded(created);
  assertSucceeded(await client.index(name).updateSettings(buildIndexSettings(synonymGroups)).waitTask({ timeout: 60_000 }));
}

/**
 * Replaces the engine's synonyms after a staff edit. Meilisearch re-indexes in the background: this
 * returns once the task is accepted (the next searches use the new groups within seconds).
 */
export async function updateSynonyms(client: SearchClient, synonymGroups: string[][], name = indexName()) {
  const task = await client.index(name).updateSynonyms(buildSynonyms(synonymGroups));
  return task.taskUid;
}

export async function upsertDocuments(client: SearchClient, documents: AssociationDocument[], name = indexName()) {
  if (documents.length === 0) return;
  assertSucceeded(await client.index(name).addDocuments(documents, { primaryKey: "id" }).waitTask({ timeout: 60_000 }));
}

export async function deleteDocuments(client: SearchClient, ids: string[], name = indexName()) {
  if (ids.length === 0) return;
  assertSucceeded(await client.index(name).deleteDocuments(ids).waitTask({ timeout: 30_000 }));
}

export async function getDocument(client: SearchClient, id: string, name = indexName()) {
  try {
    return await client.index(name).getDocument<AssociationDocument>(id);
  } catch {
    return null;
  }
}

function escapeFilterValue(value: string) {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

function anyOf(attribute: string, values: string[]) {
  return values.length ? `${attribute} IN [${values.map(escapeFilterValue).join(", ")}]` : null;
}

export async function searchDirectory(client: SearchClient, query: DirectoryQuery, name = indexName()): Promise<DirectoryResult> {
  const filter = [
    anyOf("fields", query.fields),
    anyOf("publics", query.publics),
    anyOf("district", query.districts),
    query.charterSigner ? "charterSigner = true" : null,
  ].filter((f): f is string => f !== null);

  const response = await client.index(name).search<AssociationDocument>(query.q, {
    filter,
    facets: ["fields", "publics", "district"],
    page: query.page,
    hitsPerPage: query.perPage,
    attributesToHighlight: ["name", "socialObject", "acronym"],
    highlightPreTag: HIGHLIGHT_PRE,
    highlightPostTag: HIGHLIGHT_POST,
    attributesToRetrieve: [...HIT_ATTRIBUTES],
    sort: query.near ? [`_geoPoint(${query.near.lat}, ${query.near.lng}):asc`] : query.q ? undefined : ["sortName:asc"],
  });
  const facets = response.facetDistribution ?? {};
  return {
    hits: response.hits.map((hit) => {
      const { _formatted, _geoDistance, ...doc } = hit as typeof hit & {
        _formatted?: Partial<Record<string, string>>;
        _geoDistance?: number;
      };
      return {
        id: doc.id,
        slug: doc.slug,
        name: doc.name,
        acronym: doc.acronym ?? null,
        socialObject: doc.socialObject,
        district: doc.district,
        fields: doc.fields,
        publics: doc.publics,
        charterSigner: doc.charterSigner,
        position: doc._geo ? { lat: Number(doc._geo.lat), lng: Number(doc._geo.lng) } : null,
        ...(query.near && doc._geo && typeof _geoDistance === "number" ? { distanceKm: _geoDistance / 1000 } : {}),
        highlighted: {
          name: _formatted?.name ?? doc.name,
          socialObject: _formatted?.socialObject ?? doc.socialObject,
          acronym: _formatted?.acronym ?? doc.acronym ?? null,
        },
      };
    }),
    total: Number((response as { totalHits?: number }).totalHits ?? 0),
    page: Number((response as { page?: number }).page ?? query.page),
    totalPages: Number((response as { totalPages?: number }).totalPages ?? 0),
    facets: { fields: facets.fields ?? {}, publics: facets.publics ?? {}, districts: facets.district ?? {} },
    engine: "meilisearch",
  };
}

/** Swaps a freshly built index in place of the live one: the directory never answers from a half-built index. */
export async function swapIndexes(client: SearchClient, live: string, fresh: string) {
  assertSucceeded(await client.swapIndexes([{ indexes: [live, fresh], rename: false }]).waitTask({ timeout: 60_000 }));
}

export async function dropIndex(client: SearchClient, name: string) {
  const task = await client.deleteIndex(name).waitTask({ timeout: 30_000 });
  if (task.status === "failed" && task.error?.code !== "index_not_found") assertSucceeded(task);
}
