// The directory's synonym groups: words the staff declare equivalent for search (Meilisearch's
// synonyms, and the database fallback's expansion). Data, not code: each CCAS edits its own.
import { z } from "zod";
import type { Db } from "~/db.server";

const Terms = z.array(z.string());

export type SynonymGroup = { id: string; terms: string[] };

export async function listSynonymGroups(db: Pick<Db, "searchSynonym">): Promise<SynonymGroup[]> {
  const rows = await db.searchSynonym.findMany({ orderBy: { createdAt: "asc" }, select: { id: true, terms: true } });
  return rows.map((row) => ({ id: row.id, terms: Terms.catch([]).parse(row.terms) }));
}
