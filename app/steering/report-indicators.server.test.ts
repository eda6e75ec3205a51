// The values achieved in a compte rendu financier, with a real SQLite database: which indicators a
// report asks for (the dossier's, the subsidy's own, the CPO year's target), and the IndicatorResult
// rows written with the report.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssociation } from "../../prisma/factories/association";
import { createCall } from "../../prisma/factories/call";
import { createDossier } from "../../prisma/factories/dossier";
import { createCallIndicator, createProjectIndicator } from "../../prisma/factories/steering";
import { addMembership, createUser } from "../../prisma/factories/user";

const { prisma } = await import("../db.server");
const { createGrant, createSubsidyFromDossier } = await import("../subsidies/creation.server");
const { recordVote } = await import("../subsidies/vote.server");
const { submitReport } = await import("../subsidies/reports.server");
const { indicatorsForReport } = await import("./report-indicators.server");
const { addObjective } = await import("./agreements.server");
const { reportSchemaFor } = await import("./report-schema");

let staff: { id: string };
beforeAll(async () => {
  staff = await createUser(prisma, { role: "staff", passwordHash: "!" });
});
afterAll(async () => {
  await prisma.$disconnect();
});

const reportFields = { qualitative: "Bilan de l'action.", actual_c60: "1 000" };

async function dossierSubsidy(multiYear = false) {
  const association = await createAssociation(prisma, { status: "validated" });
  const member = await createUser(prisma, { passwordHash: "!" });
  await addMembership(prisma, member.id, association.id, true);
  const call = await createCall(prisma, { requiredAttachments: [] });
  const people = await createCallIndicator(prisma, call.id, { name: "Personnes accompagnées", targetRequired: true });
  const hours = await createCallIndicator(prisma, call.id, {
    name: "Heures d'atelier",
    unit: "heures",
    kind: "moyens",
    targetRequired: false,
  });
  const dossier = await createDossier(prisma, { callId: call.id, associationId: association.id, state: "accepte" });
  const target = await createProjectIndicator(prisma, { dossierId: dossier.id }, { callIndicatorId: people.id, target: 40 });
  const optional = await createProjectIndicator(prisma, { dossierId: dossier.id }, { callIndicatorId: hours.id, target: null });
  const own = await createProjectIndicator(
    prisma,
    { dossierId: dossier.id },
    { name: "Bénévoles mobilisés", unit: "benevoles", target: null },
  );
  const subsidy = await createSubsidyFromDossier(dossier.id, staff);
  const yearAmounts = multiYear ? [10_000_00, 10_000_00] : [10_000_00];
  await recordVote(subsidy.id, { decisionDate: "2026-03-20", deliberationRef: "CA-T-1", yearAmounts }, staff);
  const reports = await prisma.financialReport.findMany({ where: { subsidyId: subsidy.id }, orderBy: { financialYear: "asc" } });
  return { association, member, subsidy, reports, indicators: { target, optional, own }, required: people };
}

