// The steering dashboard against a real SQLite database: every total is recomputed here with
// queries of its own (aggregates, counts, raw rows), not with the dashboard's helpers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SteeringWorld } from "./test-support";

const { prisma } = await import("../db.server");
const { getSteeringDashboard, steeringYears, UNATTACHED_LABEL } = await import("./dashboard.server");
const { buildSteeringWorld } = await import("./test-support");
const { getDashboard } = await import("../subsidies/dashboard.server");

const YEAR = 2093;
let world: SteeringWorld;

beforeAll(async () => {
  world = await buildSteeringWorld(prisma, { year: YEAR, tag: "vt" });
});
afterAll(async () => {
  await prisma.$disconnect();
});

/** Voted, paid, projects and associations of the voted subsidies of YEAR matching `where`, from the database. */
async function moneyFromDb(where: object) {
  const base = { financialYear: YEAR, votedCents: { not: null }, ...where };
  const voted = await prisma.subsidy.aggregate({ where: base, _sum: { votedCents: true }, _count: true });
  const paid = await prisma.instalment.aggregate({ where: { subsidy: base }, _sum: { paidCents: true } });
  const associations = await prisma.subsidy.findMany({ where: base, distinct: ["associationId"], select: { associationId: true } });
  return {
    votedCents: voted._sum.votedCents ?? 0,
    paidCents: paid._sum.paidCents ?? 0,
    projects: voted._count,
    associations: associations.length,
  };
}

/** Projects active in YEAR (voted; their financial year, or a year of a multi-year agreement). */
const activeWhere = {
  votedCents: { not: null },
  OR: [{ financialYear: YEAR }, { multiYear: true, years: { some: { year: YEAR } } }],
};

