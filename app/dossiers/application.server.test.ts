// Dossiers against a real SQLite database: step validation, budget balance, amount
// bounds, the closing time, submission with its receipt, scoping, upload type detection.
import { describe, expect, it } from "vitest";
import { createAssociation } from "../../prisma/factories/association";
import { createCall } from "../../prisma/factories/call";
import { buildDossierData, createDossier } from "../../prisma/factories/dossier";
import { addMembership, createUser } from "../../prisma/factories/user";
import type { SessionUser } from "../accounts/auth.server";
import { budgetTotals, identificationSchema, projectBudgetSchema, humanResourcesSchema } from "./schemas";
import { pdfBytes as samplePdf, pngBytes } from "../../tests/sample-files";
const pdfBytes = () => samplePdf("Statuts de l'association");

const { prisma } = await import("../db.server");
const app = await import("./application.server");
const review = await import("../review/review.server");
const { detectUploadType, UPLOAD_TYPE_MESSAGE } = await import("../documents/file-checks.server");
const { getDocumentForDownload } = await import("../documents/document.server");
const { storeDocument } = await import("../documents/storing.server");
const { closeDueCalls, effectiveCallStatus } = await import("../calls/call.server");

const DAY = 24 * 3600_000;

async function setup(options: { closesAt?: Date; representative?: boolean } = {}) {
  const call = await createCall(prisma, {
    minAmountCents: 2_000_00,
    maxAmountCents: 10_000_00,
    closesAt: options.closesAt,
    requiredAttachments: ["statuts"],
  });
  const association = await createAssociation(prisma, { status: "validated" });
  const u = await createUser(prisma, { passwordHash: "!" });
  await addMembership(prisma, u.id, association.id, options.representative ?? true, "Présidente");
  const user: SessionUser = { id: u.id, email: u.email, name: u.name, role: "member" };
  const access = { associationId: association.id, user, isRepresentative: options.representative ?? true };
  return { call, association, user, access };
}

async function fillAll(access: Awaited<ReturnType<typeof setup>>["access"], dossierId: string, requestedCents = 8_000_00) {
  const association = await prisma.association.findUniqueOrThrow({ where: { id: access.associationId } });
  const data = buildDossierData(association, { requestedCents });
  for (const [step, values] of Object.entries(data)) {
    const result = await app.saveStep(access, dossierId, step as never, values, { validate: true });
    expect(result, step).toEqual({ ok: true });
  }
  const bytes = await pdfBytes();
  const stored = await storeDocument({
    associationId: access.associationId,
    kind: "statuts",
    originalName: "statuts.pdf",
    bytes,
    actor: access.user,
  });
  if (!stored.ok) throw new Error(stored.message);
  await app.attachDocument(access.associationId, dossierId, stored.document.id, "statuts");
}

describe("step schemas", () => {
  it("requires identification fields and reports them in French", () => {
    const result = identificationSchema.safeParse({ name: "", rna: "W251000001" });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => i.message).join(" ");
    expect(messages).toContain("Nom de l'association : ce champ est obligatoire.");
  });

  it("refuses a non-integer head count", () => {
    const ok = { adherents: "12", benevoles: "3", volontaires: "0", salaries: "1", etpt: "0,8" };
    expect(humanResourcesSchema.safeParse(ok).success).toBe(true);
    const bad = humanResourcesSchema.safeParse({ ...ok, benevoles: "trois" });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0].path).toEqual(["benevoles"]);
  });
});

describe("project budget", () => {
  const balanced = { c60: "1 000", c64: "9 000", p74_ccas: "5 000", p74_commune: "3 000", p75: "2000", c86: "500", p87: "500" };

  it("accepts a balanced budget and computes the totals with in-kind lines", () => {
    expect(projectBudgetSchema({ minAmountCents: 1_000_00, maxAmountCents: 10_000_00 }).safeParse(balanced).success).toBe(true);
    expect(budgetTotals(balanced)).toMatchObject({ chargesCents: 10_500_00, incomeCents: 10_500_00, ccasCents: 5_000_00 });
  });

  it("refuses an unbalanced budget, naming both totals", () => {
    const result = projectBudgetSchema().safeParse({ ...balanced, p75: "1 999,99" });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message).join()).toMatch(/pas équilibré.*10\s500.*10\s499,99/);
  });

  it("refuses in-kind contributions that do not match their use", () => {
    const result = projectBudgetSchema().safeParse({ ...balanced, c86: "600", p87: "400", p75: "2 200" });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message).join()).toContain("contributions en nature");
  });

  it("keeps the CCAS amount within the call's bounds", () => {
    const bounds = { minAmountCents: 6_000_00, maxAmountCents: 10_000_00 };
    const low = projectBudgetSchema(bounds).safeParse(balanced);
    expect(low.success).toBe(false);
    expect(low.error!.issues.find((i) => i.path[0] === "p74_ccas")?.message).toMatch(/compris entre 6\s000\s€ et 10\s000\s€/);
    const high = projectBudgetSchema({ minAmountCents: 1_000_00, maxAmountCents: 4_999_99 }).safeParse(balanced);
    expect(high.success).toBe(false);
    expect(projectBudgetSchema({ minAmountCents: 5_000_00, maxAmountCents: 5_000_00 }).safeParse(balanced).success).toBe(true);
  });
});

