// The association's history beside a dossier, on a real SQLite database: its other dossiers
// (never drafts, never this one; a link only where the reader may go), subsidies by year (voted,
// paid), overdue financial reports, and the charter's current version signed or not.
import { describe, expect, it } from "vitest";
import { createCall } from "../../prisma/factories/call";
import { reviewFixture } from "./test-support";

const { prisma, world, newDossier } = await reviewFixture();
const { getAssociationHistory } = await import("./association-history.server");

const now = new Date("2026-12-01T10:00:00Z");

async function subsidy(year: number, voted: number | null, paid: number[], dossierId?: string) {
  return prisma.subsidy.create({
    data: {
      number: `SUB-${year}-${Math.random().toString(36).slice(2, 8)}`,
      associationId: world.associationId,
      dossierId,
      purpose: `Projet ${year}`,
      requestedCents: 500_000,
      proposedCents: voted ?? 400_000,
      votedCents: voted,
      financialYear: year,
      instalments: {
        create: paid.map((cents, i) => ({
          kind: "acompte",
          amountCents: cents,
          paidCents: cents,
          paidAt: now,
          plannedDate: now,
          position: i,
        })),
      },
    },
  });
}

describe("the association's history", () => {
  it("lists the other dossiers, subsidies by year, overdue reports and the charter", async () => {
    const current = await newDossier(800_000);
    const earlier = await newDossier(300_000);
    await prisma.dossier.update({ where: { id: earlier.id }, data: { state: "accepte", proposedCents: 250_000, decidedAt: now } });
    await prisma.dossier.create({
      data: { number: `BROUILLON-${Date.now()}`, callId: world.callId, associationId: world.associationId, state: "brouillon" },
    });
    // A dossier of a call that reviewer A does not review: listed, not linked for A.
    const otherCall = await createCall(prisma, { title: "Autre appel 2025", financialYear: 2025 });
    const elsewhere = await prisma.dossier.create({
      data: {
        number: `AUTRE-${Date.now()}`,
        callId: otherCall.id,
        associationId: world.associationId,
        state: "refuse",
        requestedCents: 100_000,
        submittedAt: now,
      },
    });
    const linked = await subsidy(2027, 250_000, [100_000], earlier.id);
    await subsidy(2025, 400_000, [200_000, 200_000]);
    const notVoted = await subsidy(2025, null, []);
    // Two reports: one overdue and still to provide, one validated (not overdue).
    await prisma.financialReport.create({
      data: { subsidyId: notVoted.id, financialYear: 2025, dueDate: new Date("2026-06-30T21:59:59Z"), status: "a_fournir" },
    });
    await prisma.financialReport.create({
      data: { subsidyId: linked.id, financialYear: 2027, dueDate: new Date("2026-06-30T21:59:59Z"), status: "valide" },
    });

    const history = await getAssociationHistory(world.reviewerA, current.id, now);
    expect(history.dossiers.map((d) => d.id).sort()).toEqual([earlier.id, elsewhere.id].sort());
    const mine = history.dossiers.find((d) => d.id === earlier.id)!;
    expect(mine).toMatchObject({
      state: "accepte",
      proposedCents: 250_000,
      reachable: true,
      subsidy: { id: linked.id, votedCents: 250_000 },
    });
    expect(history.dossiers.find((d) => d.id === elsewhere.id)).toMatchObject({ reachable: false, call: { financialYear: 2025 } });
    expect(history.subsidiesByYear).toEqual([
      { year: 2027, count: 1, votedCents: 250_000, paidCents: 100_000 },
      { year: 2025, count: 2, votedCents: 400_000, paidCents: 400_000 },
    ]);
    expect(history.overdueReports).toHaveLength(1);
    expect(history.overdueReports[0]).toMatchObject({ financialYear: 2025, status: "a_fournir", subsidy: { id: notVoted.id } });

    // The administrator reaches every call.
    const asAdmin = await getAssociationHistory(world.admin, current.id, now);
    expect(asAdmin.dossiers.every((d) => d.reachable)).toBe(true);
  });

  it("says whether the charter's current version is signed, and the last signature otherwise", async () => {
    const current = await newDossier();
    const signer = await prisma.user.findFirstOrThrow({ where: { email: world.memberEmail } });
    const version = (n: number) =>
      prisma.charterVersion.create({
        data: { version: 900 + n, title: `Charte ${n}`, body: "…", publishedAt: new Date(now.getTime() + n) },
      });
    const sign = (versionId: string) =>
      prisma.charterSignature.create({
        data: {
          versionId,
          associationId: world.associationId,
          userId: signer.id,
          signerName: "Lina Martin",
          signerRole: "Présidente",
          signedAt: now,
          ip: "127.0.0.1",
          userAgent: "test",
          textSha256: "x",
        },
      });
    const v1 = await version(1);
    await sign(v1.id);
    expect((await getAssociationHistory(world.reviewerA, current.id, now)).charter).toMatchObject({
      currentVersion: 901,
      currentSignature: { signerName: "Lina Martin" },
    });
    await version(2);
    const after = (await getAssociationHistory(world.reviewerA, current.id, now)).charter;
    expect(after).toMatchObject({ currentVersion: 902, currentSignature: null, lastSignature: { version: 901 } });
  });

  it("is refused to staff who do not review the call", async () => {
    const current = await newDossier();
    await expect(getAssociationHistory(world.outsider, current.id, now)).rejects.toThrow(/instructeur·rice de cet appel/);
  });
});
