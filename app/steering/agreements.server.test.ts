// A multi-year agreement's objectives and review meetings, and a subsidy's own indicators, through
// the staff page's action with real requests against a real SQLite database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssociation } from "../../prisma/factories/association";
import { createProjectIndicator } from "../../prisma/factories/steering";
import { addMembership, createUser } from "../../prisma/factories/user";

const { prisma } = await import("../db.server");
const { createGrant } = await import("../subsidies/creation.server");
const { recordVote } = await import("../subsidies/vote.server");
const { handleStaffSubsidyAction } = await import("../routes/instruction.subventions.$subsidyId/actions.server");
const { MAX_OBJECTIVES_PER_YEAR } = await import("./agreement-schemas");

let staff: { id: string };
beforeAll(async () => {
  staff = await createUser(prisma, { role: "staff", passwordHash: "!" });
});
afterAll(async () => {
  await prisma.$disconnect();
});

async function agreement(years = [2026, 2027, 2028]) {
  const association = await createAssociation(prisma, { status: "validated" });
  const representative = await createUser(prisma, { passwordHash: "!" });
  await addMembership(prisma, representative.id, association.id, true);
  const subsidy = await createGrant(
    { associationId: association.id, purpose: "Accueil de jour", amount: 20_000_00, financialYear: years[0], fundsAction: true },
    staff,
  );
  await recordVote(subsidy.id, { decisionDate: "2026-02-10", deliberationRef: "CA-CPO-1", yearAmounts: years.map(() => 20_000_00) }, staff);
  return { association, representative, subsidy };
}

function post(subsidyId: string, fields: Record<string, string>) {
  return handleStaffSubsidyAction(
    new Request(`http://localhost/instruction/subventions/${subsidyId}`, { method: "POST", body: new URLSearchParams(fields) }),
    subsidyId,
    staff,
  );
}

async function answer(result: unknown): Promise<{ status: number; errors?: Record<string, string> }> {
  if (result instanceof Response) return { status: result.status };
  const { data, init } = result as { data: { errors: Record<string, string> }; init?: { status?: number } };
  return { status: init?.status ?? 200, errors: data.errors };
}

describe("the subsidy's own indicators (outside calls)", () => {
  it("are added with a target, refused when the share is above 100 %, and kept once reported", async () => {
    const { subsidy } = await agreement([2026]);
    const added = await answer(
      await post(subsidy.id, {
        intent: "indicator_add",
        name: "Personnes accueillies",
        kind: "resultats",
        unit: "personnes",
        target: "150",
      }),
    );
    expect(added.status).toBe(302);
    const share = await answer(
      await post(subsidy.id, { intent: "indicator_add", name: "Part de femmes", kind: "resultats", unit: "pourcentage", target: "140" }),
    );
    expect(share).toMatchObject({ status: 400, errors: { target: "Objectif : une part s'exprime entre 0 et 100 %." } });
    const [indicator] = await prisma.projectIndicator.findMany({ where: { subsidyId: subsidy.id } });
    expect(indicator).toMatchObject({ name: "Personnes accueillies", unit: "personnes", target: 150, dossierId: null });

    const report = await prisma.financialReport.findFirstOrThrow({ where: { subsidyId: subsidy.id } });
    await prisma.indicatorResult.create({ data: { reportId: report.id, indicatorId: indicator.id, value: 140 } });
    const removal = await answer(await post(subsidy.id, { intent: "indicator_remove", indicatorId: indicator.id }));
    expect(removal.status).toBe(400);
    expect(Object.values(removal.errors!).join(" ")).toContain("a déjà une valeur dans un compte rendu");
    expect(await prisma.projectIndicator.count({ where: { subsidyId: subsidy.id } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { entityId: subsidy.id, action: "indicator_added" } })).toBe(1);
  });
});