describe("upload type detection", () => {
  it("recognises real PDF and PNG content", async () => {
    expect(await detectUploadType(await pdfBytes())).toEqual({ ok: true, mimeType: "application/pdf", extension: "pdf" });
    expect(await detectUploadType(pngBytes())).toEqual({ ok: true, mimeType: "image/png", extension: "png" });
  });

  it("refuses a renamed executable and HTML disguised as a PDF", async () => {
    const exe = Buffer.alloc(512);
    exe.write("MZ", 0, "ascii");
    exe.writeUInt32LE(0x80, 0x3c);
    exe.write("PE\0\0", 0x80, "binary");
    expect(await detectUploadType(exe)).toEqual({ ok: false, message: UPLOAD_TYPE_MESSAGE });
    const html = Buffer.from("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>");
    expect(await detectUploadType(html)).toEqual({ ok: false, message: UPLOAD_TYPE_MESSAGE });
    expect(await detectUploadType(Buffer.alloc(0))).toMatchObject({ ok: false });
  });
});

describe("dossier life", () => {
  it("saves a step as typed even when invalid, and denormalises title and amount", async () => {
    const { call, access } = await setup();
    const { id } = await app.startDossier(access.associationId, call.id, access.user);
    const saved = await app.saveStep(access, id, "budget_projet", { c60: "1000", p74_ccas: "1 000", p75: "abc" }, { validate: true });
    expect(saved.ok).toBe(false);
    await app.saveStep(access, id, "projet", { title: "Jardins partagés", unknownField: "x" }, { validate: false });
    const dossier = await app.getDossierForMember(access.associationId, id);
    expect(dossier.parsed.budget_projet).toMatchObject({ p75: "abc" });
    expect(dossier.parsed.projet).toEqual({ title: "Jardins partagés" });
    expect(dossier.projectTitle).toBe("Jardins partagés");
    expect(dossier.requestedCents).toBe(1_000_00);
    expect(dossier.parsed.identification?.name).toBeTruthy();
  });

  it("does not show another association's dossier", async () => {
    const { call, access } = await setup();
    const other = await createAssociation(prisma, { status: "validated" });
    const dossier = await createDossier(prisma, { callId: call.id, associationId: other.id, state: "brouillon" });
    const thrown = await app.getDossierForMember(access.associationId, dossier.id).catch((e) => e);
    expect(thrown).toMatchObject({ init: { status: 404 } });
  });

  it("lets only the legal representative sign the declaration", async () => {
    const { call, access } = await setup({ representative: false });
    const { id } = await app.startDossier(access.associationId, call.id, access.user);
    await expect(
      app.saveStep(
        access,
        id,
        "declaration",
        { engagementRepublicain: "on", regularite: "on", exactitude: "on", montant: "on" },
        { validate: true },
      ),
    ).rejects.toThrow(/représentant·e légal·e/);
  });

  it("submits a complete dossier: number, state, audit and a receipt by e-mail", async () => {
    const { call, access } = await setup();
    const { id } = await app.startDossier(access.associationId, call.id, access.user);
    const incomplete = await app.submitDossier(access, id);
    expect(incomplete).toMatchObject({ ok: false, message: expect.stringContaining("incomplet") });
    await fillAll(access, id);
    const result = await app.submitDossier(access, id);
    expect(result).toMatchObject({ ok: true, resubmission: false });
    if (!result.ok) return;
    expect(result.number).toMatch(/^AAP-\d{4}-\d{4}$/);
    const dossier = await prisma.dossier.findUniqueOrThrow({ where: { id } });
    expect(dossier.state).toBe("en_construction");
    expect(dossier.submittedAt).not.toBeNull();
    expect(dossier.declarationSignerId).toBe(access.user.id);
    const audit = await prisma.auditEvent.findFirst({ where: { entityType: "dossier", entityId: id, action: "depot" } });
    expect(audit).toMatchObject({ fromState: "brouillon", toState: "en_construction" });
    const mail = await prisma.emailMessage.findFirstOrThrow({ where: { to: access.user.email, subject: { contains: result.number } } });
    expect(JSON.parse(mail.attachments!)).toEqual([
      expect.objectContaining({ filename: `accuse-reception-${result.number}.pdf`, contentType: "application/pdf" }),
    ]);
    const staff = await app.getDossierForStaff(id);
    expect(staff!.sections.map((s) => s.key)).toEqual(app.DOSSIER_STEPS.filter((s) => s.key !== "pieces").map((s) => s.key));
    expect(staff!.sections.find((s) => s.key === "budget_projet")!.fields.find((f) => f.name === "p74_ccas")!.value).toMatch(
      /8\s000,00\s€/,
    );
    expect(staff!.attachments).toHaveLength(1);
  });

  it("refuses a first submission after the closing time (server clock) but accepts a resubmission after a correction request", async () => {
    const { call, access } = await setup();
    const { id } = await app.startDossier(access.associationId, call.id, access.user);
    await fillAll(access, id);
    const late = new Date(call.closesAt.getTime() + 1000);
    const refused = await app.submitDossier(access, id, late);
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/clos depuis le .* ne peut plus être déposé/) });
    expect((await prisma.dossier.findUniqueOrThrow({ where: { id } })).state).toBe("brouillon");

    const ok = await app.submitDossier(access, id);
    expect(ok.ok).toBe(true);
    const staff = await createUser(prisma, { role: "staff", passwordHash: "!" });
    await prisma.callReviewer.create({ data: { callId: call.id, userId: staff.id } });
    await review.startInstruction(id, { ...staff, role: "staff" });
    await review.requestCorrection(id, { ...staff, role: "staff" }, "Joindre le RIB à jour.");
    expect(await app.getLatestCorrectionRequest(id)).toMatchObject({ message: "Joindre le RIB à jour." });
    const again = await app.submitDossier(access, id, late);
    expect(again).toMatchObject({ ok: true, resubmission: true, number: ok.ok ? ok.number : "" });
  });

  it("will not start a dossier on a closed call", async () => {
    const { access } = await setup();
    const closed = await createCall(prisma, { opensAt: new Date(Date.now() - 10 * DAY), closesAt: new Date(Date.now() - DAY) });
    await expect(app.startDossier(access.associationId, closed.id, access.user)).rejects.toThrow(/pas ouvert/);
  });
});

