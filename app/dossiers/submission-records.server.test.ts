// Deposit records on a real SQLite database: each deposit keeps its snapshot and fingerprint, the
// fingerprint follows the content, the two PDFs are the same bytes for the same deposit and carry
// the number and the fingerprint, and each side reaches only the deposits it may see.
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { createUser } from "../../prisma/factories/user";
import { canonicalJson, readSnapshot, snapshotSha256, type SubmissionSnapshot } from "./submission-snapshot";
import { fillAll, setup } from "./test-support";

const { prisma } = await import("../db.server");
const drafts = await import("./drafts.server");
const deposit = await import("./deposit.server");
const steps = await import("./steps.server");
const records = await import("./submission-records.server");
const review = await import("../review/transitions.server");

async function deposited() {
  const world = await setup();
  const staff = await createUser(prisma, { role: "staff", passwordHash: "!" });
  await prisma.callReviewer.create({ data: { callId: world.call.id, userId: staff.id } });
  const { id } = await drafts.startDossier(world.access.associationId, world.call.id, world.access.user);
  await fillAll(world.access, id);
  const result = await deposit.submitDossier(world.access, id);
  if (!result.ok || "already" in result) throw new Error("not deposited");
  return { ...world, dossierId: id, number: result.number, staff: { id: staff.id, name: staff.name, role: "staff" as const } };
}

const text = async (bytes: Buffer) => (await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true })).text;

describe("the snapshot of a deposit", () => {
  it("is stored with the deposit: sections as staff see them, budget, declaration, attachments with their hashes", async () => {
    const { dossierId, number, access } = await deposited();
    const row = await prisma.dossierSubmission.findFirstOrThrow({ where: { dossierId } });
    const snapshot = readSnapshot(row.snapshot)!;
    expect(snapshot).not.toBeNull();
    expect(row.sha256).toBe(snapshotSha256(snapshot));
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(snapshot.dossier.number).toBe(number);
    expect(snapshot.kind).toBe("depot");
    expect(snapshot.depositedBy).toEqual({ id: access.user.id, name: access.user.name });
    expect(snapshot.sections.map((s) => s.key)).toEqual([
      "identification",
      "administration",
      "reseaux",
      "ressources_humaines",
      "budget_association",
      "projet",
    ]);
    const territory = snapshot.sections.find((s) => s.key === "projet")!.fields.find((f) => f.name === "territory")!;
    expect(territory.value).not.toBe("");
    expect(snapshot.budget.totals.ccasCents).toBe(8_000_00);
    expect(snapshot.budget.income.find((l) => l.name === "p74_ccas")!.cents).toBe(8_000_00);
    expect(snapshot.declaration.items.every((i) => i.accepted)).toBe(true);
    expect(snapshot.declaration.signerName).toBe(access.user.name);
    const document = await prisma.document.findFirstOrThrow({ where: { associationId: access.associationId } });
    expect(snapshot.attachments).toEqual([
      expect.objectContaining({
        originalName: "statuts.pdf",
        kindLabel: "Statuts de l'association",
        size: document.size,
        sha256: document.sha256,
      }),
    ]);
  });

  it("hashes the canonical JSON: key order does not matter, any change of content does", () => {
    const a = { b: 1, a: [{ y: "é", x: null }] };
    const b = { a: [{ x: null, y: "é" }], b: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"a":[{"x":null,"y":"é"}],"b":1}');
  });

  it("gives each re-deposit its own row, snapshot and fingerprint; the same content gives the same fingerprint", async () => {
    const { dossierId, access, staff } = await deposited();
    const first = await prisma.dossierSubmission.findFirstOrThrow({ where: { dossierId } });
    const snap = readSnapshot(first.snapshot)!;
    // Stable: the stored snapshot hashes to its fingerprint again, whatever the key order in the database.
    expect(snapshotSha256(JSON.parse(JSON.stringify(snap)) as SubmissionSnapshot)).toBe(first.sha256);
    await review.startInstruction(dossierId, staff);
    await review.requestCorrection(dossierId, staff, "Préciser les objectifs.");
    const dossier = await prisma.dossier.findUniqueOrThrow({ where: { id: dossierId } });
    const projet = (dossier.data as Record<string, Record<string, string>>).projet;
    expect(await steps.saveStep(access, dossierId, "projet", { ...projet, objectives: "Objectifs précisés." }, { validate: true })).toEqual(
      { ok: true },
    );
    const again = await deposit.submitDossier(access, dossierId);
    expect(again).toMatchObject({ ok: true, resubmission: true });
    const rows = await prisma.dossierSubmission.findMany({ where: { dossierId }, orderBy: { submittedAt: "asc" } });
    expect(rows.map((r) => r.kind)).toEqual(["depot", "redepot"]);
    expect(rows[1].sha256).not.toBe(rows[0].sha256);
    const second = readSnapshot(rows[1].snapshot)!;
    expect(second.sections.find((s) => s.key === "projet")!.fields.find((f) => f.name === "objectives")!.value).toBe("Objectifs précisés.");
    // The first deposit's record is untouched by the change.
    expect(readSnapshot(rows[0].snapshot)).toEqual(snap);
  });
});

