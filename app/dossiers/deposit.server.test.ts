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

const { prisma } = await import("../db.server");
const app = await import("./application.server");
const review = await import("../review/review.server");
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
  const { id } = await app.startDossier(association.id, call.id, user);
  const data = buildDossierData(association, { requestedCents: 8_000_00 });
  for (const [step, values] of Object.entries(data)) {
    expect(await app.saveStep(access, id, step as never, values, { validate: true }), step).toEqual({ ok: true });
  }
  const stored = await storeDocument({
    associationId: association.id,
    kind: "statuts",
    originalName: "statuts.pdf",
    bytes: await pdfBytes("Statuts"),
    actor: user,
  });
  if (!stored.ok) throw new Error(stored.message);
  await app.attachDocument(association.id, id, stored.document.id, "statuts");
  return { call, access, dossierId: id, staff: { id: staff.id, role: "staff" as const, name: staff.name } };
}

const receipts = (to: string) => prisma.emailMessage.count({ where: { to, subject: { startsWith: "Accusé de réception du dossier" } } });
const deposits = (dossierId: string) =>
  prisma.auditEvent.findMany({ where: { entityType: "dossier", entityId: dossierId, action: { in: ["depot", "redepot"] } } });

describe("deposit and the closing instant", () => {
  it("will not deposit a deposited dossier again after closing, and keeps its first deposit time", async () => {
    const { call, access, dossierId } = await setup();
    const first = await app.submitDossier(access, dossierId);
    expect(first).toMatchObject({ ok: true, resubmission: false });
    const firstAt = (await prisma.dossier.findUniqueOrThrow({ where: { id: dossierId } })).submittedAt;
    expect(firstAt).not.toBeNull();

    const late = new Date(call.closesAt.getTime() + 60_000);
    const again = await app.submitDossier(access, dossierId, late);
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
    expect(await app.submitDossier(access, dossierId, depositedAt)).toMatchObject({ ok: true, resubmission: false });
    await review.requestCorrection(dossierId, staff, "Joindre le RIB à jour.");
    // Sent back twice (a double click): one request, one e-mail.
    await expect(review.requestCorrection(dossierId, staff, "Joindre le RIB à jour.")).rejects.toThrow(/demande de correction attend déjà/);
    expect(await prisma.emailMessage.count({ where: { to: access.user.email, subject: { contains: "corrections demandées" } } })).toBe(1);

    const late = new Date(call.closesAt.getTime() + 3_600_000);
    const redeposit = await app.submitDossier(access, dossierId, late);
    expect(redeposit).toMatchObject({ ok: true, resubmission: true });
    // Only the re-deposit asked for: the next one after closing is refused as already done.
    expect(await app.submitDossier(access, dossierId, new Date(late.getTime() + 1000))).toMatchObject({ ok: true, already: true });

    const dossier = await prisma.dossier.findUniqueOrThrow({ where: { id: dossierId } });
    expect(dossier.submittedAt).toEqual(depositedAt);
    expect(dossier.correctionRequestedAt).toBeNull();
    const history = await app.listSubmissions(dossierId);
    expect(history).toEqual([
      { kind: "depot", submittedAt: depositedAt },
      { kind: "redepot", submittedAt: late },
    ]);
    expect((await deposits(dossierId)).map((e) => e.action).sort()).toEqual(["depot", "redepot"]);
    expect(await receipts(access.user.email)).toBe(2);
  });

  it("refuses a first deposit after the closing instant with a French message", async () => {
    const { call, access, dossierId } = await setup();
    const refused = await app.submitDossier(access, dossierId, new Date(call.closesAt.getTime()));
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/clos depuis le .* ne peut plus être déposé/) });
    expect(await prisma.dossierSubmission.count({ where: { dossierId } })).toBe(0);
  });
});

describe("the same deposit sent several times at once", () => {
  for (const times of [2, 5]) {
    it(`deposits once and sends one receipt when « Déposer » is sent ${times} times at once`, async () => {
      const { access, dossierId } = await setup();
      const results = await Promise.all(Array.from({ length: times }, () => app.submitDossier(access, dossierId)));
      expect(results.filter((r) => r.ok && !("already" in r))).toHaveLength(1);
      expect(results.filter((r) => r.ok && "already" in r)).toHaveLength(times - 1);
      expect((await deposits(dossierId)).map((e) => e.action)).toEqual(["depot"]);
      expect(await prisma.dossierSubmission.count({ where: { dossierId } })).toBe(1);
      expect(await receipts(access.user.email)).toBe(1);
    });

    it(`re-deposits once after a correction request when sent ${times} times at once`, async () => {
      const { access, dossierId, staff } = await setup();
      expect((await app.submitDossier(access, dossierId)).ok).toBe(true);
      await review.requestCorrection(dossierId, staff, "Préciser le budget.");
      const results = await Promise.all(Array.from({ length: times }, () => app.submitDossier(access, dossierId)));
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
    const started = await Promise.all(Array.from({ length: 5 }, () => app.startDossier(association.id, call.id, user)));
    expect(started.filter((s) => s.created)).toHaveLength(1);
    expect(new Set(started.map((s) => s.id)).size).toBe(1);
    expect(await prisma.dossier.count({ where: { associationId: association.id, callId: call.id } })).toBe(1);
  });
});
