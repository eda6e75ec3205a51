// Who reaches a dossier in instruction, on a real SQLite database.
import { describe, expect, it } from "vitest";
import { reviewFixture } from "./test-support";

const { world, newDossier } = await reviewFixture();
const { DomainError } = await import("../lib/domain-error");
const { saveScores } = await import("./scoring.server");
const { startInstruction } = await import("./transitions.server");
const { getDossierForReview } = await import("./dossier-view.server");
const { listReviewQueue } = await import("./queue.server");

describe("rules on a real dossier", () => {
  it("keeps staff of other calls out, and does not let an unassigned administrator score", async () => {
    const dossier = await newDossier();
    await expect(getDossierForReview(world.outsider, dossier.id)).rejects.toMatchObject({ status: 403, code: "forbidden" });
    await expect(startInstruction(dossier.id, world.outsider)).rejects.toMatchObject({ status: 403, code: "forbidden" });
    const queue = await listReviewQueue(world.outsider, {});
    expect(queue.dossiers.some((d) => d.id === dossier.id)).toBe(false);
    const adminQueue = await listReviewQueue(world.admin, { callId: world.callId });
    expect(adminQueue.dossiers.some((d) => d.id === dossier.id)).toBe(true);
    await startInstruction(dossier.id, world.admin);
    await expect(saveScores(dossier.id, world.admin, { [world.criteria[0].id]: 5 })).rejects.toThrow(DomainError);
  });
});
