// Decisions: the accepted amount, then sending back for correction and accepting on a real SQLite database.
import { describe, expect, it } from "vitest";
import { reviewFixture } from "./test-support";

const { prisma, world, newDossier } = await reviewFixture();
const { checkAcceptedAmount, decide } = await import("./decisions.server");
const { requestCorrection, startInstruction } = await import("./transitions.server");
const { getCorrectionRequest } = await import("./corrections.server");

describe("ranking against the envelope", () => {
  it("refuses an accepted amount above the amount requested, in French", () => {
    expect(checkAcceptedAmount(500_000, 500_000)).toBeNull();
    expect(checkAcceptedAmount(500_001, 500_000)).toMatch(/ne peut pas dépasser le montant demandé/);
    expect(checkAcceptedAmount(0, 500_000)).toMatch(/supérieur à 0/);
  });
});

describe("rules on a real dossier", () => {
  it("sends back for correction with an audit trail and an e-mail, then accepts within the requested amount", async () => {
    const dossier = await newDossier(800_000);
    await startInstruction(dossier.id, world.reviewerA);
    await requestCorrection(dossier.id, world.reviewerA, "Le budget prévisionnel manque.");
    // Every state change is e-mailed to the association: the passage en instruction too.
    const started = await prisma.emailMessage.findFirst({
      where: { to: world.memberEmail, subject: `Dossier ${dossier.number} : passage en instruction` },
    });
    expect(started?.text).toContain("n'est plus modifiable");
    const afterCorrection = await prisma.dossier.findUniqueOrThrow({ where: { id: dossier.id } });
    expect(afterCorrection.state).toBe("en_construction");
    expect(await getCorrectionRequest(dossier.id)).toMatchObject({ message: "Le budget prévisionnel manque.", pending: true });
    const mail = await prisma.emailMessage.findFirst({ where: { to: world.memberEmail, subject: { contains: "corrections demandées" } } });
    expect(mail?.text).toContain("Le budget prévisionnel manque.");

    await expect(decide(dossier.id, world.reviewerA, { decision: "accepte", amountCents: 500_000 })).rejects.toThrow(/en construction/i);
    await startInstruction(dossier.id, world.reviewerA);
    await expect(decide(dossier.id, world.reviewerA, { decision: "accepte", amountCents: 800_001 })).rejects.toThrow(
      /ne peut pas dépasser/,
    );
    await decide(dossier.id, world.reviewerA, { decision: "accepte", amountCents: 600_000 });
    const decided = await prisma.dossier.findUniqueOrThrow({ where: { id: dossier.id } });
    expect(decided).toMatchObject({ state: "accepte", proposedCents: 600_000 });
    // Booked in the call's exercice (2027), not the year of the decision.
    expect(await prisma.subsidy.findUnique({ where: { dossierId: dossier.id } })).toMatchObject({
      proposedCents: 600_000,
      financialYear: 2027,
    });
    const history = await prisma.auditEvent.findMany({
      where: { entityType: "dossier", entityId: dossier.id },
      orderBy: { createdAt: "asc" },
    });
    expect(history.map((h) => [h.action, h.fromState, h.toState])).toEqual([
      ["passage_en_instruction", "en_construction", "en_instruction"],
      ["demande_correction", "en_instruction", "en_construction"],
      ["passage_en_instruction", "en_construction", "en_instruction"],
      ["decision", "en_instruction", "accepte"],
    ]);
    expect(history.every((h) => h.actorId === world.reviewerA.id)).toBe(true);
    await expect(decide(dossier.id, world.reviewerA, { decision: "refuse", reason: "x" })).rejects.toThrow(/Accepté/);
  });
});
