// Subsidies against a real SQLite database: the rules of the vote, the convention, the payments
// and the compte rendu financier, the dashboard totals and the open-data export.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssociation } from "../prisma/factories/association";
import { createUser } from "../prisma/factories/user";

const { prisma } = await import("./db.server");
const subsidy = await import("./subsidy.server");

let staff: { id: string };
let callId: string;
let dossierCounter = 0;

async function acceptedDossier(associationId: string, opts: { requested?: number; proposed?: number; decidedAt?: Date; title?: string } = {}) {
  dossierCounter += 1;
  return prisma.dossier.create({
    data: {
      number: `T-${Date.now().toString(36)}-${dossierCounter}`,
      callId,
      associationId,
      state: "accepte",
      projectTitle: opts.title ?? `Projet ${dossierCounter}`,
      requestedCents: opts.requested ?? 1_500_000,
      proposedCents: opts.proposed ?? 1_200_000,
      decidedAt: opts.decidedAt ?? new Date("2026-03-15T10:00:00Z"),
      submittedAt: new Date("2026-02-01T10:00:00Z"),
    },
  });
}

beforeAll(async () => {
  staff = await createUser(prisma, { role: "staff" });
  const call = await prisma.call.create({
    data: {
      slug: `appel-test-${Date.now()}`,
      title: "Appel à projets test",
      summary: "Résumé",
      body: "Texte",
      envelopeCents: 10_000_000,
      minAmountCents: 100_000,
      maxAmountCents: 5_000_000,
      opensAt: new Date("2026-01-01T00:00:00Z"),
      closesAt: new Date("2026-02-15T00:00:00Z"),
      status: "decisions_publiees",
    },
  });
  callId = call.id;
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("createSubsidyFromDossier", () => {
  it("creates the subsidy of an accepted dossier once, with its amounts, year and purpose", async () => {
    const asso = await createAssociation(prisma);
    const dossier = await acceptedDossier(asso.id, { requested: 2_000_000, proposed: 1_800_000, decidedAt: new Date("2025-12-31T23:30:00Z"), title: "Épicerie mobile" });
    const first = await subsidy.createSubsidyFromDossier(dossier.id, staff);
    expect(first).toMatchObject({
      associationId: asso.id,
      dossierId: dossier.id,
      requestedCents: 2_000_000,
      proposedCents: 1_800_000,
      purpose: "Épicerie mobile",
      fundsAction: true,
      // 31 December 23:30 UTC is 1 January in Paris.
      financialYear: 2026,
      votedCents: null,
    });
    expect(first.number).toMatch(/^SUB-2026-\d{4}$/);
    const again = await subsidy.createSubsidyFromDossier(dossier.id, staff);
    expect(again.id).toBe(first.id);
    expect(await prisma.subsidy.count({ where: { dossierId: dossier.id } })).toBe(1);
    const [a, b] = await Promise.all([
      subsidy.createSubsidyFromDossier((await acceptedDossier(asso.id)).id, staff),
      subsidy.createSubsidyFromDossier((await acceptedDossier(asso.id)).id, staff),
    ]);
    expect(a.number).not.toBe(b.number);
  });

  it("refuses a dossier that is not accepted", async () => {
    const asso = await createAssociation(prisma);
    const dossier = await acceptedDossier(asso.id);
    await prisma.dossier.update({ where: { id: dossier.id }, data: { state: "en_instruction" } });
    await expect(subsidy.createSubsidyFromDossier(dossier.id, staff)).rejects.toThrow(/dossier accepté/);
  });
});
