// Reading a dossier is scoped by association.
import { describe, expect, it } from "vitest";
import { createAssociation } from "../../prisma/factories/association";
import { createDossier } from "../../prisma/factories/dossier";
import { setup } from "./test-support";

const { prisma } = await import("../db.server");
const reading = await import("./reading.server");

describe("dossier life", () => {
  it("does not show another association's dossier", async () => {
    const { call, access } = await setup();
    const other = await createAssociation(prisma, { status: "validated" });
    const dossier = await createDossier(prisma, { callId: call.id, associationId: other.id, state: "brouillon" });
    const thrown = await reading.getDossierForMember(access.associationId, dossier.id).catch((e) => e);
    expect(thrown).toMatchObject({ code: "not_found", status: 404 });
  });
});
