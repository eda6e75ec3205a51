// The message thread on a real SQLite database.
import { describe, expect, it } from "vitest";
import { createAssociation } from "../../prisma/factories/association";
import { reviewFixture } from "./test-support";

const { prisma, world, newDossier } = await reviewFixture();
const { listMessagesForMember, postStaffMessage } = await import("./messages.server");

describe("rules on a real dossier", () => {
  it("scopes the member's thread by association", async () => {
    const dossier = await newDossier();
    const other = await createAssociation(prisma, { name: "Autre Association Test" });
    await expect(listMessagesForMember(other.id, dossier.id)).rejects.toMatchObject({ status: 404, code: "not_found" });
    await postStaffMessage(dossier.id, world.reviewerA, "Pouvez-vous préciser le public ?");
    const thread = await listMessagesForMember(world.associationId, dossier.id);
    expect(thread.messages.map((m) => m.body)).toEqual(["Pouvez-vous préciser le public ?"]);
  });
});
