// The steering dashboard of a year: money voted and paid, projects and associations per axis and
// projet phare of the social project covering the year, indicators (target vs achieved) and the
// trends across the project's years.
//
// Money follows the subsidy dashboard's rule (app/subsidies/dashboard.server.ts): a voted subsidy
// counts in its financial year, a multi-year one for its total in its first year; paid is what its
// instalments paid. Indicators follow the year of activity: a subsidy is active in its financial
// year and, when multi-year, in each year of its agreement; its target for a year is the year's
// objective naming the indicator when there is one, else the indicator's target; its achieved
// value is the one of that year's compte rendu, once validated.
import { projectForYear } from "./social-project.server";
import { prisma, type Prisma } from "~/db.server";
import { groupIndicators, type IndicatorFact, type IndicatorGroup } from "~/steering/indicator-totals";
import { parisYear, sumPaid } from "~/subsidies/rules";

export const UNATTACHED_LABEL = "Non rattaché au projet social";

const indicatorSelect = { select: { id: true, name: true, kind: true, unit: true, target: true } } as const;

export const steeringSubsidySelect = {
  id: true,
  associationId: true,
  financialYear: true,
  votedCents: true,
  multiYear: true,
  axisId: true,
  flagshipId: true,
  years: { select: { year: true } },
  instalments: { select: { paidCents: true } },
  indicators: indicatorSelect,
  dossier: { select: { indicators: indicatorSelect } },
  objectives: { select: { year: true, indicatorId: true, target: true } },
  reports: { select: { financialYear: true, status: true, results: { select: { indicatorId: true, value: true } } } },
} satisfies Prisma.SubsidySelect;

type SteeringSubsidy = Prisma.SubsidyGetPayload<{ select: typeof steeringSubsidySelect }>;

export type MoneyFigures = { votedCents: number; paidCents: number; projects: number; associations: number };
export type FlagshipRow = MoneyFigures & { id: string; number: number; title: string };
export type AxisRow = MoneyFigures & {
  key: string;
  number: number | null;
  title: string;
  flagships: FlagshipRow[];
  /** Subsidies of the axis tied to none of its projets phares. */
  withoutFlagship: MoneyFigures;
  indicators: IndicatorGroup[];
};
export type TrendRow = { key: string; label: string; byYear: { year: number; votedCents: number; paidCents: number }[] };
export type IndicatorTrend = {
  key: string;
  name: string;
  unit: string;
  additive: boolean;
  /** Sum (additive units) or mean (shares) of the validated values of each year. */
  byYear: { year: number; achieved: number | null; reporting: number }[];
};

export type SteeringDashboard = Awaited<ReturnType<typeof getSteeringDashboard>>;

/** Years offered: those with subsidies, every year of a social project, and the current year; newest first. */
export async function steeringYears(now = new Date()): Promise<number[]> {
  const [subsidies, projects] = await Promise.all([
    prisma.subsidy.findMany({ distinct: ["financialYear"], select: { financialYear: true } }),
    prisma.socialProject.findMany({ select: { startYear: true, endYear: true } }),
  ]);
  const years = new Set([parisYear(now), ...subsidies.map((s) => s.financialYear)]);
  for (const p of projects) for (let y = p.startYear; y <= p.endYear && y - p.startYear < 20; y++) years.add(y);
  return [...years].sort((a, b) => b - a);
}

function emptyMoney() {
  return { votedCents: 0, paidCents: 0, subsidies: new Set<string>(), associations: new Set<string>() };
}
type MoneyAcc = ReturnType<typeof emptyMoney>;

function add(acc: MoneyAcc, s: SteeringSubsidy) {
  acc.votedCents += s.votedCents ?? 0;
  acc.paidCents += sumPaid(s.instalments);
  acc.subsidies.add(s.id);
  acc.associations.add(s.associationId);
}

const figures = (acc: MoneyAcc): MoneyFigures => ({
  votedCents: acc.votedCents,
  paidCents: acc.paidCents,
  projects: acc.subsidies.size,
  associations: acc.associations.size,
});

const isActiveIn = (s: SteeringSubsidy, year: number) => s.financialYear === year || (s.multiYear && s.years.some((y) => y.year === year));

/** A subsidy's indicators in a year, with the year's target and validated value. */
export function indicatorFacts(s: SteeringSubsidy, year: number): IndicatorFact[] {
  const report = s.reports.find((r) => r.financialYear === year);
  const own = [...s.indicators, ...(s.dossier?.indicators ?? [])];
  return own.map((indicator) => {
    const objective = s.objectives.find((o) => o.year === year && o.indicatorId === indicator.id && o.target !== null);
    const result = report?.status === "valide" ? report.results.find((r) => r.indicatorId === indicator.id) : undefined;
    return {
      name: indicator.name,
      kind: indicator.kind,
      unit: indicator.unit,
      target: objective?.target ?? indicator.target,
      achieved: result?.value ?? null,
      pending: report?.status === "soumis",
    };
  });
}

