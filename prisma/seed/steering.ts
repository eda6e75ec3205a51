// Demo steering data, once the calls and subsidies exist: the demo calls of the social project's
// period tied to its axes and projets phares, three indicators on every demo call (one tied to a
// criterion), targets on the demo dossiers, the subsidies attached to the project (one left
// unattached), achieved values on the reports already sent, indicators on a grant outside calls,
// and the multi-year agreement's yearly objectives and review meeting. Every steering table gets rows.
import { createCallIndicator, createProjectIndicator } from "../factories/steering";
import type { IndicatorUnit } from "../../app/steering/indicators";
import { BESANCON_SOCIAL_PROJECT } from "./social-project";
import type { SeedContext } from "./index";

const CALL_INDICATORS = [
  {
    name: "Personnes accompagnées",
    kind: "resultats",
    unit: "personnes",
    targetRequired: true,
    description: "Personnes différentes accompagnées au moins une fois pendant l'action.",
  },
  {
    name: "Heures d'atelier",
    kind: "moyens",
    unit: "heures",
    targetRequired: false,
    description: "Heures d'atelier ou de permanence tenues.",
  },
  {
    name: "Part de femmes parmi les personnes accompagnées",
    kind: "resultats",
    unit: "pourcentage",
    targetRequired: false,
    description: "En pourcentage des personnes accompagnées.",
  },
] as const;

/** The projets phares (by number) a demo call serves, from its title. */
function flagshipsOfCall(title: string): number[] {
  if (/alimentaire/i.test(title)) return [5];
  if (/solidarit/i.test(title)) return [2, 8, 9, 10];
  return [8];
}

/** A target for the n-th dossier: varied, plausible, a share within 0-100. */
function targetFor(unit: IndicatorUnit, n: number): number {
  if (unit === "pourcentage") return 45 + ((n * 7) % 25);
  if (unit === "heures") return 80 + 20 * (n % 6);
  return 30 + 10 * (n % 8);
}

/** What was achieved: between 80 % and 115 % of the target; a share a few points around it. */
function achievedFor(target: number, unit: string, n: number): number {
  if (unit === "pourcentage") return Math.max(0, Math.min(100, target + (n % 9) - 4));
  return Math.round(target * (0.8 + ((n * 5) % 36) / 100));
}

