// One batch of candidates resolved against the entries the portal holds: the plan (what to create,
// update, dissolve, withdraw, and what it adds to the report), then, for an import, its writes in the
// batch's write transaction. A dry run computes the same plan and writes nothing.
import { randomBytes } from "node:crypto";
import { enqueueSearchSync } from "../../search/sync";
import type { Db, Tx } from "~/db.server";
import { slugify } from "~/lib/slug";
import type { Candidate } from "~/rna/classify";
import { changedColumns, type MappedAssociation } from "~/rna/mapping";
import { LIST_CAP, PREVIEW_CAP, type ImportReport, type PreviewLine } from "~/rna/report";

const SQL_IN_LIMIT = 500;

export const existingSelect = {
  id: true,
  rna: true,
  source: true,
  name: true,
  acronym: true,
  socialObject: true,
  address: true,
  postcode: true,
  city: true,
  inseeCode: true,
  website: true,
  siret: true,
  rnaUpdatedAt: true,
  dissolvedAt: true,
  fields: { select: { slug: true } },
  _count: { select: { memberships: true, claims: { where: { status: "pending" } } } },
} as const;

type Existing = {
  id: string;
  rna: string | null;
  source: "portal" | "rna";
  name: string;
  acronym: string | null;
  socialObject: string;
  address: string;
  postcode: string;
  city: string;
  inseeCode: string | null;
  website: string | null;
  siret: string | null;
  rnaUpdatedAt: Date | null;
  dissolvedAt: Date | null;
  fields: { slug: string }[];
  _count: { memberships: number; claims: number };
};

/** Claimed: signed up on the portal, or taken over by members. Only the dissolution flag follows the RNA then. */
export const isClaimed = (a: Pick<Existing, "source" | "_count">) => a.source !== "rna" || a._count.memberships > 0;

export type Plan = {
  creates: MappedAssociation[];
  /** claimed: only the dissolution is lifted. */
  updates: { id: string; mapped: MappedAssociation; reactivate: boolean; claimed: boolean }[];
  dissolves: { id: string; at: Date }[];
  withdrawals: string[];
  preview: PreviewLine[];
};

export async function loadExisting(db: Pick<Db, "association">, rnas: string[]): Promise<Map<string, Existing[]>> {
  const byRna = new Map<string, Existing[]>();
  for (let i = 0; i < rnas.length; i += SQL_IN_LIMIT) {
    const rows = (await db.association.findMany({
      where: { rna: { in: rnas.slice(i, i + SQL_IN_LIMIT) } },
      select: existingSelect,
    })) as Existing[];
    for (const row of rows) byRna.set(row.rna!, [...(byRna.get(row.rna!) ?? []), row]);
  }
  return byRna;
}

const currentOf = (a: Existing) => ({ ...a, inseeCode: a.inseeCode ?? "", fields: a.fields.map((f) => f.slug) });

/** Resolves the candidates; adds to `report` (counts, conflicts) and returns what to write. */
export function planBatch(candidates: Candidate[], existing: Map<string, Existing[]>, report: ImportReport, now: Date): Plan {
  const plan: Plan = { creates: [], updates: [], dissolves: [], withdrawals: [], preview: [] };
  const preview = (line: PreviewLine) => {
    if (plan.preview.length < PREVIEW_CAP) plan.preview.push(line);
  };
  const conflict = (c: Candidate, columns: string[]) => {
    report.conflicts++;
    if (report.conflictList.length < LIST_CAP) report.conflictList.push({ line: c.line, rna: c.rna, name: c.name, columns });
    preview({ line: c.line, rna: c.rna, name: c.name, change: "conflict", columns });
  };
  for (const c of candidates) {
    const entries = existing.get(c.rna) ?? [];
    if (c.action === "outOfScope") {
      report.skipped[entries.length ? "outOfScope" : c.reason]++;
      continue;
    }
    if (c.action === "dissolve") {
      const live = entries.filter((a) => a.dissolvedAt === null);
      if (entries.length === 0) report.skipped.inactive++;
      else if (live.length === 0) report.unchanged++;
      else {
        report.dissolved++;
        for (const a of live) plan.dissolves.push({ id: a.id, at: c.dissolvedAt ?? now });
        preview({ line: c.line, rna: c.rna, name: c.name, change: "dissolved" });
      }
      continue;
    }
    if (entries.length === 0) {
      if (c.action === "withdraw") report.skipped.notPublished++;
      else {
        report.added++;
        plan.creates.push(c.mapped);
        preview({ line: c.line, rna: c.rna, name: c.mapped.name, change: "added" });
      }
      continue;
    }
    // One outcome per row, however many entries carry the number (a sign-up beside an import).
    let outcome: "updated" | "unchanged" | "withdrawn" | "conflict" = "unchanged";
    let columns: string[] = [];
    for (const a of entries) {
      const changes = changedColumns(currentOf(a), c.mapped);
      const reactivate = a.dissolvedAt !== null;
      if (isClaimed(a)) {
        // Never overwritten; a dissolution lifted by the RNA is lifted here too.
        if (reactivate) plan.updates.push({ id: a.id, mapped: c.mapped, reactivate: true, claimed: true });
        if (changes.length && outcome !== "conflict") [outcome, columns] = ["conflict", changes];
        else if (reactivate && outcome === "unchanged") [outcome, columns] = ["updated", ["dissolvedAt"]];
      } else if (c.action === "withdraw") {
        if (a._count.claims > 0) [outcome, columns] = ["conflict", ["publiweb"]];
        else {
          plan.withdrawals.push(a.id);
          if (outcome !== "conflict") outcome = "withdrawn";
        }
      } else if (changes.length || reactivate) {
        plan.updates.push({ id: a.id, mapped: c.mapped, reactivate, claimed: false });
        if (outcome === "unchanged") [outcome, columns] = ["updated", reactivate ? [...changes, "dissolvedAt"] : changes];
      }
    }
    if (outcome === "conflict") conflict(c, columns);
    else if (outcome === "unchanged") report.unchanged++;
    else {
      report[outcome]++;
      preview({ line: c.line, rna: c.rna, name: c.name, change: outcome, columns: outcome === "updated" ? columns : undefined });
    }
  }
  return plan;
}

