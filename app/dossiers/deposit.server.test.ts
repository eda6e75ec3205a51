// Deposits against a real SQLite database: the closing instant binds every deposit but the
// re-deposit the CCAS asked for, the first deposit time is kept, each deposit is in the
// history, and the same deposit sent several times at once happens once (one receipt).
import { describe, expect, it } from "vitest";
import { createAssociation } from "../../prisma/factories/association";
import { createCall } from "../../prisma/factories/call";
import { buildDossierData } from "../../prisma/factories/dossier";
import { addMembership, createUser } from "../../prisma/factories/user";
import { pdfBytes } from "../../tests/sample-files";
import type { SessionUser } from "../accounts/auth.server";
import { DOSSIER_STEPS } from "./schemas";
import { fillAll, setup as setupAssociation } from "./test-support";

const { prisma } = await import("../db.server");
const drafts = await import("./drafts.server");
const steps = await import("./steps.server");
const attachments = await import("./attachments.server");
const deposit = await import("./deposit.server");
const reading = await import("./reading.server");
const staffView = await import("./staff-view.server");
const review = await import("../review/transitions.server");
const { getCorrectionRequest } = await import("../review/corrections.server");
const { storeDocument } = await import("../documents/storing.server");

async function setup() {
  const staff = await createUser(prisma, { role: "staff", passwordHash: "!" });
  const call = await createCall(prisma, {
    minAmountCents: 2_000_00,
    maxAmountCents: 10_000_00,
    requiredAttachments: ["statuts"],
    reviewerIds: [staff.id],
  });
  const association = await createAssociation(prisma, { status: "validated" });
  const u = await createUser(prisma, { passwordHash: "!" });
  await addMembership(prisma, u.id, association.id, true, "Présidente");
  const user: SessionUser = { id: u.id, email: u.email, name: u.name, role: "member" };
  const access = { associationId: association.id, user, isRepresentative: true };
  const { id } = await drafts.startDossier(association.id, call.id, user);
  const data = buildDossierData(association, { requestedCents: 8_000_00 });
  for (const [step, values] of Object.entries(data)) {
    expect(await steps.saveStep(access, id, step as never, values, { validate: true }), step).toEqual({ ok: true });
  }
  const stored = await storeDocument({
    associationId: association.id,
    kind: "statuts",
    originalName: "statuts.pdf",
    bytes: await pdfBytes("Statuts"),
    actor: user,
  });
  if (!stored.ok) throw new Error(stored.message);
  await attachments.attachDocument(association.id, id, stored.document.id, "statuts");
  return { call, access, dossierId: id, staff: { id: staff.id, role: "staff" as const, name: staff.name } };
}

const receipts = (to: string) => prisma.emailMessage.count({ where: { to, subject: { startsWith: "Accusé de réception du dossier" } } });
const deposits = (dossierId: string) =>
  prisma.auditEvent.findMany({ where: { entityType: "dossier", entityId: dossierId, action: { in: ["depot", "redepot"] } } });

