// Reading subsidies: one with everything (staff, or its own association), the lists, the space's link.
import { IN_NETWORK } from "~/associations/directory-visibility";
import { prisma, type Db, type Prisma } from "~/db.server";
import { instalmentFlags, isReportOverdue, OPEN_REPORT_STATUSES, requiresConvention, subsidyStage, sumPaid } from "~/subsidies/rules";

export const subsidyDetailInclude = {
  association: { select: { id: true, name: true, siret: true, rna: true, address: true, postcode: true, city: true, district: true } },
  dossier: { select: { id: true, number: true, call: { select: { id: true, title: true } } } },
  years: { orderBy: { year: "asc" } },
  convention: true,
  instalments: { orderBy: [{ plannedDate: "asc" }, { position: "asc" }] },
  reports: { orderBy: { financialYear: "asc" } },
} satisfies NonNullable<Parameters<Db["subsidy"]["findUnique"]>[0]["include"]>;

type SubsidyDetailRow = Prisma.SubsidyGetPayload<{ include: typeof subsidyDetailInclude }>;

function decorate(s: SubsidyDetailRow, now: Date) {
  const signedAt = s.convention?.status === "signee" ? s.convention.signedAt : null;
  const conventionRequired = requiresConvention(s.years.map((y) => y.amountCents));
  const { instalments, reports, ...rest } = s;
  return {
    ...rest,
    stage: subsidyStage(s),
    paidCents: sumPaid(s.instalments),
    scheduledCents: s.instalments.reduce((sum, i) => sum + i.amountCents, 0),
    conventionRequired,
    paymentBlocked: conventionRequired && s.convention?.status !== "signee",
    instalments: instalments.map((i) => ({ ...i, flags: instalmentFlags(i, signedAt, now) })),
    reports: reports.map((r) => ({ ...r, overdue: isReportOverdue(r, now) })),
  };
}

/** Staff: one subsidy with everything. */
export async function getSubsidyForStaff(subsidyId: string, now = new Date()) {
  const s = await prisma.subsidy.findUnique({ where: { id: subsidyId }, include: subsidyDetailInclude });
  return s ? decorate(s, now) : null;
}

/** An association's member: its own subsidy only (`where: { id, associationId }`). */
export async function getSubsidyForAssociation(associationId: string, subsidyId: string, now = new Date()) {
  const s = await prisma.subsidy.findFirst({ where: { id: subsidyId, associationId }, include: subsidyDetailInclude });
  return s ? decorate(s, now) : null;
}

export async function listSubsidiesForAssociation(associationId: string, now = new Date()) {
  const rows = await prisma.subsidy.findMany({
    where: { associationId },
    include: subsidyDetailInclude,
    orderBy: [{ financialYear: "desc" }, { number: "desc" }],
  });
  return rows.map((s) => decorate(s, now));
}

/** Staff list, newest first, optionally for one financial year. */
export async function listSubsidiesForStaff(filter: { year?: number } = {}, now = new Date()) {
  const rows = await prisma.subsidy.findMany({
    where: filter.year ? { financialYear: filter.year } : {},
    include: subsidyDetailInclude,
    orderBy: [{ financialYear: "desc" }, { number: "desc" }],
  });
  return rows.map((s) => decorate(s, now));
}

/** Staff: validated associations to grant a subsidy outside a call. */
export async function listGrantableAssociations() {
  return prisma.association.findMany({ where: IN_NETWORK, select: { id: true, name: true }, orderBy: { name: "asc" } });
}

/** The association space: a link per subsidy, with what needs doing. */
export async function subsidySpaceLinks(associationId: string) {
  const now = new Date();
  const subsidies = await prisma.subsidy.findMany({
    where: { associationId, votedCents: { not: null } },
    select: { id: true, reports: { select: { status: true, dueDate: true } } },
  });
  if (subsidies.length === 0) return [];
  const open = subsidies.flatMap((s) => s.reports).filter((r) => (OPEN_REPORT_STATUSES as readonly string[]).includes(r.status));
  const overdue = open.filter((r) => isReportOverdue(r, now)).length;
  const note = overdue
    ? `${overdue} compte${overdue > 1 ? "s" : ""} rendu${overdue > 1 ? "s" : ""} financier${overdue > 1 ? "s" : ""} en retard`
    : open.length
      ? `${open.length} compte${open.length > 1 ? "s" : ""} rendu${open.length > 1 ? "s" : ""} financier${open.length > 1 ? "s" : ""} à fournir`
      : `${subsidies.length} subvention${subsidies.length > 1 ? "s" : ""}`;
  return [{ href: `/espace/associations/${associationId}/subventions`, label: "Subventions du CCAS", note }];
}