function entryColumns(m: MappedAssociation) {
  return {
    name: m.name,
    acronym: m.acronym,
    socialObject: m.socialObject,
    address: m.address,
    postcode: m.postcode,
    city: m.city,
    inseeCode: m.inseeCode,
    website: m.website,
    siret: m.siret,
    rnaUpdatedAt: m.rnaUpdatedAt,
  };
}

/** Slugs for new entries: the name's, or the name's followed by the RNA number when taken (one query). */
async function newSlugs(tx: Tx, creates: MappedAssociation[]): Promise<string[]> {
  const bases = creates.map((m) => slugify(m.name) || "association");
  const withRna = creates.map((m, i) => `${bases[i]!.slice(0, 68).replace(/-+$/, "")}-${m.rna.toLowerCase()}`);
  const wanted = [...new Set([...bases, ...withRna])];
  const taken = new Set<string>();
  for (let i = 0; i < wanted.length; i += SQL_IN_LIMIT) {
    const rows = await tx.association.findMany({ where: { slug: { in: wanted.slice(i, i + SQL_IN_LIMIT) } }, select: { slug: true } });
    for (const r of rows) taken.add(r.slug);
  }
  return creates.map((_, i) => {
    for (const candidate of [bases[i]!, withRna[i]!]) {
      if (!taken.has(candidate)) {
        taken.add(candidate);
        return candidate;
      }
    }
    const fallback = `${withRna[i]}-${randomBytes(3).toString("hex")}`;
    taken.add(fallback);
    return fallback;
  });
}

/** The plan's writes, in the batch's transaction; returns the entries whose directory document changes. */
export async function applyPlan(tx: Tx, plan: Plan, options: { district: string; now: Date }): Promise<string[]> {
  const touched: string[] = [];
  const { now } = options;
  if (plan.creates.length) {
    const slugs = await newSlugs(tx, plan.creates);
    const created = await tx.association.createManyAndReturn({
      data: plan.creates.map((m, i) => ({
        ...entryColumns(m),
        rna: m.rna,
        slug: slugs[i]!,
        district: options.district,
        source: "rna" as const,
        status: "validated" as const,
        validatedAt: now,
        rnaImportedAt: now,
      })),
      select: { id: true, rna: true },
    });
    const idByRna = new Map(created.map((c) => [c.rna!, c.id]));
    await tx.associationField.createMany({
      data: plan.creates.flatMap((m) => m.fields.map((slug) => ({ associationId: idByRna.get(m.rna)!, slug }))),
    });
    touched.push(...created.map((c) => c.id));
  }
  for (const u of plan.updates) {
    if (u.claimed) {
      await tx.association.update({ where: { id: u.id }, data: { dissolvedAt: null } });
    } else {
      await tx.association.update({ where: { id: u.id }, data: { ...entryColumns(u.mapped), dissolvedAt: null, rnaImportedAt: now } });
      await tx.associationField.deleteMany({ where: { associationId: u.id } });
      await tx.associationField.createMany({ data: u.mapped.fields.map((slug) => ({ associationId: u.id, slug })) });
    }
    touched.push(u.id);
  }
  for (const d of plan.dissolves) {
    await tx.association.update({ where: { id: d.id }, data: { dissolvedAt: d.at } });
    touched.push(d.id);
  }
  if (plan.withdrawals.length) {
    await tx.association.deleteMany({ where: { id: { in: plan.withdrawals }, source: "rna", memberships: { none: {} } } });
    touched.push(...plan.withdrawals);
  }
  await enqueueSearchSync(tx, touched);
  return touched;
}
