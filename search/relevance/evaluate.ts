// Scores a search function on the judged query set: precision@5, recall@10 and mean reciprocal rank.
import { foldText } from "../document";
import { JUDGED_QUERIES, type Judgment, type JudgedQuery } from "./judged-queries";

export type JudgedAssociation = { id: string; name: string; fields: string[]; publics: string[]; district: string };

export function isRelevant(association: JudgedAssociation, judgment: Judgment): boolean {
  if (judgment.name) return foldText(association.name).toLowerCase().includes(judgment.name);
  if (judgment.fields && !judgment.fields.some((f) => association.fields.includes(f))) return false;
  if (judgment.district && association.district !== judgment.district) return false;
  if (judgment.public && !association.publics.includes(judgment.public)) return false;
  return true;
}

export type QueryScore = { q: string; relevant: number; precisionAt5: number; recallAt10: number; reciprocalRank: number };

export type RelevanceReport = { precisionAt5: number; recallAt10: number; mrr: number; queries: QueryScore[] };

/**
 * Precision@5 counts the relevant among the first five (out of five, or of all the relevant when
 * fewer exist); recall@10 the relevant found in the first ten (out of ten at most); the reciprocal
 * rank is 1/rank of the first relevant in the first ten.
 */
export function scoreQuery(query: JudgedQuery, rankedIds: string[], associations: JudgedAssociation[]): QueryScore {
  const relevant = new Set(associations.filter((a) => isRelevant(a, query.relevant)).map((a) => a.id));
  if (relevant.size === 0) throw new Error(`Requête jugée sans association pertinente dans les données : « ${query.q} »`);
  const top5 = rankedIds.slice(0, 5).filter((id) => relevant.has(id)).length;
  const top10 = rankedIds.slice(0, 10).filter((id) => relevant.has(id)).length;
  const first = rankedIds.slice(0, 10).findIndex((id) => relevant.has(id));
  return {
    q: query.q,
    relevant: relevant.size,
    precisionAt5: top5 / Math.min(5, relevant.size),
    recallAt10: top10 / Math.min(10, relevant.size),
    reciprocalRank: first === -1 ? 0 : 1 / (first + 1),
  };
}

export async function evaluateRelevance(
  search: (q: string) => Promise<string[]>,
  associations: JudgedAssociation[],
  queries: JudgedQuery[] = JUDGED_QUERIES,
): Promise<RelevanceReport> {
  const scores: QueryScore[] = [];
  for (const query of queries) scores.push(scoreQuery(query, await search(query.q), associations));
  const mean = (pick: (s: QueryScore) => number) => scores.reduce((sum, s) => sum + pick(s), 0) / scores.length;
  return {
    precisionAt5: mean((s) => s.precisionAt5),
    recallAt10: mean((s) => s.recallAt10),
    mrr: mean((s) => s.reciprocalRank),
    queries: scores,
  };
}
