// A small world for the steering dashboard's tests (vitest and the E2E journey), built with the
// factories in a year of its own: a two-year social project with two axes, a call with indicators,
// subsidies on each axis, one not attached, a multi-year one (and one begun the year before),
// a share indicator, a report validated and one only submitted.
import type { Db } from "../db.server";
import { createAssociation } from "../../prisma/factories/association";
import { createCall } from "../../prisma/factories/call";
import { createDossier } from "../../prisma/factories/dossier";
import { createCallIndicator, createProjectIndicator, createSocialProject } from "../../prisma/factories/steering";

type ReportStatus = "a_fournir" | "soumis" | "a_corriger" | "valide";

export async function buildSteeringWorld(db: Db, { year, tag }: { year: number; tag: string }) {
  let n = 0;
  const project = await createSocialProject(db, {
    title: `Projet social pilotage ${tag}`,
    startYear: year - 1,
    endYear: year,
    axes: [
      { title: `Publics prioritaires ${tag}`, flagships: [`Chantiers jeunes ${tag}`, `Habitat inclusif ${tag}`] },
      { title: `Accès aux droits ${tag}`, flagships: [`Médiateurs numériques ${tag}`] },
    ],
  });
  const [axis1, axis2] = project.axes;
  const call = await createCall(db, { title: `Appel pilotage ${tag}`, financialYear: year, status: "decisions_publiees" });
  const people = await createCallIndicator(db, call.id, { name: "Personnes accompagnées", unit: "personnes", kind: "resultats" });
  const women = await createCallIndicator(db, call.id, { name: "Part de femmes", unit: "pourcentage", kind: "resultats" });
  const hours = await createCallIndicator(db, call.id, { name: "Heures d'atelier", unit: "heures", kind: "moyens" });
  const associations = {
    a: await createAssociation(db, { name: `Entraide pilotage A ${tag}` }),
    b: await createAssociation(db, { name: `Solidarité pilotage B ${tag}` }),
    c: await createAssociation(db, { name: `Quartiers pilotage C ${tag}` }),
  };

  async function subsidy(o: {
    associationId: string;
    financialYear?: number;
    votedCents: number | null;
    paid?: number[];
    unpaid?: number[];
    axisId?: string | null;
    flagshipId?: string | null;
    years?: number[];
    withDossier?: boolean;
  }) {
    n += 1;
    const financialYear = o.financialYear ?? year;
    const dossier = o.withDossier
      ? await createDossier(db, { callId: call.id, associationId: o.associationId, state: "accepte", title: `Projet ${tag} ${n}` })
      : null;
    const years = o.years ?? [financialYear];
    return db.subsidy.create({
      data: {
        number: `PIL-${tag}-${n}`,
        associationId: o.associationId,
        dossierId: dossier?.id ?? null,
        purpose: `Action ${tag} n°${n}`,
        requestedCents: o.votedCents ?? 100_000,
        proposedCents: o.votedCents ?? 100_000,
        votedCents: o.votedCents,
        decisionDate: o.votedCents === null ? null : new Date(Date.UTC(financialYear, 2, 15)),
        financialYear,
        multiYear: years.length > 1,
        axisId: o.axisId ?? null,
        flagshipId: o.flagshipId ?? null,
        years:
          o.votedCents === null
            ? undefined
            : { create: years.map((y) => ({ year: y, amountCents: Math.round(o.votedCents! / years.length) })) },
        instalments: {
          create: [
            ...(o.paid ?? []).map((c, position) => ({
              kind: "acompte" as const,
              amountCents: c,
              paidCents: c,
              paidAt: new Date(Date.UTC(financialYear, 4, 1)),
              plannedDate: new Date(Date.UTC(financialYear, 4, 1)),
              position,
            })),
            ...(o.unpaid ?? []).map((c, i) => ({
              kind: "solde" as const,
              amountCents: c,
              plannedDate: new Date(Date.UTC(financialYear, 10, 1)),
              position: 10 + i,
            })),
          ],
        },
      },
      include: { dossier: true },
    });
  }

  async function report(subsidyId: string, financialYear: number, status: ReportStatus, results: [string, number | null][]) {
    const submitted = status !== "a_fournir";
    const created = await db.financialReport.create({
      data: {
        subsidyId,
        financialYear,
        dueDate: new Date(Date.UTC(financialYear + 1, 5, 30)),
        status,
        submittedAt: submitted ? new Date(Date.UTC(financialYear + 1, 2, 1)) : null,
        validatedAt: status === "valide" ? new Date(Date.UTC(financialYear + 1, 3, 1)) : null,
      },
    });
    for (const [indicatorId, value] of results) await db.indicatorResult.create({ data: { reportId: created.id, indicatorId, value } });
    return created;
  }

  // Axis 1, projet phare 1: A, 10 000 € voted, 6 000 € paid; targets 100 people and 50 % women; validated: 80 and 40 %.
  const s1 = await subsidy({
    associationId: associations.a.id,
    votedCents: 10_000_00,
    paid: [6_000_00],
    unpaid: [4_000_00],
    axisId: axis1.id,
    flagshipId: axis1.flagships[0].id,
    withDossier: true,
  });
  const s1People = await createProjectIndicator(db, { dossierId: s1.dossierId! }, { callIndicatorId: people.id, target: 100 });
  const s1Women = await createProjectIndicator(db, { dossierId: s1.dossierId! }, { callIndicatorId: women.id, target: 50 });
  await report(s1.id, year, "valide", [
    [s1People.id, 80],
    [s1Women.id, 40],
  ]);

  // Axis 1 without projet phare: B, 5 000 € voted and paid; its own spelling of the people indicator
  // (same group) and hours; the report is only submitted: nothing counts as achieved, two pending.
  const s2 = await subsidy({
    associationId: associations.b.id,
    votedCents: 5_000_00,
    paid: [5_000_00],
    axisId: axis1.id,
    withDossier: true,
  });
  const s2People = await createProjectIndicator(
    db,
    { dossierId: s2.dossierId! },
    { name: "personnes accompagnees", kind: "resultats", unit: "personnes", target: 50 },
  );
  const s2Hours = await createProjectIndicator(db, { dossierId: s2.dossierId! }, { callIndicatorId: hours.id, target: 200 });
  await report(s2.id, year, "soumis", [
    [s2People.id, 45],
    [s2Hours.id, 180],
  ]);

  // Axis 2, projet phare 3: a multi-year agreement of A (year and next), 24 000 € voted, 12 000 € paid;
  // its own indicators (outside the dossier): women 60 % (the year's objective says 65 %), people 30.
  const s3 = await subsidy({
    associationId: associations.a.id,
    votedCents: 24_000_00,
    paid: [12_000_00],
    unpaid: [12_000_00],
    axisId: axis2.id,
    flagshipId: axis2.flagships[0].id,
    years: [year, year + 1],
  });
  const s3Women = await createProjectIndicator(
    db,
    { subsidyId: s3.id },
    { name: "Part de femmes", kind: "resultats", unit: "pourcentage", target: 60 },
  );
  const s3People = await createProjectIndicator(
    db,
    { subsidyId: s3.id },
    { name: "Personnes accompagnées", kind: "resultats", unit: "personnes", target: 30 },
  );
  await db.agreementObjective.create({
    data: { subsidyId: s3.id, year, title: `Mixité ${tag}`, indicatorId: s3Women.id, target: 65, position: 0 },
  });
  await report(s3.id, year, "valide", [
    [s3Women.id, 70],
    [s3People.id, 35],
  ]);

  // Not attached: C, 3 000 € voted, nothing paid; 20 hours targeted, report not yet due.
  const s4 = await subsidy({ associationId: associations.c.id, votedCents: 3_000_00, unpaid: [3_000_00] });
  const s4Hours = await createProjectIndicator(
    db,
    { subsidyId: s4.id },
    { name: "Heures d'atelier", kind: "moyens", unit: "heures", target: 20 },
  );
  await report(s4.id, year, "a_fournir", []);

  // Proposed, not voted: counts nowhere.
  await subsidy({ associationId: associations.c.id, votedCents: null, axisId: axis1.id });

  // The year before, axis 2: a multi-year agreement of B begun then (7 000 € voted and paid in its
  // first year); active this year too, so its people indicator (target 10, validated 12) counts this year.
  const s6 = await subsidy({
    associationId: associations.b.id,
    financialYear: year - 1,
    votedCents: 7_000_00,
    paid: [7_000_00],
    axisId: axis2.id,
    years: [year - 1, year],
  });
  const s6People = await createProjectIndicator(
    db,
    { subsidyId: s6.id },
    { name: "Personnes accompagnées", kind: "resultats", unit: "personnes", target: 10 },
  );
  await report(s6.id, year - 1, "valide", [[s6People.id, 9]]);
  await report(s6.id, year, "valide", [[s6People.id, 12]]);

  return { project, axis1, axis2, call, associations, subsidies: { s1, s2, s3, s4, s6 }, indicators: { s4Hours } };
}

export type SteeringWorld = Awaited<ReturnType<typeof buildSteeringWorld>>;