describe("the deposit PDFs", () => {
  it("are the same bytes for the same deposit, and carry the CCAS, the number, the kind and the fingerprint", async () => {
    const { dossierId, number, access } = await deposited();
    const row = await prisma.dossierSubmission.findFirstOrThrow({ where: { dossierId } });
    const a1 = await records.depositPdf(row, "attestation");
    const a2 = await records.depositPdf(row, "attestation");
    expect(a1!.bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(a1!.bytes.equals(a2!.bytes)).toBe(true);
    expect(a1!.filename).toBe(`attestation-depot-${number}.pdf`);
    const attestation = await text(a1!.bytes);
    expect(attestation).toContain("Attestation de dépôt");
    expect(attestation).toContain(number);
    expect(attestation).toContain(row.sha256!);
    expect(attestation).toContain("premier dépôt");
    expect(attestation).toContain(access.user.name);
    expect(attestation).toContain("8 000,00 €");

    const d1 = await records.depositPdf(row, "dossier");
    const d2 = await records.depositPdf(row, "dossier");
    expect(d1!.bytes.equals(d2!.bytes)).toBe(true);
    expect(d1!.bytes.length).toBeGreaterThan(a1!.bytes.length);
    const whole = await text(d1!.bytes);
    for (const expected of ["Identification de l'association", "Le projet", "Budget du projet", "Déclaration sur l'honneur", "statuts.pdf"])
      expect(whole).toContain(expected);
    const document = await prisma.document.findFirstOrThrow({ where: { associationId: access.associationId } });
    expect(whole).toContain(document.sha256);
    // The fingerprint is at the foot of every page.
    const pdf = await getDocumentProxy(new Uint8Array(d1!.bytes));
    const pages = await extractText(pdf);
    expect(pages.totalPages).toBeGreaterThan(1);
    for (const page of pages.text as string[]) expect(page).toContain(row.sha256!);
  });

  it("can be written uncompressed (no Flate stream), with the same text", async () => {
    const { dossierId, number } = await deposited();
    const row = await prisma.dossierSubmission.findFirstOrThrow({ where: { dossierId } });
    const plain = (await records.depositPdf(row, "attestation", { compress: false }))!.bytes;
    const packed = (await records.depositPdf(row, "attestation"))!.bytes;
    expect(plain.toString("latin1")).not.toContain("/FlateDecode");
    expect(packed.toString("latin1")).toContain("/FlateDecode");
    expect(plain.length).toBeGreaterThan(packed.length);
    expect(await text(plain)).toContain(number);
    expect(await text(plain)).toContain(row.sha256!);
  });
});

describe("who reaches the deposit records", () => {
  it("an association's member: its own dossiers only; staff: the calls they review; administrators all", async () => {
    const { dossierId, access, staff } = await deposited();
    const other = await deposited();
    const row = await prisma.dossierSubmission.findFirstOrThrow({ where: { dossierId } });
    const mine = await records.listDepositRecordsForMember(access.associationId, dossierId);
    expect(mine).toEqual([expect.objectContaining({ id: row.id, kindLabel: "Premier dépôt", sha256: row.sha256 })]);
    expect(mine[0].files!.attestation).toBeGreaterThan(1000);
    await expect(records.getDepositPdfForMember(access.associationId, dossierId, row.id, "dossier")).resolves.toMatchObject({
      filename: expect.stringMatching(/^dossier-AAP-/),
    });
    // Another association's dossier, or this deposit under another dossier's id: not found.
    await expect(records.listDepositRecordsForMember(other.access.associationId, dossierId)).rejects.toMatchObject({ status: 404 });
    await expect(records.getDepositPdfForMember(other.access.associationId, dossierId, row.id, "attestation")).rejects.toMatchObject({
      status: 404,
    });
    await expect(records.getDepositPdfForMember(other.access.associationId, other.dossierId, row.id, "attestation")).rejects.toMatchObject({
      status: 404,
    });
    // Staff of this call: yes; staff of another call: refused; administrators: yes.
    await expect(records.getDepositPdfForStaff(staff, dossierId, row.id, "attestation")).resolves.toBeTruthy();
    await expect(records.getDepositPdfForStaff(other.staff, dossierId, row.id, "attestation")).rejects.toMatchObject({ status: 403 });
    const admin = await createUser(prisma, { role: "admin", passwordHash: "!" });
    const asAdmin = { id: admin.id, name: admin.name, role: "admin" as const };
    // This deposit asked for under another dossier's id: not found, even for an administrator.
    await expect(records.getDepositPdfForStaff(asAdmin, other.dossierId, row.id, "attestation")).rejects.toMatchObject({ status: 404 });
    await expect(records.listDepositRecordsForStaff(asAdmin, dossierId)).resolves.toHaveLength(1);
  });

  it("says so for a deposit made before the records existed, rather than inventing one", async () => {
    const { dossierId, access } = await deposited();
    // A deposit row as those written before this change: no snapshot, no fingerprint.
    await prisma.dossierSubmission.deleteMany({ where: { dossierId } });
    const row = await prisma.dossierSubmission.create({
      data: { dossierId, kind: "depot", submittedAt: new Date(), submittedById: access.user.id },
    });
    const list = await records.listDepositRecordsForMember(access.associationId, dossierId);
    expect(list[0].files).toBeNull();
    await expect(records.getDepositPdfForMember(access.associationId, dossierId, row.id, "attestation")).rejects.toMatchObject({
      status: 404,
      message: expect.stringContaining("Attestation non disponible pour ce dépôt antérieur"),
    });
  });
});
