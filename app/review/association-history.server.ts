// The association's history beside a dossier, as staff weigh a new request: its earlier
// dossiers, its subsidies by financial year (voted, paid), its financial reports overdue, and
// whether it signed the charter's current version. Data.Subvention's « historique » on one screen.
import { dossierLineSelect } from "./selects.server";
import { IN_DIRECTORY } from "~/associations/directory-visibility";
import { currentCharterVersion } from "~/charter/charter-status.server";
import { prisma } from "~/db.server";
import { OPEN_REPORT_STATUSES } from "~/subsidies/rules";
import { requireDossierAccess, reviewableCallIds, type Actor } from "./access.server";

/** Everything the section « L'association » shows besides the identity the dossier page already has. */
export async function getAssociationHistory(user: Actor, dossierId: string, now = new Date()) {
  await requireDossierAccess(user, dossierId);
  const { associationId } = await prisma.dossier.findUniqueOrThrow({ where: { id: dossierId }, select: { associationId: true } });
  const [association, dossiers, subsidies, overdueReports, charter, signatures, reachable] = await Promise.all([
    // Linked to its directory page only when the directory shows it.
    prisma.association.findFirst({ where: { id: associationId, ...IN_DIRECTORY }, select: { slug: true } }),
    prisma.dossier.findMany({
      where: { associationId, id: { not: dossierId }, state: { not: "brouillon" } },
      orderBy: [{ submittedAt: "desc" }, { number: "desc" }],
      take: 50,
      select: {
        ...dossierLineSelect,
        decidedAt: true,
        call: { select: { id: true, title: true, financialYear: true } },
        subsidy: { select: { id: true, number: true, votedCents: true } },
      },
    }),
    prisma.subsidy.findMany({
      where: { associationId },
      orderBy: [{ financialYear: "desc" }, { number: "asc" }],
      select: {
        id: true,
        number: true,
        purpose: true,
        financialYear: true,
        proposedCents: true,
        votedCents: true,
        instalments: { where: { paidAt: { not: null } }, select: { paidCents: true, amountCents: true } },
      },
    }),
    prisma.financialReport.findMany({
      where: { subsidy: { associationId }, status: { in: [...OPEN_REPORT_STATUSES] }, dueDate: { lt: now } },
      orderBy: { dueDate: "asc" },
      select: {
        id: true,
        financialYear: true,
        dueDate: true,
        status: true,
        subsidy: { select: { id: true, number: true, purpose: true } },
      },
    }),
    currentCharterVersion(),
    prisma.charterSignature.findMany({
      where: { associationId },
      orderBy: { signedAt: "desc" },
      take: 1,
      select: { signedAt: true, signerName: true, version: { select: { version: true } } },
    }),
    reviewableCallIds(user),
  ]);
  const years = new Map<number, { year: number; count: number; votedCents: number; paidCents: number }>();
  for (const s of subsidies) {
    const y = years.get(s.financialYear) ?? { year: s.financialYear, count: 0, votedCents: 0, paidCents: 0 };
    y.count += 1;
    y.votedCents += s.votedCents ?? 0;
    y.paidCents += s.instalments.reduce((sum, i) => sum + (i.paidCents ?? i.amountCents), 0);
    years.set(s.financialYear, y);
  }
  const lastSignature = signatures[0] ?? null;
  const currentSignature = charter
    ? await prisma.charterSignature.findUnique({
        where: { versionId_associationId: { versionId: charter.id, associationId } },
        select: { signedAt: true, signerName: true },
      })
    : null;
  const canOpen = (callId: string) => reachable === null || reachable.includes(callId);
  return {
    directorySlug: association?.slug ?? null,
    dossiers: dossiers.map((d) => ({ ...d, reachable: canOpen(d.call.id) })),
    subsidiesByYear: [...years.values()].sort((a, b) => b.year - a.year),
    subsidies: subsidies.map(({ instalments, ...s }) => ({
      ...s,
      paidCents: instalments.reduce((sum, i) => sum + (i.paidCents ?? i.amountCents), 0),
    })),
    overdueReports,
    charter: {
      currentVersion: charter?.version ?? null,
      currentSignature,
      lastSignature: lastSignature
        ? { version: lastSignature.version.version, signedAt: lastSignature.signedAt, signerName: lastSignature.signerName }
        : null,
    },
  };
}

export type AssociationHistory = Awaited<ReturnType<typeof getAssociationHistory>>;
