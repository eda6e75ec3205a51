// The indicators a subsidy's compte rendu asks values for, and the values reported: the dossier's
// indicators (targets given when applying) or the subsidy's own (granted outside calls); for a
// multi-year agreement, the year's objective target replaces the indicator's when one names it.
import { prisma, type Db, type Tx } from "~/db.server";
import { subsidyRefusal } from "~/subsidies/errors";
import type { IndicatorKind } from "~/steering/indicators";
import type { IndicatorResultInput, ReportIndicator } from "~/steering/report-schema";

type Owner = { id: string; dossierId: string | null };

/** The subsidy's indicators: its dossier's and its own. */
export const ownIndicatorsWhere = (s: Owner) => ({ OR: [{ subsidyId: s.id }, ...(s.dossierId ? [{ dossierId: s.dossierId }] : [])] });

export const projectIndicatorSelect = {
  id: true,
  name: true,
  kind: true,
  unit: true,
  target: true,
  dossierId: true,
  callIndicator: { select: { targetRequired: true, description: true } },
} as const;

export async function listSubsidyIndicators(s: Owner, db: Pick<Db, "projectIndicator"> = prisma) {
  return db.projectIndicator.findMany({
    where: ownIndicatorsWhere(s),
    select: projectIndicatorSelect,
    orderBy: [{ dossierId: "asc" }, { position: "asc" }, { createdAt: "asc" }],
  });
}

type IndicatorRow = Awaited<ReturnType<typeof listSubsidyIndicators>>[number];
type ObjectiveTarget = { year: number; indicatorId: string | null; target: number | null };

/** What the report of `year` asks: each indicator with its target for that year. */
export function indicatorsForYear(indicators: IndicatorRow[], objectives: ObjectiveTarget[], year: number): ReportIndicator[] {
  return indicators.map((i) => {
    const objective = objectives.find((o) => o.year === year && o.indicatorId === i.id && o.target !== null);
    const target = objective?.target ?? i.target;
    return {
      id: i.id,
      name: i.name,
      kind: i.kind as IndicatorKind,
      unit: i.unit,
      description: i.callIndicator?.description ?? "",
      target,
      required: target !== null || Boolean(i.callIndicator?.targetRequired),
    };
  });
}

/** Per report: the indicators it asks for and the values it holds. */
export async function reportIndicatorsOf(s: Owner & { reports: { id: string; financialYear: number }[] }) {
  const [indicators, objectives, results] = await Promise.all([
    listSubsidyIndicators(s),
    prisma.agreementObjective.findMany({ where: { subsidyId: s.id }, select: { year: true, indicatorId: true, target: true } }),
    prisma.indicatorResult.findMany({
      where: { reportId: { in: s.reports.map((r) => r.id) } },
      select: { reportId: true, indicatorId: true, value: true, comment: true },
    }),
  ]);
  return new Map(
    s.reports.map((r) => [
      r.id,
      {
        indicators: indicatorsForYear(indicators, objectives, r.financialYear),
        results: results.filter((x) => x.reportId === r.id).map(({ indicatorId, value, comment }) => ({ indicatorId, value, comment })),
      },
    ]),
  );
}

/** The indicators the report `reportId` of subsidy `s` asks for (the schema is built from them). */
export async function indicatorsForReport(s: Owner, report: { financialYear: number }) {
  const [indicators, objectives] = await Promise.all([
    listSubsidyIndicators(s),
    prisma.agreementObjective.findMany({ where: { subsidyId: s.id }, select: { year: true, indicatorId: true, target: true } }),
  ]);
  return indicatorsForYear(indicators, objectives, report.financialYear);
}

/** Writes the report's values, in the report's transaction: one row per indicator, none left over. */
export async function saveIndicatorResults(tx: Tx, report: { id: string; subsidyId: string }, results: IndicatorResultInput[]) {
  const subsidy = await tx.subsidy.findUniqueOrThrow({ where: { id: report.subsidyId }, select: { id: true, dossierId: true } });
  const ids = results.map((r) => r.indicatorId);
  const known = await tx.projectIndicator.count({ where: { AND: [ownIndicatorsWhere(subsidy), { id: { in: ids } }] } });
  if (known !== new Set(ids).size) {
    throw subsidyRefusal("indicator_unknown", "Un indicateur de ce compte rendu n'existe plus : rechargez la page.");
  }
  await tx.indicatorResult.deleteMany({ where: { reportId: report.id, indicatorId: { notIn: ids } } });
  for (const r of results) {
    await tx.indicatorResult.upsert({
      where: { reportId_indicatorId: { reportId: report.id, indicatorId: r.indicatorId } },
      create: { reportId: report.id, indicatorId: r.indicatorId, value: r.value, comment: r.comment },
      update: { value: r.value, comment: r.comment },
    });
  }
}
