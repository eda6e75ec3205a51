// The review module: pure score and envelope computations, then the rules against a real SQLite database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssociation } from "../../prisma/factories/association";
import { addMembership, createUser } from "../../prisma/factories/user";
import { startSmtpListener } from "../../tests/smtp";
import { resetEnvCache } from "../env.server";

const smtp = await startSmtpListener();
process.env.SMTP_URL = smtp.url;
resetEnvCache();

const { prisma } = await import("../db.server");
const review = await import("./review.server");
const { weightedScore, scoreSummary, rankAgainstEnvelope, checkAcceptedAmount, ReviewError } = review;

afterAll(async () => {
  await smtp.close();
});

describe("weighted scores", () => {
  const criteria = [
    { id: "a", weight: 50 },
    { id: "b", weight: 30 },
    { id: "c", weight: 20 },
  ];

  it("weighs each criterion by its percentage, out of 10", () => {
    expect(
      weightedScore(criteria, [
        { criterionId: "a", value: 8 },
        { criterionId: "b", value: 6 },
        { criterionId: "c", value: 10 },
      ]),
    ).toBeCloseTo(0.5 * 8 + 0.3 * 6 + 0.2 * 10); // 7.8
  });

  it("gives null for an incomplete grid and for a call without criteria", () => {
    expect(weightedScore(criteria, [{ criterionId: "a", value: 8 }])).toBeNull();
    expect(weightedScore([], [])).toBeNull();
  });

  it("averages complete grids and leaves out conflicted reviewers and incomplete grids", () => {
    const full = (reviewerId: string, a: number, b: number, c: number) => [
      { reviewerId, criterionId: "a", value: a },
      { reviewerId, criterionId: "b", value: b },
      { reviewerId, criterionId: "c", value: c },
    ];
    const scores = [
      ...full("r1", 10, 10, 10),
      ...full("r2", 4, 4, 9),
      ...full("r3", 0, 0, 0),
      { reviewerId: "r4", criterionId: "a", value: 2 },
    ];
    const summary = scoreSummary(criteria, scores, ["r1", "r2", "r3", "r4", "r5"], ["r3"]);
    expect(summary.reviewers.find((r) => r.reviewerId === "r1")?.score).toBe(10);
    expect(summary.reviewers.find((r) => r.reviewerId === "r2")?.score).toBeCloseTo(5);
    expect(summary.reviewers.find((r) => r.reviewerId === "r3")).toMatchObject({ conflicted: true, score: null });
    expect(summary.reviewers.find((r) => r.reviewerId === "r4")?.score).toBeNull();
    expect(summary.complete).toBe(2);
    expect(summary.average).toBeCloseTo(7.5);
    expect(scoreSummary(criteria, [], ["r1"]).average).toBeNull();
  });
});

describe("ranking against the envelope", () => {
  it("sorts by average, cumulates proposed (else requested) amounts and flags what exceeds the envelope", () => {
    const rows = [
      { id: "low", state: "en_instruction", average: 4, requestedCents: 300_000, proposedCents: null },
      { id: "top", state: "accepte", average: 9, requestedCents: 500_000, proposedCents: 400_000 },
      { id: "mid", state: "en_instruction", average: 7, requestedCents: 350_000, proposedCents: null },
      { id: "none", state: "en_construction", average: null, requestedCents: 100_000, proposedCents: null },
      { id: "refused", state: "refuse", average: 9.5, requestedCents: 900_000, proposedCents: null },
    ];
    const result = rankAgainstEnvelope(rows, 800_000);
    expect(result.rows.map((r) => r.id)).toEqual(["top", "mid", "low", "none", "refused"]);
    expect(result.rows.map((r) => r.cumulativeCents)).toEqual([400_000, 750_000, 1_050_000, 1_150_000, null]);
    expect(result.rows.map((r) => r.exceedsEnvelope)).toEqual([false, false, true, true, false]);
    expect(result.rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, null]);
    expect(result.totalCents).toBe(1_150_000);
    expect(result.exceeded).toBe(true);
    expect(rankAgainstEnvelope(rows.slice(0, 3), 1_050_000).exceeded).toBe(false);
  });

  it("refuses an accepted amount above the amount requested, in French", () => {
    expect(checkAcceptedAmount(500_000, 500_000)).toBeNull();
    expect(checkAcceptedAmount(500_001, 500_000)).toMatch(/ne peut pas dépasser le montant demandé/);
    expect(checkAcceptedAmount(0, 500_000)).toMatch(/supérieur à 0/);
  });
});

