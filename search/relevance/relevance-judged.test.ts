// The judged query set against the demo directory, on a real Meilisearch and on the database
// fallback: the floors issue 19 sets (the figures themselves: `npm run bench:relevance`).
import { beforeAll, describe, expect, it } from "vitest";
import { isRelevant, scoreQuery, type JudgedAssociation } from "./evaluate";
import { JUDGED_QUERIES } from "./judged-queries";
import { evaluateBothEngines, seedJudgedDirectory } from "./judged-directory";

const { prisma } = await import("../../app/db.server");
const { getSearchClient } = await import("../../app/lib/search.server");
const { searchInDatabase } = await import("../../app/associations/directory.server");
const { searchDirectory } = await import("../engine");
const { reindexAll } = await import("../sync");

let associations: JudgedAssociation[];

beforeAll(async () => {
  associations = await seedJudgedDirectory(prisma);
  await reindexAll(prisma, getSearchClient()!);
}, 120_000);

describe("the judged query set", () => {
  it("holds at least 50 queries, each with relevant associations in the demo directory", () => {
    expect(JUDGED_QUERIES.length).toBeGreaterThanOrEqual(50);
    for (const query of JUDGED_QUERIES)
      expect(
        associations.some((a) => isRelevant(a, query.relevant)),
        query.q,
      ).toBe(true);
  });

  it("scores a ranking as defined: precision@5 over min(5, relevant), recall@10, reciprocal rank", () => {
    const few: JudgedAssociation[] = ["a", "b", "c"].map((id) => ({
      id,
      name: id,
      fields: id === "c" ? ["x"] : ["y"],
      publics: [],
      district: "d",
    }));
    const score = scoreQuery({ q: "x", relevant: { fields: ["x"] } }, ["a", "b", "c"], few);
    expect(score).toEqual({ q: "x", relevant: 1, precisionAt5: 1, recallAt10: 1, reciprocalRank: 1 / 3 });
    expect(scoreQuery({ q: "x", relevant: { fields: ["x"] } }, ["a", "b"], few).reciprocalRank).toBe(0);
  });

  it("Meilisearch reaches precision@5 ≥ 0.95 and the database fallback ≥ 0.7", async () => {
    const client = getSearchClient()!;
    const report = await evaluateBothEngines(associations, {
      meilisearch: (q) => searchDirectory(client, q),
      database: (q) => searchInDatabase(q),
    });
    const weak = (r: typeof report.meilisearch) => r.queries.filter((s) => s.precisionAt5 < 0.6).map((s) => `${s.q} (${s.precisionAt5})`);
    expect(report.meilisearch.precisionAt5, weak(report.meilisearch).join(", ")).toBeGreaterThanOrEqual(0.95);
    expect(report.database.precisionAt5, weak(report.database).join(", ")).toBeGreaterThanOrEqual(0.7);
    expect(report.meilisearch.mrr).toBeGreaterThanOrEqual(0.9);
  });
});
