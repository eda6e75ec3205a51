// The directory the judged queries are judged on: the demo's 150 associations, indexed, and the two
// ways of searching them (Meilisearch, the database fallback). Shared by the test and the benchmark.
import type { Db } from "../../app/db.server";
import { IN_DIRECTORY } from "../../app/associations/directory-visibility";
import { seedAccountsAndAssociations } from "../../prisma/seed/associations";
import type { DirectoryQuery } from "../engine";
import { evaluateRelevance, type JudgedAssociation, type RelevanceReport } from "./evaluate";

const firstTen = (q: string): DirectoryQuery => ({ q, fields: [], publics: [], districts: [], page: 1, perPage: 10 });

export async function seedJudgedDirectory(db: Db): Promise<JudgedAssociation[]> {
  await seedAccountsAndAssociations(db, () => {});
  const rows = await db.association.findMany({
    where: IN_DIRECTORY,
    select: { id: true, name: true, district: true, fields: { select: { slug: true } }, publics: { select: { slug: true } } },
  });
  return rows.map((r) => ({ ...r, fields: r.fields.map((f) => f.slug), publics: r.publics.map((p) => p.slug) }));
}

type Search = (query: DirectoryQuery) => Promise<{ hits: { id: string }[] }>;

/** Both engines on the judged set, one after the other. */
export async function evaluateBothEngines(
  associations: JudgedAssociation[],
  engines: { meilisearch: Search; database: Search },
): Promise<{ meilisearch: RelevanceReport; database: RelevanceReport }> {
  const run = (search: Search) => evaluateRelevance(async (q) => (await search(firstTen(q))).hits.map((h) => h.id), associations);
  return { meilisearch: await run(engines.meilisearch), database: await run(engines.database) };
}
