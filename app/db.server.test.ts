// The database boundary, on whichever engine the suite runs (SQLite or PostgreSQL).
import { describe, expect, it } from "vitest";
import { createAssociation } from "../prisma/factories/association";
import { createCall } from "../prisma/factories/call";
import { createDossier } from "../prisma/factories/dossier";

const { prisma, withoutNulCharacters, writeTransaction } = await import("./db.server");

describe("the database boundary", () => {
  it("stores text and JSON with the NUL character taken out, as PostgreSQL cannot store it", async () => {
    const association = await createAssociation(prisma, { name: "Jardins\u0000 partagés" });
    expect((await prisma.association.findUniqueOrThrow({ where: { id: association.id } })).name).toBe("Jardins partagés");

    const call = await createCall(prisma, { status: "publie" });
    const dossier = await createDossier(prisma, { callId: call.id, associationId: association.id, state: "brouillon" });
    await writeTransaction((tx) =>
      tx.dossier.update({
        where: { id: dossier.id },
        data: { data: { projet: { title: "Potager\u0000 collectif", tags: ["a\u0000b"] } } },
      }),
    );
    const saved = await prisma.dossier.findUniqueOrThrow({ where: { id: dossier.id } });
    expect(saved.data).toEqual({ projet: { title: "Potager collectif", tags: ["ab"] } });
    expect(await prisma.association.count({ where: { name: "Jardins\u0000 partagés" } })).toBe(1);
  });

  it("leaves dates, buffers and other objects as they are", () => {
    const date = new Date();
    const bytes = Buffer.from([0, 1, 2]);
    const cleaned = withoutNulCharacters({ at: date, bytes, list: ["x\u0000"], n: 1, none: null });
    expect(cleaned.at).toBe(date);
    expect(cleaned.bytes).toBe(bytes);
    expect(cleaned).toEqual({ at: date, bytes, list: ["x"], n: 1, none: null });
  });
});