describe("the objectives of a multi-year agreement", () => {
  it("are added for a year of the agreement only, at most 8 a year, measured by the subsidy's own indicators", async () => {
    const { subsidy } = await agreement();
    const other = await agreement();
    const indicator = await createProjectIndicator(
      prisma,
      { subsidyId: subsidy.id },
      { name: "Part de femmes", unit: "pourcentage", kind: "resultats", target: 40 },
    );
    const foreign = await createProjectIndicator(prisma, { subsidyId: other.subsidy.id }, { name: "Heures", unit: "heures" });

    const outside = await answer(await post(subsidy.id, { intent: "objective_add", year: "2030", title: "Ouvrir le samedi" }));
    expect(outside).toMatchObject({ status: 400, errors: { year: "Année : la convention porte sur 2026, 2027, 2028." } });
    const stolen = await answer(
      await post(subsidy.id, { intent: "objective_add", year: "2027", title: "Former", indicatorId: foreign.id, target: "10" }),
    );
    expect(stolen).toMatchObject({ status: 400, errors: { indicatorId: "Indicateur : choisissez un indicateur de cette subvention." } });
    const tooHigh = await answer(
      await post(subsidy.id, { intent: "objective_add", year: "2027", title: "Parité", indicatorId: indicator.id, target: "120" }),
    );
    expect(tooHigh).toMatchObject({ status: 400, errors: { target: "Cible : une part s'exprime entre 0 et 100 %." } });
    const noIndicator = await answer(await post(subsidy.id, { intent: "objective_add", year: "2027", title: "Parité", target: "45" }));
    expect(noIndicator).toMatchObject({ status: 400, errors: { indicatorId: "Choisissez l'indicateur qui mesure la cible." } });

    for (let n = 0; n < MAX_OBJECTIVES_PER_YEAR; n++) {
      const ok = await answer(
        await post(subsidy.id, {
          intent: "objective_add",
          year: "2027",
          title: `Objectif ${n + 1}`,
          indicatorId: indicator.id,
          target: "45,5",
        }),
      );
      expect(ok.status).toBe(302);
    }
    const ninth = await answer(await post(subsidy.id, { intent: "objective_add", year: "2027", title: "Un de trop" }));
    expect(ninth).toMatchObject({ status: 400, errors: { title: "Gardez peu d'objectifs : 8 au plus pour 2027." } });
    const stored = await prisma.agreementObjective.findMany({ where: { subsidyId: subsidy.id } });
    expect(stored).toHaveLength(MAX_OBJECTIVES_PER_YEAR);
    expect(stored.every((o) => o.year === 2027 && o.target === 45.5 && o.indicatorId === indicator.id)).toBe(true);

    // Edited (its year stays), then removed; each change audited.
    const first = stored.find((o) => o.title === "Objectif 1")!;
    expect(
      (await answer(await post(subsidy.id, { intent: "objective_edit", objectiveId: first.id, year: "2028", title: "Parité atteinte" })))
        .status,
    ).toBe(302);
    expect(await prisma.agreementObjective.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      year: 2027,
      title: "Parité atteinte",
      target: null,
      indicatorId: null,
    });
    expect((await answer(await post(other.subsidy.id, { intent: "objective_remove", objectiveId: first.id }))).status).toBe(400);
    expect((await answer(await post(subsidy.id, { intent: "objective_remove", objectiveId: first.id }))).status).toBe(302);
    expect(await prisma.agreementObjective.count({ where: { subsidyId: subsidy.id } })).toBe(MAX_OBJECTIVES_PER_YEAR - 1);
    const actions = (await prisma.auditEvent.findMany({ where: { entityId: subsidy.id, action: { startsWith: "objective_" } } })).map(
      (a) => a.action,
    );
    expect(actions.filter((a) => a === "objective_added")).toHaveLength(MAX_OBJECTIVES_PER_YEAR);
    expect(actions).toContain("objective_updated");
    expect(actions).toContain("objective_removed");
  });

  it("are refused on a subsidy that is not multi-year", async () => {
    const { subsidy } = await agreement([2026]);
    const refused = await answer(await post(subsidy.id, { intent: "objective_add", year: "2026", title: "Ouvrir le samedi" }));
    expect(refused.status).toBe(400);
    expect(Object.values(refused.errors!).join(" ")).toContain("n'est pas une convention pluriannuelle");
  });
});

describe("the review meeting of a year", () => {
  it("is recorded once per year (saving again corrects it), audited, and e-mails the association each time", async () => {
    const { subsidy, representative, association } = await agreement();
    const fields = {
      intent: "meeting_save",
      year: "2026",
      heldOn: "2026-11-11",
      participants: "Mme Directrice, M. Trésorier",
      notes: "Bilan à mi-parcours.",
    };
    expect((await answer(await post(subsidy.id, { ...fields, participants: "  " }))).errors).toMatchObject({
      participants: "Participants : ce champ est obligatoire.",
    });
    expect(await prisma.reviewMeeting.count({ where: { subsidyId: subsidy.id } })).toBe(0);

    expect((await answer(await post(subsidy.id, fields))).status).toBe(302);
    expect((await answer(await post(subsidy.id, { ...fields, decisions: "Ouverture le samedi en 2027." }))).status).toBe(302);
    const meetings = await prisma.reviewMeeting.findMany({ where: { subsidyId: subsidy.id } });
    expect(meetings).toHaveLength(1);
    expect(meetings[0]).toMatchObject({ year: 2026, decisions: "Ouverture le samedi en 2027.", recordedById: staff.id });

    const mails = await prisma.emailMessage.findMany({
      where: { to: representative.email, subject: `Dialogue de gestion 2026 – ${subsidy.number}` },
    });
    expect(mails).toHaveLength(2);
    expect(mails[0].text).toContain(`/espace/associations/${association.id}/subventions/${subsidy.id}`);
    const audit = (await prisma.auditEvent.findMany({ where: { entityId: subsidy.id, action: { startsWith: "review_meeting" } } })).map(
      (a) => a.action,
    );
    expect(audit.sort()).toEqual(["review_meeting_recorded", "review_meeting_updated"]);

    const outside = await answer(await post(subsidy.id, { ...fields, year: "2031" }));
    expect(outside.status).toBe(400);
  });
});