describe("getSteeringDashboard", () => {
  it("finds the project of the year and offers its years", async () => {
    const d = await getSteeringDashboard(YEAR);
    expect(d.project?.id).toBe(world.project.id);
    const years = await steeringYears();
    expect(years).toEqual(expect.arrayContaining([YEAR - 1, YEAR]));
    const none = await getSteeringDashboard(2400);
    expect(none.project).toBeNull();
    expect(none.axes).toEqual([]);
    expect(none.totals.votedCents).toBe(0);
  });

  it("adds up money, projects and associations per axis and projet phare as the database says", async () => {
    const d = await getSteeringDashboard(YEAR);
    const { votedCents, paidCents, projects, associations } = d.totals;
    expect({ votedCents, paidCents, projects, associations }).toEqual(await moneyFromDb({}));
    expect(d.totals.votedCents).toBe(42_000_00); // the factory's figures, as a reading check
    for (const axis of d.axes) {
      const { votedCents: v, paidCents: p, projects: n, associations: a } = axis;
      expect({ votedCents: v, paidCents: p, projects: n, associations: a }).toEqual(await moneyFromDb({ axisId: axis.key }));
      for (const f of axis.flagships) {
        const { votedCents: fv, paidCents: fp, projects: fn, associations: fa } = f;
        expect({ votedCents: fv, paidCents: fp, projects: fn, associations: fa }).toEqual(await moneyFromDb({ flagshipId: f.id }));
      }
      expect(axis.withoutFlagship).toEqual(await moneyFromDb({ axisId: axis.key, flagshipId: null }));
    }
    expect(d.unattached.title).toBe(UNATTACHED_LABEL);
    const { votedCents: uv, paidCents: up, projects: un, associations: ua } = d.unattached;
    expect({ votedCents: uv, paidCents: up, projects: un, associations: ua }).toEqual(await moneyFromDb({ axisId: null }));
    // The rows add up to the total, and the subsidy dashboard of the year says the same.
    expect(d.axes.reduce((s, a) => s + a.votedCents, 0) + d.unattached.votedCents).toBe(d.totals.votedCents);
    const subsidies = await getDashboard(YEAR);
    expect(subsidies.totals.votedCents).toBe(d.totals.votedCents);
    expect(subsidies.totals.paidCents).toBe(d.totals.paidCents);
    expect(subsidies.totals.associationsFunded).toBe(d.totals.associations);
  });

  it("sums additive indicators from validated reports only, and gives shares their spread", async () => {
    const d = await getSteeringDashboard(YEAR);
    const rows = await prisma.projectIndicator.findMany({
      where: { OR: [{ subsidy: activeWhere }, { dossier: { subsidy: activeWhere } }] },
      select: {
        id: true,
        name: true,
        unit: true,
        target: true,
        subsidyId: true,
        dossier: { select: { subsidy: { select: { id: true } } } },
        objectives: { where: { year: YEAR }, select: { target: true } },
        results: { where: { report: { financialYear: YEAR } }, select: { value: true, report: { select: { status: true } } } },
      },
    });
    const people = rows.filter((r) => r.unit === "personnes");
    const peopleGroup = d.indicators.find((g) => g.unit === "personnes")!;
    const validated = people.flatMap((r) => r.results.filter((x) => x.report.status === "valide" && x.value !== null).map((x) => x.value!));
    expect(peopleGroup.projects).toBe(people.length);
    expect(peopleGroup.targetSum).toBe(people.reduce((s, r) => s + (r.target ?? 0), 0));
    expect(peopleGroup.achievedSum).toBe(validated.reduce((a, b) => a + b, 0));
    expect(peopleGroup.reporting).toBe(validated.length);
    expect(peopleGroup.pending).toBe(people.filter((r) => r.results.some((x) => x.report.status === "soumis")).length);
    expect(peopleGroup.rate).toBe(Math.round((peopleGroup.achievedSum! / peopleGroup.targetSum!) * 100));
    expect([peopleGroup.targetSum, peopleGroup.achievedSum, peopleGroup.pending]).toEqual([190, 127, 1]);

    const shares = rows.filter((r) => r.unit === "pourcentage");
    const shareGroup = d.indicators.find((g) => g.unit === "pourcentage")!;
    const shareTargets = shares.map((r) => r.objectives[0]?.target ?? r.target!);
    const shareValues = shares.flatMap((r) => r.results.filter((x) => x.report.status === "valide").map((x) => x.value!));
    expect(shareGroup.targetSum).toBeNull();
    expect(shareGroup.achievedSum).toBeNull();
    expect(shareGroup.targetSpread).toEqual({
      mean: shareTargets.reduce((a, b) => a + b, 0) / shareTargets.length,
      min: Math.min(...shareTargets),
      max: Math.max(...shareTargets),
    });
    expect(shareGroup.achievedSpread).toEqual({
      mean: shareValues.reduce((a, b) => a + b, 0) / shareValues.length,
      min: Math.min(...shareValues),
      max: Math.max(...shareValues),
    });
    expect(shareGroup.targetSpread?.max).toBe(65); // the multi-year objective's target, not the indicator's 60

    const hours = d.indicators.find((g) => g.unit === "heures")!;
    expect(hours.achievedSum).toBe(0);
    expect(hours.reporting).toBe(0);
    expect(hours.rate).toBeNull();
    expect(hours.pending).toBe(1);

    // Per axis: the unattached subsidy's hours are its own.
    expect(d.unattached.indicators.map((g) => [g.unit, g.targetSum])).toEqual([["heures", 20]]);
    const axis2People = d.axes[1].indicators.find((g) => g.unit === "personnes")!;
    expect(axis2People.achievedSum).toBe(35 + 12); // the agreement of this year and the one begun the year before
  });

  it("gives the trends of every year of the project from the database", async () => {
    const d = await getSteeringDashboard(YEAR);
    expect(d.trends.years).toEqual([YEAR - 1, YEAR]);
    for (const axis of d.axes) {
      const trend = d.trends.money.find((t) => t.key === axis.key)!;
      for (const point of trend.byYear) {
        const voted = await prisma.subsidy.aggregate({
          where: { financialYear: point.year, votedCents: { not: null }, axisId: axis.key },
          _sum: { votedCents: true },
        });
        const paid = await prisma.instalment.aggregate({
          where: { subsidy: { financialYear: point.year, votedCents: { not: null }, axisId: axis.key } },
          _sum: { paidCents: true },
        });
        expect([point.votedCents, point.paidCents]).toEqual([voted._sum.votedCents ?? 0, paid._sum.paidCents ?? 0]);
      }
    }
    const people = d.trends.indicators.find((t) => t.unit === "personnes")!;
    for (const point of people.byYear) {
      const achieved = await prisma.indicatorResult.aggregate({
        where: { report: { financialYear: point.year, status: "valide" }, indicator: { unit: "personnes" } },
        _sum: { value: true },
      });
      expect(point.achieved).toBe(achieved._sum.value);
    }
    expect(people.byYear.map((p) => p.achieved)).toEqual([9, 127]);
  });
});
