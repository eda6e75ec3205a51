// What a record asks of the portal, decided from the row alone and what the run knows (the settings,
// the RNA numbers the portal already holds): nothing, or a candidate for the batch to resolve against
// the database. Most rows of a département file stop here (other communes), without a query.
import type { FieldMatcher } from "~/rna/filters";
import { hasDissolutionDate, inseeCodeOf, isActive, publicationAllowed } from "~/rna/filters";
import { dissolutionDate, mapRow, rnaNumberOf, rowProblem, type MappedAssociation } from "~/rna/mapping";
import type { WaldecRecord } from "~/rna/parse.server";
import type { SkipReason } from "~/rna/report";

export type RunContext = {
  communes: Map<string, string>;
  matchFields: FieldMatcher;
  /** RNA numbers of entries in the portal when the run started (imported or signed up). */
  existing: Set<string>;
  /** RNA numbers read so far in this file. */
  seen: Set<string>;
};

export type Candidate = { line: number; rna: string; name: string } & (
  | { action: "upsert"; mapped: MappedAssociation }
  | { action: "dissolve"; dissolvedAt: Date | null }
  | { action: "withdraw"; mapped: MappedAssociation }
  | { action: "outOfScope"; reason: SkipReason }
);

export type Classified =
  { kind: "malformed"; line: number; reason: string } | { kind: "skip"; reason: SkipReason } | { kind: "candidate"; candidate: Candidate };

export function classify(record: WaldecRecord, context: RunContext): Classified {
  if (record.kind === "malformed") return { kind: "malformed", line: record.line, reason: record.reason };
  const { row, line } = record;
  const problem = rowProblem(row);
  if (problem) return { kind: "malformed", line, reason: problem };
  const rna = rnaNumberOf(row)!;
  if (context.seen.has(rna)) return { kind: "skip", reason: "duplicate" };
  context.seen.add(rna);
  const exists = context.existing.has(rna);
  const name = row.titre.replace(/\s+/g, " ").trim().slice(0, 150);
  const base = { line, rna, name };
  if (!isActive(row)) {
    if (!exists) return { kind: "skip", reason: "inactive" };
    const at = hasDissolutionDate(row) ? dissolutionDate(row.date_disso) : null;
    return { kind: "candidate", candidate: { ...base, action: "dissolve", dissolvedAt: at } };
  }
  const communeName = context.communes.get(inseeCodeOf(row));
  const outOfScope = (reason: SkipReason): Classified =>
    exists ? { kind: "candidate", candidate: { ...base, action: "outOfScope", reason } } : { kind: "skip", reason };
  if (communeName === undefined) return outOfScope("outsideTerritory");
  const fields = context.matchFields([row.objet_social1, row.objet_social2]);
  if (fields.length === 0) return outOfScope("noField");
  if (!publicationAllowed(row)) {
    if (!exists) return { kind: "skip", reason: "notPublished" };
    return { kind: "candidate", candidate: { ...base, action: "withdraw", mapped: mapRow(row, { communeName, fields }) } };
  }
  return { kind: "candidate", candidate: { ...base, action: "upsert", mapped: mapRow(row, { communeName, fields }) } };
}