export async function seedSteering(ctx: SeedContext) {
  const { db } = ctx;
  const staffId = ctx.users["instructrice@ccas-besancon.test"];
  const project = await db.socialProject.findFirst({
    where: { startYear: BESANCON_SOCIAL_PROJECT.startYear, endYear: BESANCON_SOCIAL_PROJECT.endYear },
    include: { flagships: { orderBy: { number: "asc" } } },
  });
  if (!project) return;
  const flagshipByNumber = new Map(project.flagships.map((f) => [f.number, f]));

  // ── The calls: ties to the project (those of its period), indicators, a criterion tied to one.
  const calls = await db.call.findMany({
    select: { id: true, title: true, financialYear: true, criteria: { orderBy: { position: "asc" }, select: { id: true } } },
    orderBy: { closesAt: "asc" },
  });
  const callFlagships = new Map<string, { id: string; axisId: string }[]>();
  for (const call of calls) {
    if (call.financialYear >= project.startYear && call.financialYear <= project.endYear) {
      const flagships = flagshipsOfCall(call.title).map((n) => flagshipByNumber.get(n)!);
      callFlagships.set(call.id, flagships);
      await db.callFlagship.createMany({ data: flagships.map((f) => ({ callId: call.id, flagshipId: f.id })) });
      await db.callAxis.createMany({ data: [...new Set(flagships.map((f) => f.axisId))].map((axisId) => ({ callId: call.id, axisId })) });
    }
    const indicators = [];
    for (const [position, indicator] of CALL_INDICATORS.entries()) {
      indicators.push(await createCallIndicator(db, call.id, { ...indicator, position }));
    }
    if (call.criteria[0]) await db.criterionIndicator.create({ data: { criterionId: call.criteria[0].id, indicatorId: indicators[0].id } });

    // ── Targets on the call's dossiers (the draft too: it is past the step), one own indicator.
    const dossiers = await db.dossier.findMany({ where: { callId: call.id }, select: { id: true }, orderBy: { createdAt: "asc" } });
    for (const [n, dossier] of dossiers.entries()) {
      for (const [position, indicator] of indicators.entries()) {
        await createProjectIndicator(
          db,
          { dossierId: dossier.id },
          { callIndicatorId: indicator.id, target: targetFor(indicator.unit as IndicatorUnit, n), position },
        );
      }
      if (n === 0) {
        await createProjectIndicator(
          db,
          { dossierId: dossier.id },
          { name: "Colis alimentaires distribués", kind: "moyens", unit: "repas", target: 600, position: indicators.length },
        );
      }
    }
  }

  // ── The subsidies of the period attached to the project: the call's projets phares in turn, every
  // fourth one to the axis only; outside calls, the first attached and the others left unattached.
  const subsidies = await db.subsidy.findMany({
    where: { financialYear: { gte: project.startYear, lte: project.endYear } },
    select: { id: true, dossier: { select: { callId: true } } },
    orderBy: { number: "asc" },
  });
  let turn = 0;
  let outside = 0;
  let attached = 0;
  for (const subsidy of subsidies) {
    const flagships = subsidy.dossier ? callFlagships.get(subsidy.dossier.callId) : undefined;
    if (flagships?.length) {
      const flagship = flagships[turn % flagships.length];
      await db.subsidy.update({
        where: { id: subsidy.id },
        data: { axisId: flagship.axisId, flagshipId: turn % 4 === 3 ? null : flagship.id },
      });
      turn += 1;
      attached += 1;
    } else if (!subsidy.dossier && outside++ === 0) {
      const flagship = flagshipByNumber.get(9)!;
      await db.subsidy.update({ where: { id: subsidy.id }, data: { axisId: flagship.axisId, flagshipId: flagship.id } });
      attached += 1;
    }
  }

  // ── A grant outside calls with its own indicators.
  const grant = await db.subsidy.findFirst({
    where: { dossierId: null, reports: { some: { status: "valide" } } },
    select: { id: true },
    orderBy: { number: "asc" },
  });
  if (grant) {
    await createProjectIndicator(
      db,
      { subsidyId: grant.id },
      { name: "Personnes accompagnées", kind: "resultats", unit: "personnes", target: 30 },
    );
    await createProjectIndicator(db, { subsidyId: grant.id }, { name: "Séances collectives", kind: "moyens", unit: "seances", target: 24 });
  }

  // ── Achieved values on the reports already sent (submitted, sent back or validated).
  const reports = await db.financialReport.findMany({
    where: { status: { in: ["soumis", "a_corriger", "valide"] } },
    select: {
      id: true,
      subsidy: {
        select: {
          indicators: { select: { id: true, target: true, unit: true } },
          dossier: { select: { indicators: { select: { id: true, target: true, unit: true }, orderBy: { position: "asc" } } } },
        },
      },
    },
    orderBy: { dueDate: "asc" },
  });
  let results = 0;
  for (const [n, report] of reports.entries()) {
    const indicators = report.subsidy.dossier?.indicators ?? report.subsidy.indicators;
    const rows = indicators.map((indicator, i) => {
      const target = indicator.target ?? 0;
      const value = achievedFor(target, indicator.unit, n + i);
      return {
        reportId: report.id,
        indicatorId: indicator.id,
        value,
        comment: value < target ? "Démarrage plus lent que prévu au premier trimestre." : "",
      };
    });
    await db.indicatorResult.createMany({ data: rows });
    results += rows.length;
  }

  // ── The multi-year agreement: two objectives a year, the first measured by an indicator, and the
  // first year's review meeting.
  const agreement = await db.subsidy.findFirst({
    where: { multiYear: true },
    select: {
      id: true,
      years: { orderBy: { year: "asc" }, select: { year: true } },
      dossier: { select: { indicators: { where: { unit: "personnes" }, select: { id: true, target: true }, take: 1 } } },
    },
    orderBy: { number: "asc" },
  });
  if (agreement) {
    const measured = agreement.dossier?.indicators[0] ?? null;
    for (const [i, { year }] of agreement.years.entries()) {
      await db.agreementObjective.createMany({
        data: [
          {
            subsidyId: agreement.id,
            year,
            title: "Accompagner les personnes orientées par les antennes sociales",
            indicatorId: measured?.id ?? null,
            target: (measured?.target ?? 40) + 10 * i,
            position: 0,
          },
          {
            subsidyId: agreement.id,
            year,
            title: "Tenir un comité de suivi chaque trimestre avec le CCAS",
            indicatorId: null,
            target: 4,
            position: 1,
          },
        ],
      });
    }
    const first = agreement.years[0]?.year;
    if (first) {
      await db.reviewMeeting.create({
        data: {
          subsidyId: agreement.id,
          year: first,
          heldOn: new Date(Date.UTC(first, 10, 20, 9)),
          participants: "La direction du CCAS, l'instructrice référente, la présidence et la coordination de l'association.",
          notes: "Les permanences ont trouvé leur public ; la fréquentation baisse l'été. Les comités de suivi se sont tenus.",
          decisions: "Objectif maintenu pour l'année suivante ; une permanence supplémentaire à Planoise à partir de janvier.",
          recordedById: staffId,
        },
      });
    }
  }
  ctx.log(
    `Pilotage : ${calls.length} appels avec indicateurs, ${attached} subventions rattachées sur ${subsidies.length}, ${results} valeurs atteintes.`,
  );
}
