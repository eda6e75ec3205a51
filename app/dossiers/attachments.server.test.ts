// Attaching documents: only the association's own, and only while the dossier can change.
import { describe, expect, it } from "vitest";
import { createAssociation } from "../../prisma/factories/association";
import { pngBytes } from "../../tests/sample-files";
import { setup } from "./test-support";

const { prisma } = await import("../db.server");
const { storeDocument } = await import("../documents/storing.server");
const drafts = await import("./drafts.server");
const attachments = await import("./attachments.server");

describe("attachments", () => {
  it("does not attach another association's document: not found", async () => {
    const { call, access } = await setup();
    const { id } = await drafts.startDossier(access.associationId, call.id, access.user);
    const other = await createAssociation(prisma, { status: "validated" });
    const stored = await storeDocument({
      associationId: other.id,
      kind: "rib",
      originalName: "rib.png",
      bytes: pngBytes(),
      actor: access.user,
    });
    if (!stored.ok) throw new Error(stored.message);
    const thrown = await attachments.attachDocument(access.associationId, id, stored.document.id, "rib").catch((e) => e);
    expect(thrown).toMatchObject({ code: "not_found", status: 404 });
    expect(await prisma.dossierAttachment.count({ where: { dossierId: id } })).toBe(0);
  });

  it("refuses to change the attachments of a dossier in instruction, with a 403 beside the form", async () => {
    const { call, access } = await setup();
    const { id } = await drafts.startDossier(access.associationId, call.id, access.user);
    await prisma.dossier.update({ where: { id }, data: { state: "en_instruction" } });
    const thrown = await attachments.detachDocument(access.associationId, id, "x").catch((e) => e);
    expect(thrown).toMatchObject({ code: "dossier_locked", status: 403, message: "Ce dossier n'est plus modifiable." });
  });
});
