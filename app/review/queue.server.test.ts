// The review queue's sorts, on whichever engine the suite runs (SQLite and PostgreSQL place
// empty values differently unless told).
import { describe, expect, it } from "vitest";
import { reviewFixture } from "./test-support";

const { world, newDossier } = await reviewFixture();
const { prisma } = await import("../db.server");
const { listReviewQueue } = await import("./queue.server");

describe("review queue", () => {
  it("sorts by amount requested, largest first, dossiers without an amount last", async () => {
    const small = await newDossier(10_000);
    const large = await newDossier(90_000);
    const none = await newDossier();
    await prisma.dossier.update({ where: { id: none.id }, data: { requestedCents: null } });
    const queue = await listReviewQueue(world.admin, { callId: world.callId, sort: "montant" });
    const order = queue.dossiers.map((d) => d.id).filter((id) => [small.id, large.id, none.id].includes(id));
    expect(order).toEqual([large.id, small.id, none.id]);
  });
});
