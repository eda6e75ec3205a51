// What the subsidies add up to: the staff dashboard of a financial year and its alerts.
import { prisma } from "~/db.server";
import { getTaxonomy } from "~/settings/taxonomy.server";
import { instalmentFlags, isReportOverdue, parisYear, sumPaid } from "~/subsidies/rules";

export const reportingInclude = {
  association: { select: { id: true, name: true, siret: true, district: true, fields: { select: { slug: true } } } },
  dossier: { select: { number: true, call: { select: { id: true, title: true, envelopeCents: true } } } },
  years: { orderBy: { year: "asc" as const } },
  convention: { select: { status: true, signedAt: true } },
  instalments: { orderBy: [{ plannedDate: "asc" as const }, { position: "asc" as const }] },
  reports: { select: { id: true, financialYear: true, status: true, dueDate: true } },
};

export type Breakdown = { key: string; label: string; votedCents: number; paidCents: number; associations: number };

/** The financial years that have subsidies, newest first (the current year always included). */
export async function subsidyYears(now = new Date()): Promise<number[]> {
  const rows = await prisma.subsidy.findMany({ distinct: ["financialYear"], select: { financialYear: true } });
  return [...new Set([parisYear(now), ...rows.map((r) => r.financialYear)])].sort((a, b) => b - a);
}

/**
 * One financial year: per call (envelope, voted, paid, remaining), by field of intervention and
 * by district, associations funded; late payments and overdue reports (all years).
 * A subsidy counts in its financial year (a CPO in the year of its first exercise, for its total).
 */
export async function getDashboard(year: number, now = new Date()) {
  const subsidies = await prisma.subsidy.findMany({ where: { financialYear: year }, include: reportingInclude });
  const voted = subsidies.filter((s) => s.votedCents !== null);

  const callsOfYear = await prisma.call.findMany({
    where: {
      OR: [
        { dossiers: { some: { subsidy: { financialYear: year } } } },
        { closesAt: { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) } },
      ],
    },
    select: { id: true, title: true, envelopeCents: true },
    orderBy: { closesAt: "asc" },
  });
  const byCall = callsOfYear.map((c) => ({
    key: c.id,
    label: c.title,
    envelopeCents: c.envelopeCents as number | null,
    votedCents: 0,
    paidCents: 0,
    count: 0,
  }));
  const outside = {
    key: "hors-appel",
    label: "Hors appel à projets",
    envelopeCents: null as number | null,
    votedCents: 0,
    paidCents: 0,
    count: 0,
  };
  for (const s of voted) {
    const row = (s.dossier?.call && byCall.find((c) => c.key === s.dossier!.call.id)) || outside;
    row.votedCents += s.votedCents!;
    row.paidCents += sumPaid(s.instalments);
    row.count += 1;
  }
  const callRows = [...byCall, ...(outside.count ? [outside] : [])].map((r) => ({ ...r, remainingCents: r.votedCents - r.paidCents }));

  const totals = {
    envelopeCents: byCall.reduce((sum, c) => sum + (c.envelopeCents ?? 0), 0),
    votedCents: voted.reduce((sum, s) => sum + s.votedCents!, 0),
    paidCents: voted.reduce((sum, s) => sum + sumPaid(s.instalments), 0),
    remainingCents: 0,
    subsidies: voted.length,
    proposed: subsidies.length - voted.length,
    associationsFunded: new Set(voted.map((s) => s.associationId)).size,
  };
  totals.remainingCents = totals.votedCents - totals.paidCents;

  const taxonomy = await getTaxonomy();
  const group = (keysOf: (s: (typeof voted)[number]) => string[], kind: "field" | "district"): Breakdown[] => {
    const map = new Map<string, { votedCents: number; paidCents: number; associations: Set<string> }>();
    for (const s of voted) {
      for (const key of keysOf(s)) {
        const row = map.get(key) ?? { votedCents: 0, paidCents: 0, associations: new Set<string>() };
        row.votedCents += s.votedCents!;
        row.paidCents += sumPaid(s.instalments);
        row.associations.add(s.associationId);
        map.set(key, row);
      }
    }
    return [...map]
      .map(([key, r]) => ({
        key,
        label: taxonomy.label(kind, key),
        votedCents: r.votedCents,
        paidCents: r.paidCents,
        associations: r.associations.size,
      }))
      .sort((a, b) => b.votedCents - a.votedCents || a.label.localeCompare(b.label, "fr"));
  };
  const byField = group((s) => s.association.fields.map((f) => f.slug), "field");
  const byDistrict = group((s) => [s.association.district], "district");

  const alerts = await getAlerts(now);
  return { year, totals, callRows, byField, byDistrict, ...alerts };
}

/** Late or beyond-60-days instalments and overdue reports, all years. */
export async function getAlerts(now = new Date()) {
  const instalments = await prisma.instalment.findMany({
    where: { OR: [{ paidAt: null, plannedDate: { lt: now } }, { subsidy: { convention: { status: "signee" } } }] },
    include: {
      subsidy: {
        select: {
          id: true,
          number: true,
          purpose: true,
          association: { select: { name: true } },
          convention: { select: { status: true, signedAt: true } },
        },
      },
    },
    orderBy: { plannedDate: "asc" },
  });
  const flaggedPayments = instalments
    .map((i) => ({
      ...i,
      flags: instalmentFlags(i, i.subsidy.convention?.status === "signee" ? i.subsidy.convention.signedAt : null, now),
    }))
    .filter((i) => i.flags.length > 0);
  const reports = await prisma.financialReport.findMany({
    where: { status: { in: ["a_fournir", "a_corriger"] }, dueDate: { lt: now } },
    include: { subsidy: { select: { id: true, number: true, purpose: true, association: { select: { id: true, name: true } } } } },
    orderBy: { dueDate: "asc" },
  });
  return { flaggedPayments, overdueReports: reports.filter((r) => isReportOverdue(r, now)) };
}