describe("deposit and the closing instant", () => {
  it("will not deposit a deposited dossier again after closing, and keeps its first deposit time", async () => {
    const { call, access, dossierId } = await setup();
    const first = await deposit.submitDossier(access, dossierId);
    expect(first).toMatchObject({ ok: true, resubmission: false });
    const firstAt = (await prisma.dossier.findUniqueOrThrow({ where: { id: dossierId } })).submittedAt;
    expect(firstAt).not.toBeNull();

    const late = new Date(call.closesAt.getTime() + 60_000);
    const again = await deposit.submitDossier(access, dossierId, late);
    expect(again).toMatchObject({ ok: true, already: true });
    const after = await prisma.dossier.findUniqueOrThrow({ where: { id: dossierId } });
    expect(after.submittedAt).toEqual(firstAt);
    expect((await deposits(dossierId)).map((e) => e.action)).toEqual(["depot"]);
    expect(await prisma.dossierSubmission.count({ where: { dossierId } })).toBe(1);
    expect(await receipts(access.user.email)).toBe(1);
  });

  it("accepts after closing the re-deposit the CCAS asked for, once, and records each deposit", async () => {
    const { call, access, dossierId, staff } = await setup();
    const depositedAt = new Date(call.closesAt.getTime() - 60_000);
    expect(await deposit.submitDossier(access, dossierId, depositedAt)).toMatchObject({ ok: true, resubmission: false });
    await review.requestCorrection(dossierId, staff, "Joindre le RIB à jour.");
    // Sent back twice (a double click): one request, one e-mail.
    await expect(review.requestCorrection(dossierId, staff, "Joindre le RIB à jour.")).rejects.toThrow(/demande de correction attend déjà/);
    expect(await prisma.emailMessage.count({ where: { to: access.user.email, subject: { contains: "corrections demandées" } } })).toBe(1);

    const late = new Date(call.closesAt.getTime() + 3_600_000);
    const redeposit = await deposit.submitDossier(access, dossierId, late);
    expect(redeposit).toMatchObject({ ok: true, resubmission: true });
    // Only the re-deposit asked for: the next one after closing is refused as already done.
    expect(await deposit.submitDossier(access, dossierId, new Date(late.getTime() + 1000))).toMatchObject({ ok: true, already: true });

    const dossier = await prisma.dossier.findUniqueOrThrow({ where: { id: dossierId } });
    expect(dossier.submittedAt).toEqual(depositedAt);
    expect(dossier.correctionRequestedAt).toBeNull();
    const history = await reading.listSubmissions(dossierId);
    expect(history).toEqual([
      { kind: "depot", submittedAt: depositedAt },
      { kind: "redepot", submittedAt: late },
    ]);
    expect((await deposits(dossierId)).map((e) => e.action).sort()).toEqual(["depot", "redepot"]);
    expect(await receipts(access.user.email)).toBe(2);
  });

  it("refuses a first deposit after the closing instant with a French message", async () => {
    const { call, access, dossierId } = await setup();
    const refused = await deposit.submitDossier(access, dossierId, new Date(call.closesAt.getTime()));
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/clos depuis le .* ne peut plus être déposé/) });
    expect(await prisma.dossierSubmission.count({ where: { dossierId } })).toBe(0);
  });
});

describe("the same deposit sent several times at once", () => {
  for (const times of [2, 5]) {
    it(`deposits once and sends one receipt when « Déposer » is sent ${times} times at once`, async () => {
      const { access, dossierId } = await setup();
      const results = await Promise.all(Array.from({ length: times }, () => deposit.submitDossier(access, dossierId)));
      expect(results.filter((r) => r.ok && !("already" in r))).toHaveLength(1);
      expect(results.filter((r) => r.ok && "already" in r)).toHaveLength(times - 1);
      expect((await deposits(dossierId)).map((e) => e.action)).toEqual(["depot"]);
      expect(await prisma.dossierSubmission.count({ where: { dossierId } })).toBe(1);
      expect(await receipts(access.user.email)).toBe(1);
    });

    it(`re-deposits once after a correction request when sent ${times} times at once`, async () => {
      const { access, dossierId, staff } = await setup();
      expect((await deposit.submitDossier(access, dossierId)).ok).toBe(true);
      await review.requestCorrection(dossierId, staff, "Préciser le budget.");
      const results = await Promise.all(Array.from({ length: times }, () => deposit.submitDossier(access, dossierId)));
      expect(results.filter((r) => r.ok && !("already" in r))).toHaveLength(1);
      expect((await deposits(dossierId)).map((e) => e.action).sort()).toEqual(["depot", "redepot"]);
      expect(await prisma.dossierSubmission.count({ where: { dossierId } })).toBe(2);
      expect(await receipts(access.user.email)).toBe(2);
    });
  }
});