describe("document downloads", () => {
  it("serves a document to the association's members and to staff, and answers 404 to anyone else", async () => {
    const { access } = await setup({ representative: false });
    const stored = await storeDocument({
      associationId: access.associationId,
      kind: "rib",
      originalName: "rib.png",
      bytes: pngBytes(),
      actor: access.user,
    });
    if (!stored.ok) throw new Error(stored.message);
    const mine = await getDocumentForDownload(stored.document.id, access.user);
    expect(mine.mimeType).toBe("image/png");
    expect(Buffer.from(mine.bytes).equals(pngBytes())).toBe(true);
    const staff = await createUser(prisma, { role: "staff", passwordHash: "!" });
    await expect(getDocumentForDownload(stored.document.id, { ...staff, role: "staff" })).resolves.toMatchObject({
      id: stored.document.id,
    });
    const { user: outsider } = await setup();
    const thrown = await getDocumentForDownload(stored.document.id, outsider).catch((e) => e);
    expect(thrown).toMatchObject({ status: 404 });
  });
});

describe("call closing", () => {
  it("treats a published call past its closing time as closed, and the job closes it", async () => {
    const call = await createCall(prisma, { opensAt: new Date(Date.now() - 10 * DAY), closesAt: new Date(Date.now() - 60_000) });
    expect(effectiveCallStatus(call)).toBe("clos");
    await closeDueCalls();
    expect((await prisma.call.findUniqueOrThrow({ where: { id: call.id } })).status).toBe("clos");
    const audit = await prisma.auditEvent.findFirst({ where: { entityType: "call", entityId: call.id } });
    expect(audit).toMatchObject({ fromState: "publie", toState: "clos" });
  });
});