describe("the indicators a report asks for", () => {
  it("are the dossier's: a value is due when there was a target or the call required one", async () => {
    const { subsidy, reports, indicators } = await dossierSubsidy();
    const asked = await indicatorsForReport(subsidy, reports[0]);
    expect(asked.map((i) => [i.name, i.target, i.required])).toEqual([
      ["Personnes accompagnées", 40, true],
      ["Heures d'atelier", null, false],
      ["Bénévoles mobilisés", null, false],
    ]);
    expect(asked.map((i) => i.id)).toEqual([indicators.target.id, indicators.optional.id, indicators.own.id]);
  });

  it("take, for a multi-year agreement, the year's objective target when one names the indicator", async () => {
    const { subsidy, reports, indicators } = await dossierSubsidy(true);
    const [first, second] = reports;
    await addObjective(
      subsidy.id,
      { year: second.financialYear, title: "Accompagner davantage", indicatorId: indicators.target.id, target: 55 },
      staff,
    );
    await addObjective(
      subsidy.id,
      { year: second.financialYear, title: "Former les bénévoles", indicatorId: indicators.own.id, target: 12 },
      staff,
    );
    const year1 = await indicatorsForReport(subsidy, first);
    const year2 = await indicatorsForReport(subsidy, second);
    expect(year1.find((i) => i.id === indicators.target.id)?.target).toBe(40);
    expect(year2.find((i) => i.id === indicators.target.id)?.target).toBe(55);
    // The objective's target makes the association's own indicator due that year only.
    expect(year1.find((i) => i.id === indicators.own.id)).toMatchObject({ target: null, required: false });
    expect(year2.find((i) => i.id === indicators.own.id)).toMatchObject({ target: 12, required: true });
  });

  it("are the subsidy's own when it was granted outside calls", async () => {
    const association = await createAssociation(prisma, { status: "validated" });
    const subsidy = await createGrant(
      { associationId: association.id, purpose: "Épicerie solidaire", amount: 3_000_00, financialYear: 2026, fundsAction: true },
      staff,
    );
    await createProjectIndicator(
      prisma,
      { subsidyId: subsidy.id },
      { name: "Colis distribués", unit: "repas", kind: "resultats", target: 900 },
    );
    const asked = await indicatorsForReport(subsidy, { financialYear: 2026 });
    expect(asked).toMatchObject([{ name: "Colis distribués", target: 900, required: true }]);
  });
});

describe("submitting the report with its values", () => {
  it("stores one IndicatorResult per indicator with the report, and replaces them on a corrected report", async () => {
    const { association, member, subsidy, reports, indicators } = await dossierSubsidy();
    const report = reports[0];
    const schema = reportSchemaFor(await indicatorsForReport(subsidy, report));
    const refused = schema.safeParse(reportFields);
    expect(refused.success).toBe(false);
    expect(refused.error!.issues.map((i) => i.message)).toContain("Indiquez la valeur atteinte pour « Personnes accompagnées ».");

    const { results, ...data } = schema.parse({
      ...reportFields,
      [`value_${indicators.target.id}`]: "38",
      [`comment_${indicators.target.id}`]: "Deux départs",
    });
    await submitReport(association.id, report.id, data, [], member, results);
    const rows = await prisma.indicatorResult.findMany({ where: { reportId: report.id } });
    expect(rows).toHaveLength(3);
    expect(rows.find((r) => r.indicatorId === indicators.target.id)).toMatchObject({ value: 38, comment: "Deux départs" });
    expect(rows.find((r) => r.indicatorId === indicators.optional.id)).toMatchObject({ value: null, comment: "" });
    expect((await prisma.financialReport.findUniqueOrThrow({ where: { id: report.id } })).status).toBe("soumis");

    await prisma.financialReport.update({ where: { id: report.id }, data: { status: "a_corriger" } });
    const again = schema.parse({ ...reportFields, [`value_${indicators.target.id}`]: "41", [`value_${indicators.optional.id}`]: "120" });
    await submitReport(association.id, report.id, again, [], member, again.results);
    const after = await prisma.indicatorResult.findMany({ where: { reportId: report.id } });
    expect(after).toHaveLength(3);
    expect(after.find((r) => r.indicatorId === indicators.target.id)?.value).toBe(41);
    expect(after.find((r) => r.indicatorId === indicators.optional.id)?.value).toBe(120);
  });

  it("refuses a value for another subsidy's indicator and writes nothing (report included)", async () => {
    const mine = await dossierSubsidy();
    const other = await dossierSubsidy();
    const { results, ...data } = reportSchemaFor([]).parse(reportFields);
    expect(results).toEqual([]);
    await expect(
      submitReport(mine.association.id, mine.reports[0].id, data, [], mine.member, [
        { indicatorId: other.indicators.target.id, value: 10, comment: "" },
      ]),
    ).rejects.toThrow("Un indicateur de ce compte rendu n'existe plus");
    expect(await prisma.indicatorResult.count({ where: { reportId: mine.reports[0].id } })).toBe(0);
    expect((await prisma.financialReport.findUniqueOrThrow({ where: { id: mine.reports[0].id } })).status).toBe("a_fournir");
  });
});