describe("starting a dossier several times at once", () => {
  it("makes one dossier per association and call when « Commencer » is sent 5 times at once", async () => {
    const call = await createCall(prisma, {});
    const association = await createAssociation(prisma, { status: "validated" });
    const u = await createUser(prisma, { passwordHash: "!" });
    await addMembership(prisma, u.id, association.id, true, "Présidente");
    const user: SessionUser = { id: u.id, email: u.email, name: u.name, role: "member" };
    const started = await Promise.all(Array.from({ length: 5 }, () => drafts.startDossier(association.id, call.id, user)));
    expect(started.filter((s) => s.created)).toHaveLength(1);
    expect(new Set(started.map((s) => s.id)).size).toBe(1);
    expect(await prisma.dossier.count({ where: { associationId: association.id, callId: call.id } })).toBe(1);
  });
});

describe("dossier life", () => {
  it("submits a complete dossier: number, state, audit and a receipt by e-mail", async () => {
    const { call, access } = await setupAssociation();
    const { id } = await drafts.startDossier(access.associationId, call.id, access.user);
    const incomplete = await deposit.submitDossier(access, id);
    expect(incomplete).toMatchObject({ ok: false, message: expect.stringContaining("incomplet") });
    await fillAll(access, id);
    const result = await deposit.submitDossier(access, id);
    expect(result).toMatchObject({ ok: true, resubmission: false });
    if (!result.ok) return;
    expect(result.number).toMatch(/^AAP-2031-\d{4}$/);
    const dossier = await prisma.dossier.findUniqueOrThrow({ where: { id } });
    expect(dossier.state).toBe("en_construction");
    expect(dossier.submittedAt).not.toBeNull();
    expect(dossier.declarationSignerId).toBe(access.user.id);
    const audit = await prisma.auditEvent.findFirst({ where: { entityType: "dossier", entityId: id, action: "depot" } });
    expect(audit).toMatchObject({ fromState: "brouillon", toState: "en_construction" });
    const mail = await prisma.emailMessage.findFirstOrThrow({ where: { to: access.user.email, subject: { contains: result.number } } });
    expect(mail.attachments).toEqual([
      expect.objectContaining({ filename: `attestation-depot-${result.number}.pdf`, contentType: "application/pdf" }),
    ]);
    const staff = await staffView.getDossierForStaff(id);
    expect(staff!.sections.map((s) => s.key)).toEqual(DOSSIER_STEPS.filter((s) => s.key !== "pieces").map((s) => s.key));
    expect(staff!.sections.find((s) => s.key === "budget_projet")!.fields.find((f) => f.name === "p74_ccas")!.value).toMatch(
      /8\s000,00\s€/,
    );
    expect(staff!.attachments).toHaveLength(1);
  });

  it("refuses a first submission after the closing time (server clock) but accepts a resubmission after a correction request", async () => {
    const { call, access } = await setupAssociation();
    const { id } = await drafts.startDossier(access.associationId, call.id, access.user);
    await fillAll(access, id);
    const late = new Date(call.closesAt.getTime() + 1000);
    const refused = await deposit.submitDossier(access, id, late);
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/clos depuis le .* ne peut plus être déposé/) });
    expect((await prisma.dossier.findUniqueOrThrow({ where: { id } })).state).toBe("brouillon");

    const ok = await deposit.submitDossier(access, id);
    expect(ok.ok).toBe(true);
    const staff = await createUser(prisma, { role: "staff", passwordHash: "!" });
    await prisma.callReviewer.create({ data: { callId: call.id, userId: staff.id } });
    await review.startInstruction(id, { ...staff, role: "staff" });
    await review.requestCorrection(id, { ...staff, role: "staff" }, "Joindre le RIB à jour.");
    expect(await getCorrectionRequest(id)).toMatchObject({ message: "Joindre le RIB à jour.", pending: true });
    const again = await deposit.submitDossier(access, id, late);
    expect(again).toMatchObject({ ok: true, resubmission: true, number: ok.ok ? ok.number : "" });
  });
});