describe("rules on a real dossier", () => {
  let n = 0;
  const actor = (u: { id: string; name: string; role: string }) => ({ id: u.id, name: u.name, role: u.role as "staff" | "admin" });
  let reviewerA: ReturnType<typeof actor>;
  let reviewerB: ReturnType<typeof actor>;
  let outsider: ReturnType<typeof actor>;
  let admin: ReturnType<typeof actor>;
  let callId: string;
  let criteria: { id: string; weight: number }[];
  let associationId: string;
  let memberEmail: string;

  async function newDossier(requestedCents = 1_000_000) {
    n += 1;
    return prisma.dossier.create({
      data: {
        number: `T-${Date.now()}-${n}`,
        callId,
        associationId,
        state: "en_construction",
        requestedCents,
        projectTitle: "Ateliers numériques",
        submittedAt: new Date(),
      },
    });
  }

  beforeAll(async () => {
    reviewerA = actor(await createUser(prisma, { role: "staff", name: "Alice Instructrice" }));
    reviewerB = actor(await createUser(prisma, { role: "staff", name: "Bruno Instructeur" }));
    outsider = actor(await createUser(prisma, { role: "staff", name: "Olga Autre" }));
    admin = actor(await createUser(prisma, { role: "admin", name: "Adèle Admin" }));
    const association = await createAssociation(prisma, { name: "Clic Solidaire Test" });
    associationId = association.id;
    const member = await createUser(prisma, { role: "member" });
    memberEmail = member.email;
    await addMembership(prisma, member.id, associationId, true, "Présidente");
    const now = Date.now();
    const call = await prisma.call.create({
      data: {
        slug: `appel-test-${now}`,
        title: "Inclusion numérique 2027",
        summary: "Test",
        body: "Test",
        envelopeCents: 1_500_000,
        minAmountCents: 100_000,
        maxAmountCents: 2_000_000,
        opensAt: new Date(now - 86_400_000),
        closesAt: new Date(now + 86_400_000),
        status: "publie",
        criteria: {
          create: [
            { label: "Pertinence", weight: 60, position: 1 },
            { label: "Faisabilité", weight: 40, position: 2 },
          ],
        },
        reviewers: { create: [{ userId: reviewerA.id }, { userId: reviewerB.id }] },
      },
      include: { criteria: { orderBy: { position: "asc" } } },
    });
    callId = call.id;
    criteria = call.criteria;
  });

  it("lets an assigned reviewer score only in instruction, and averages two reviewers", async () => {
    const dossier = await newDossier();
    await expect(review.saveScores(dossier.id, reviewerA, { [criteria[0].id]: 8, [criteria[1].id]: 5 })).rejects.toThrow(/en instruction/);
    await review.startInstruction(dossier.id, reviewerA);
    await review.saveScores(dossier.id, reviewerA, { [criteria[0].id]: 8, [criteria[1].id]: 5 });
    await review.saveScores(dossier.id, reviewerB, { [criteria[0].id]: 6, [criteria[1].id]: 10 });
    await expect(review.saveScores(dossier.id, reviewerA, { [criteria[0].id]: 11 })).rejects.toThrow(/entier de 0 à 10/);
    const view = await review.getDossierForReview(reviewerA, dossier.id);
    // A: 0.6×8 + 0.4×5 = 6.8 ; B: 0.6×6 + 0.4×10 = 7.6
    expect(view.scoreSummary.reviewers.find((r) => r.reviewerId === reviewerA.id)?.score).toBeCloseTo(6.8);
    expect(view.scoreSummary.average).toBeCloseTo(7.2);
    const ranking = await review.getCallRanking(admin, callId);
    expect(ranking.rows.find((r) => r.id === dossier.id)?.average).toBeCloseTo(7.2);
  });

  it("refuses scores from a reviewer who declared a conflict of interest, and drops the earlier ones", async () => {
    const dossier = await newDossier();
    await review.startInstruction(dossier.id, reviewerB);
    await review.saveScores(dossier.id, reviewerB, { [criteria[0].id]: 2, [criteria[1].id]: 2 });
    await review.declareConflict(dossier.id, reviewerB, "Je siège au bureau de l'association.");
    await expect(review.saveScores(dossier.id, reviewerB, { [criteria[0].id]: 9, [criteria[1].id]: 9 })).rejects.toThrow(
      /conflit d'intérêts/,
    );
    expect(await prisma.score.count({ where: { dossierId: dossier.id, reviewerId: reviewerB.id } })).toBe(0);
    const view = await review.getDossierForReview(reviewerA, dossier.id);
    expect(view.scoreSummary.average).toBeNull();
  });

  it("keeps staff of other calls out, and does not let an unassigned administrator score", async () => {
    const dossier = await newDossier();
    await expect(review.getDossierForReview(outsider, dossier.id)).rejects.toMatchObject({ init: { status: 403 } });
    await expect(review.startInstruction(dossier.id, outsider)).rejects.toMatchObject({ init: { status: 403 } });
    const queue = await review.listReviewQueue(outsider, {});
    expect(queue.dossiers.some((d) => d.id === dossier.id)).toBe(false);
    const adminQueue = await review.listReviewQueue(admin, { callId });
    expect(adminQueue.dossiers.some((d) => d.id === dossier.id)).toBe(true);
    await review.startInstruction(dossier.id, admin);
    await expect(review.saveScores(dossier.id, admin, { [criteria[0].id]: 5 })).rejects.toThrow(ReviewError);
  });

  it("sends back for correction with an audit trail and an e-mail, then accepts within the requested amount", async () => {
    const dossier = await newDossier(800_000);
    await review.startInstruction(dossier.id, reviewerA);
    await review.requestCorrection(dossier.id, reviewerA, "Le budget prévisionnel manque.");
    const afterCorrection = await prisma.dossier.findUniqueOrThrow({ where: { id: dossier.id } });
    expect(afterCorrection.state).toBe("en_construction");
    expect(await review.getCorrectionRequest(dossier.id)).toMatchObject({ message: "Le budget prévisionnel manque.", pending: true });
    const mail = await prisma.emailMessage.findFirst({ where: { to: memberEmail, subject: { contains: "corrections demandées" } } });
    expect(mail?.text).toContain("Le budget prévisionnel manque.");

    await expect(review.decide(dossier.id, reviewerA, { decision: "accepte", amountCents: 500_000 })).rejects.toThrow(/en construction/i);
    await review.startInstruction(dossier.id, reviewerA);
    await expect(review.decide(dossier.id, reviewerA, { decision: "accepte", amountCents: 800_001 })).rejects.toThrow(
      /ne peut pas dépasser/,
    );
    await review.decide(dossier.id, reviewerA, { decision: "accepte", amountCents: 600_000 });
    const decided = await prisma.dossier.findUniqueOrThrow({ where: { id: dossier.id } });
    expect(decided).toMatchObject({ state: "accepte", proposedCents: 600_000 });
    expect(await prisma.subsidy.findUnique({ where: { dossierId: dossier.id } })).toMatchObject({ proposedCents: 600_000 });
    const history = await prisma.auditEvent.findMany({
      where: { entityType: "dossier", entityId: dossier.id },
      orderBy: { createdAt: "asc" },
    });
    expect(history.map((h) => [h.action, h.fromState, h.toState])).toEqual([
      ["passage_en_instruction", "en_construction", "en_instruction"],
      ["demande_correction", "en_instruction", "en_construction"],
      ["passage_en_instruction", "en_construction", "en_instruction"],
      ["decision", "en_instruction", "accepte"],
    ]);
    expect(history.every((h) => h.actorId === reviewerA.id)).toBe(true);
    await expect(review.decide(dossier.id, reviewerA, { decision: "refuse", reason: "x" })).rejects.toThrow(/Accepté/);
  });

  it("scopes the member's thread by association", async () => {
    const dossier = await newDossier();
    const other = await createAssociation(prisma, { name: "Autre Association Test" });
    await expect(review.listMessagesForMember(other.id, dossier.id)).rejects.toMatchObject({ init: { status: 404 } });
    await review.postStaffMessage(dossier.id, reviewerA, "Pouvez-vous préciser le public ?");
    const thread = await review.listMessagesForMember(associationId, dossier.id);
    expect(thread.messages.map((m) => m.body)).toEqual(["Pouvez-vous préciser le public ?"]);
  });
});
