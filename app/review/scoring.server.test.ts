// Scoring a dossier on a real SQLite database: who scores, when, and the average of two reviewers.
import { describe, expect, it } from "vitest";
import { reviewFixture } from "./test-support";

const { world, newDossier } = await reviewFixture();
const { saveScores } = await import("./scoring.server");
const { startInstruction } = await import("./transitions.server");
const { getDossierForReview } = await import("./dossier-view.server");
const { getCallRanking } = await import("./ranking.server");

describe("rules on a real dossier", () => {
  it("lets an assigned reviewer score only in instruction, and averages two reviewers", async () => {
    const dossier = await newDossier();
    await expect(saveScores(dossier.id, world.reviewerA, { [world.criteria[0].id]: 8, [world.criteria[1].id]: 5 })).rejects.toThrow(
      /en instruction/,
    );
    await startInstruction(dossier.id, world.reviewerA);
    await saveScores(dossier.id, world.reviewerA, { [world.criteria[0].id]: 8, [world.criteria[1].id]: 5 });
    await saveScores(dossier.id, world.reviewerB, { [world.criteria[0].id]: 6, [world.criteria[1].id]: 10 });
    await expect(saveScores(dossier.id, world.reviewerA, { [world.criteria[0].id]: 11 })).rejects.toThrow(/entier de 0 à 10/);
    const view = await getDossierForReview(world.reviewerA, dossier.id);
    // A: 0.6×8 + 0.4×5 = 6.8 ; B: 0.6×6 + 0.4×10 = 7.6
    expect(view.scoreSummary.reviewers.find((r) => r.reviewerId === world.reviewerA.id)?.score).toBeCloseTo(6.8);
    expect(view.scoreSummary.average).toBeCloseTo(7.2);
    const ranking = await getCallRanking(world.admin, world.callId);
    expect(ranking.rows.find((r) => r.id === dossier.id)?.average).toBeCloseTo(7.2);
  });
});
