// Starting a dossier needs an open call.
import { describe, expect, it } from "vitest";
import { createCall } from "../../prisma/factories/call";
import { DAY, setup } from "./test-support";

const { prisma } = await import("../db.server");
const drafts = await import("./drafts.server");

describe("dossier life", () => {
  it("will not start a dossier on a closed call", async () => {
    const { access } = await setup();
    const closed = await createCall(prisma, { opensAt: new Date(Date.now() - 10 * DAY), closesAt: new Date(Date.now() - DAY) });
    await expect(drafts.startDossier(access.associationId, closed.id, access.user)).rejects.toThrow(/pas ouvert/);
  });
});