/** One year of the steering dashboard (see the top of this file for what counts where). */
export async function getSteeringDashboard(year: number) {
  const project = await projectForYear(year);
  const from = project?.startYear ?? year;
  const to = project?.endYear ?? year;
  const subsidies = await prisma.subsidy.findMany({
    where: {
      votedCents: { not: null },
      OR: [{ financialYear: { gte: from, lte: to } }, { multiYear: true, years: { some: { year: { gte: from, lte: to } } } }],
    },
    select: steeringSubsidySelect,
    orderBy: { number: "asc" },
  });

  const axes = project?.axes ?? [];
  const flagshipAxis = new Map(axes.flatMap((a) => a.flagships.map((f) => [f.id, a.id] as const)));
  const axisIds = new Set(axes.map((a) => a.id));
  /** The axis a subsidy counts under in this project, or "" (not attached). */
  const axisOf = (s: SteeringSubsidy) => {
    const axisId = s.axisId ?? (s.flagshipId ? flagshipAxis.get(s.flagshipId) : undefined);
    return axisId && axisIds.has(axisId) ? axisId : "";
  };

  const ofYear = subsidies.filter((s) => s.financialYear === year);
  const active = subsidies.filter((s) => isActiveIn(s, year));
  const factsOf = (list: SteeringSubsidy[]) => list.flatMap((s) => indicatorFacts(s, year));

  const axisRows: AxisRow[] = axes.map((axis) => {
    const inAxis = ofYear.filter((s) => axisOf(s) === axis.id);
    const total = emptyMoney();
    const without = emptyMoney();
    for (const s of inAxis) {
      add(total, s);
      if (!s.flagshipId || flagshipAxis.get(s.flagshipId) !== axis.id) add(without, s);
    }
    return {
      key: axis.id,
      number: axis.number,
      title: axis.title,
      ...figures(total),
      flagships: axis.flagships.map((f) => {
        const acc = emptyMoney();
        for (const s of inAxis) if (s.flagshipId === f.id) add(acc, s);
        return { id: f.id, number: f.number, title: f.title, ...figures(acc) };
      }),
      withoutFlagship: figures(without),
      indicators: groupIndicators(factsOf(active.filter((s) => axisOf(s) === axis.id))),
    };
  });
  const unattachedMoney = emptyMoney();
  for (const s of ofYear) if (!axisOf(s)) add(unattachedMoney, s);
  const unattached: AxisRow = {
    key: "non-rattache",
    number: null,
    title: UNATTACHED_LABEL,
    ...figures(unattachedMoney),
    flagships: [],
    withoutFlagship: figures(unattachedMoney),
    indicators: groupIndicators(factsOf(active.filter((s) => !axisOf(s)))),
  };

  const all = emptyMoney();
  for (const s of ofYear) add(all, s);
  const indicators = groupIndicators(factsOf(active));

  const trendYears = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const moneyTrend = (axisKey: string, label: string): TrendRow => ({
    key: axisKey || unattached.key,
    label,
    byYear: trendYears.map((y) => {
      const acc = emptyMoney();
      for (const s of subsidies) if (s.financialYear === y && axisOf(s) === axisKey) add(acc, s);
      return { year: y, votedCents: acc.votedCents, paidCents: acc.paidCents };
    }),
  });
  const groupsByYear = trendYears.map((y) => ({
    year: y,
    groups: new Map(groupIndicators(subsidies.filter((s) => isActiveIn(s, y)).flatMap((s) => indicatorFacts(s, y))).map((g) => [g.key, g])),
  }));
  const trendKeys = new Map<string, IndicatorGroup>();
  for (const { groups } of groupsByYear) for (const [key, g] of groups) if (!trendKeys.has(key)) trendKeys.set(key, g);
  const indicatorTrends: IndicatorTrend[] = [...trendKeys.values()].map((g) => ({
    key: g.key,
    name: g.name,
    unit: g.unit,
    additive: g.additive,
    byYear: groupsByYear.map(({ year: y, groups }) => {
      const found = groups.get(g.key);
      const achieved = !found || found.reporting === 0 ? null : found.additive ? found.achievedSum : (found.achievedSpread?.mean ?? null);
      return { year: y, achieved, reporting: found?.reporting ?? 0 };
    }),
  }));

  return {
    year,
    project: project && {
      id: project.id,
      title: project.title,
      startYear: project.startYear,
      endYear: project.endYear,
      adoptedOn: project.adoptedOn,
    },
    totals: { ...figures(all), attachedVotedCents: all.votedCents - unattachedMoney.votedCents },
    axes: axisRows,
    unattached,
    indicators,
    trends: {
      years: trendYears,
      money: [...axes.map((a) => moneyTrend(a.id, `Axe ${a.number}`)), moneyTrend("", UNATTACHED_LABEL)],
      indicators: indicatorTrends,
    },
  };
}
