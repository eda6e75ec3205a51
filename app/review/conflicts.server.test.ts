// Conflicts of interest on a real SQLite database.
import { describe, expect, it } from "vitest";
import { reviewFixture } from "./test-support";

const { prisma, world, newDossier } = await reviewFixture();
const { saveScores } = await import("./scoring.server");
const { declareConflict } = await import("./conflicts.server");
const { startInstruction } = await import("./transitions.server");
const { getDossierForReview } = await import("./dossier-view.server");

describe("rules on a real dossier", () => {
  it("refuses scores from a reviewer who declared a conflict of interest, and drops the earlier ones", async () => {
    const dossier = await newDossier();
    await startInstruction(dossier.id, world.reviewerB);
    await saveScores(dossier.id, world.reviewerB, { [world.criteria[0].id]: 2, [world.criteria[1].id]: 2 });
    await declareConflict(dossier.id, world.reviewerB, "Je siège au bureau de l'association.");
    await expect(saveScores(dossier.id, world.reviewerB, { [world.criteria[0].id]: 9, [world.criteria[1].id]: 9 })).rejects.toThrow(
      /conflit d'intérêts/,
    );
    expect(await prisma.score.count({ where: { dossierId: dossier.id, reviewerId: world.reviewerB.id } })).toBe(0);
    const view = await getDossierForReview(world.reviewerA, dossier.id);
    expect(view.scoreSummary.average).toBeNull();
  });
});
