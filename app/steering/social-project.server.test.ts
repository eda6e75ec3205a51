// The social project against a real SQLite database: periods never overlap, axes keep their
// order, what a call or a subsidy refers to cannot be removed, calls and subsidies are tied only
// to the project covering their year.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssociation } from "../../prisma/factories/association";
import { createCall } from "../../prisma/factories/call";
import { createDossier } from "../../prisma/factories/dossier";
import { createSocialProject as createProjectRow } from "../../prisma/factories/steering";
import { createUser } from "../../prisma/factories/user";

const { prisma } = await import("../db.server");
const projects = await import("./social-project.server");
const axes = await import("./axes.server");
const calls = await import("./call-steering.server");
const attachments = await import("./subsidy-attachment.server");
const { createGrant, createSubsidyFromDossier } = await import("../subsidies/creation.server");

let admin: { id: string };

beforeAll(async () => {
  admin = await createUser(prisma, { role: "admin", passwordHash: "!" });
});

afterAll(async () => {
  await prisma.$disconnect();
});

const project = (startYear: number, endYear: number, title = `Projet ${startYear}`) => ({ title, startYear, endYear, description: "" });

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  return error as Error & { code: string; field: string };
}

describe("projects", () => {
  it("refuses a period overlapping another project's, naming it, and finds the project of a year", async () => {
    const first = await projects.createSocialProject(project(2031, 2035, "Projet social 2031-2035"), admin);
    const error = await refusal(projects.createSocialProject(project(2035, 2037), admin));
    expect(error.code).toBe("period_overlap");
    expect(error.field).toBe("startYear");
    expect(error.message).toContain("« Projet social 2031-2035 » (2031-2035)");
    expect(await prisma.socialProject.count({ where: { startYear: 2035 } })).toBe(0);

    // Editing a project against its own period is no overlap.
    await projects.updateSocialProject(first.id, { ...project(2031, 2036, "Projet social 2031-2036"), adoptedOn: "2030-12-14" }, admin);
    expect((await projects.projectForYear(2036))?.id).toBe(first.id);
    expect((await projects.projectForYear(2030))?.id).toBeUndefined();
    const audit = await prisma.auditEvent.findMany({ where: { entityId: first.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["social_project_created", "social_project_updated"]);
  });

  it("refuses a shorter period that would leave a tied call outside it", async () => {
    const p = await createProjectRow(prisma, { startYear: 2041, endYear: 2045 });
    const call = await createCall(prisma, { financialYear: 2045, title: "Appel de 2045" });
    await calls.saveCallSteering(call.id, { axisIds: [p.axes[0].id], flagshipIds: [] }, admin);
    const error = await refusal(projects.updateSocialProject(p.id, project(2041, 2044), admin));
    expect(error.message).toContain("l'appel « Appel de 2045 » (exercice 2045)");
  });
});

describe("axes and projets phares", () => {
  it("adds, orders and removes axes, keeping their numbers 1, 2…", async () => {
    const p = await projects.createSocialProject(project(2051, 2052), admin);
    const a = await axes.addAxis(p.id, { title: "Premier" }, admin);
    const b = await axes.addAxis(p.id, { title: "Deuxième" }, admin);
    const c = await axes.addAxis(p.id, { title: "Troisième" }, admin);
    await axes.moveAxis(p.id, c.id, "up", admin);
    const order = async () => (await projects.getSocialProject(p.id)).axes.map((x) => `${x.number}:${x.title}`);
    expect(await order()).toEqual(["1:Premier", "2:Troisième", "3:Deuxième"]);
    await axes.removeAxis(p.id, a.id, admin);
    expect(await order()).toEqual(["1:Troisième", "2:Deuxième"]);
    await axes.updateAxis(p.id, b.id, { title: "Deuxième, renommé", description: "Accès aux droits" }, admin);
    expect(await order()).toEqual(["1:Troisième", "2:Deuxième, renommé"]);
  });

  it("refuses to remove an axis or a projet phare a call or a subsidy refers to, saying which", async () => {
    const p = await createProjectRow(prisma, {
      startYear: 2061,
      endYear: 2062,
      axes: [
        { title: "Axe A", flagships: ["Phare A1"] },
        { title: "Axe B", flagships: ["Phare B1"] },
      ],
    });
    const [axisA, axisB] = p.axes;
    const call = await createCall(prisma, { financialYear: 2061, title: "Appel des phares" });
    await calls.saveCallSteering(call.id, { axisIds: [], flagshipIds: [axisA.flagships[0].id] }, admin);
    const association = await createAssociation(prisma);
    const grant = await createGrant(
      {
        associationId: association.id,
        purpose: "Maraude",
        amount: 1_000_00,
        financialYear: 2062,
        fundsAction: false,
        attachment: axisB.id,
      },
      admin,
    );

    const flagshipError = await refusal(axes.removeFlagship(p.id, axisA.flagships[0].id, admin));
    expect(flagshipError.message).toBe(
      "Le projet phare n°1 « Phare A1 » ne peut pas être retiré : l'appel « Appel des phares » y est rattaché. Retirez d'abord ce rattachement.",
    );
    const axisError = await refusal(axes.removeAxis(p.id, axisB.id, admin));
    expect(axisError.message).toContain(`la subvention ${grant.number} y est rattaché`);
    // The call ties axis A through its projet phare.
    expect((await refusal(axes.removeAxis(p.id, axisA.id, admin))).code).toBe("axis_in_use");

    // Phare B1 is free: it goes; Phare A1 keeps its number, a new one comes after it.
    await axes.removeFlagship(p.id, axisB.flagships[0].id, admin);
    const added = await axes.addFlagship(p.id, { title: "Phare B2", axisId: axisB.id }, admin);
    const numbers = (await projects.getSocialProject(p.id)).axes.flatMap((x) => x.flagships.map((f) => `${f.number}:${f.title}`));
    expect(numbers).toEqual(["1:Phare A1", `${added.number}:Phare B2`]);
    expect(added.number).toBe(2);
  });

  it("moves a projet phare to another axis with its subsidies and calls", async () => {
    const p = await createProjectRow(prisma, {
      startYear: 2071,
      endYear: 2071,
      axes: [{ title: "Axe A", flagships: ["Phare mobile"] }, { title: "Axe B" }],
    });
    const [axisA, axisB] = p.axes;
    const flagship = axisA.flagships[0];
    const call = await createCall(prisma, { financialYear: 2071 });
    await calls.saveCallSteering(call.id, { axisIds: [], flagshipIds: [flagship.id] }, admin);
    const association = await createAssociation(prisma);
    const grant = await createGrant(
      {
        associationId: association.id,
        purpose: "Atelier",
        amount: 500_00,
        financialYear: 2071,
        fundsAction: false,
        attachment: `${axisA.id}:${flagship.id}`,
      },
      admin,
    );
    await axes.updateFlagship(p.id, flagship.id, { title: "Phare déplacé", axisId: axisB.id }, admin);
    expect(await prisma.subsidy.findUniqueOrThrow({ where: { id: grant.id } })).toMatchObject({
      axisId: axisB.id,
      flagshipId: flagship.id,
    });
    expect((await calls.getCallSteering(call.id)).axisIds.sort()).toEqual([axisA.id, axisB.id].sort());
    // An axis of another project is refused.
    const other = await createProjectRow(prisma, { startYear: 2072, endYear: 2072 });
    expect((await refusal(axes.updateFlagship(p.id, flagship.id, { title: "x", axisId: other.axes[0].id }, admin))).field).toBe("axisId");
  });
});

describe("calls and subsidies tied to the project", () => {
  it("ties a call to the project of its year only; a projet phare brings its axis", async () => {
    const p = await createProjectRow(prisma, { startYear: 2081, endYear: 2082 });
    const other = await createProjectRow(prisma, { startYear: 2083, endYear: 2084 });
    const call = await createCall(prisma, { financialYear: 2082, title: "Appel 2082" });
    const flagship = p.axes[1].flagships[0];
    await calls.saveCallSteering(call.id, { axisIds: [], flagshipIds: [flagship.id] }, admin);
    const steering = await calls.getCallSteering(call.id);
    expect(steering.project?.id).toBe(p.id);
    expect(steering).toMatchObject({ axisIds: [p.axes[1].id], flagshipIds: [flagship.id], staleTies: 0 });
    const shown = await calls.publicCallSteering(call.id);
    expect(shown?.axes).toEqual([
      { id: p.axes[1].id, number: 2, title: p.axes[1].title, flagships: [{ id: flagship.id, number: 2, title: flagship.title }] },
    ]);

    expect((await refusal(calls.saveCallSteering(call.id, { axisIds: [other.axes[0].id], flagshipIds: [] }, admin))).code).toBe(
      "not_in_project",
    );
    const lonely = await createCall(prisma, { financialYear: 2099 });
    expect((await refusal(calls.saveCallSteering(lonely.id, { axisIds: [], flagshipIds: [] }, admin))).message).toBe(
      "Aucun projet social ne couvre l'exercice 2099 : créez-le d'abord.",
    );
  });

  it("attaches the subsidy of a dossier where its call says so unambiguously", async () => {
    const p = await createProjectRow(prisma, {
      startYear: 2086,
      endYear: 2086,
      axes: [{ title: "Axe A", flagships: ["Phare A1", "Phare A2"] }, { title: "Axe B" }],
    });
    const [axisA, axisB] = p.axes;
    const association = await createAssociation(prisma);
    const subsidyFor = async (ties: { axisIds: string[]; flagshipIds: string[] }) => {
      const call = await createCall(prisma, { financialYear: 2086 });
      await calls.saveCallSteering(call.id, ties, admin);
      const dossier = await createDossier(prisma, { callId: call.id, associationId: association.id, state: "accepte" });
      const s = await createSubsidyFromDossier(dossier.id, admin);
      return { axisId: s.axisId, flagshipId: s.flagshipId };
    };
    expect(await subsidyFor({ axisIds: [], flagshipIds: [axisA.flagships[1].id] })).toEqual({
      axisId: axisA.id,
      flagshipId: axisA.flagships[1].id,
    });
    expect(await subsidyFor({ axisIds: [axisB.id], flagshipIds: [] })).toEqual({ axisId: axisB.id, flagshipId: null });
    expect(await subsidyFor({ axisIds: [axisA.id, axisB.id], flagshipIds: [] })).toEqual({ axisId: null, flagshipId: null });
    expect(await subsidyFor({ axisIds: [], flagshipIds: axisA.flagships.map((f) => f.id) })).toEqual({
      axisId: axisA.id,
      flagshipId: null,
    });
  });

  it("sets a subsidy's attachment only within the project of its year, and audits it", async () => {
    const p = await createProjectRow(prisma, { startYear: 2088, endYear: 2088 });
    const other = await createProjectRow(prisma, { startYear: 2089, endYear: 2089 });
    const association = await createAssociation(prisma);
    const grant = await createGrant(
      { associationId: association.id, purpose: "Épicerie", amount: 800_00, financialYear: 2088, fundsAction: false },
      admin,
    );
    const [axisA, axisB] = p.axes;
    expect((await refusal(attachments.setSubsidyAttachment(grant.id, `${axisB.id}:${axisA.flagships[0].id}`, admin))).code).toBe(
      "flagship_not_in_axis",
    );
    expect((await refusal(attachments.setSubsidyAttachment(grant.id, other.axes[0].id, admin))).code).toBe("attachment_not_in_project");
    await attachments.setSubsidyAttachment(grant.id, `${axisA.id}:${axisA.flagships[0].id}`, admin);
    await attachments.setSubsidyAttachment(grant.id, "", admin);
    expect(await prisma.subsidy.findUniqueOrThrow({ where: { id: grant.id } })).toMatchObject({ axisId: null, flagshipId: null });
    const audit = await prisma.auditEvent.findMany({
      where: { entityId: grant.id, action: "social_project_attached" },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => [a.fromState, a.toState])).toEqual([
      ["non rattachée", "Axe 1 › projet phare n°1"],
      ["Axe 1 › projet phare n°1", "non rattachée"],
    ]);
    const view = await attachments.getSubsidyAttachment({ financialYear: 2088, axisId: axisA.id, flagshipId: null });
    expect(view.value).toBe(axisA.id);
    expect(view.options.map((o) => o.label)).toContain(`Axe 2 › projet phare n°2 – ${axisB.flagships[0].title}`);
    // A grant outside calls refuses an attachment of another year's project.
    expect(
      (
        await refusal(
          createGrant(
            {
              associationId: association.id,
              purpose: "x",
              amount: 100,
              financialYear: 2088,
              fundsAction: false,
              attachment: other.axes[0].id,
            },
            admin,
          ),
        )
      ).field,
    ).toBe("attachment");
  });
});
