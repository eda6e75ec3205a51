// The ZIP of a selection on a real SQLite database: unzipped, it holds per dossier the two deposit
// PDFs and every attachment with the stored bytes, plus the summary; an id the user may not review
// refuses the whole archive.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { createUser } from "../../prisma/factories/user";
import { fillAll, setup } from "../dossiers/test-support";

const { prisma } = await import("../db.server");
const drafts = await import("../dossiers/drafts.server");
const deposit = await import("../dossiers/deposit.server");
const { uploadPath } = await import("../documents/document.server");
const archive = await import("./dossier-archive.server");

async function depositedDossier(associationName?: string) {
  const world = await setup();
  const staff = await createUser(prisma, { role: "staff", passwordHash: "!" });
  await prisma.callReviewer.create({ data: { callId: world.call.id, userId: staff.id } });
  const { id } = await drafts.startDossier(world.access.associationId, world.call.id, world.access.user);
  await fillAll(world.access, id);
  const result = await deposit.submitDossier(world.access, id);
  if (!result.ok || "already" in result) throw new Error("not deposited");
  // Renamed after the deposit (the form refuses such a name; the archive uses the name of today).
  if (associationName) await prisma.association.update({ where: { id: world.access.associationId }, data: { name: associationName } });
  return { ...world, dossierId: id, number: result.number, staff: { id: staff.id, name: staff.name, role: "staff" as const } };
}

async function unzip(stream: ReadableStream<Uint8Array>) {
  return unzipSync(new Uint8Array(await new Response(stream).arrayBuffer()));
}

const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe("the ZIP of dossiers", () => {
  it("holds each dossier's PDFs and attachments (the stored bytes) and the summary", async () => {
    const a = await depositedDossier("=Amis du Doubs");
    const admin = await createUser(prisma, { role: "admin", passwordHash: "!" });
    const b = await depositedDossier();
    const asAdmin = { id: admin.id, name: admin.name, role: "admin" as const };
    const plan = await archive.prepareDossierArchive(asAdmin, [a.dossierId, b.dossierId, a.dossierId], "{numero}-{association}");
    expect(plan.dossierCount).toBe(2);
    const files = await unzip(archive.archiveStream(plan));
    const folderA = `${a.number}-=Amis du Doubs`;
    const bName = (await prisma.association.findUniqueOrThrow({ where: { id: b.access.associationId } })).name;
    expect(Object.keys(files).sort()).toEqual(
      [
        "sommaire.csv",
        `${folderA}/dossier-${a.number}.pdf`,
        `${folderA}/attestation-depot-${a.number}.pdf`,
        `${folderA}/statuts.pdf`,
        `${b.number}-${bName}/dossier-${b.number}.pdf`,
        `${b.number}-${bName}/attestation-depot-${b.number}.pdf`,
        `${b.number}-${bName}/statuts.pdf`,
      ].sort(),
    );
    const document = await prisma.document.findFirstOrThrow({ where: { associationId: a.access.associationId } });
    const stored = await readFile(uploadPath(document.storedName));
    expect(sha(files[`${folderA}/statuts.pdf`])).toBe(document.sha256);
    expect(Buffer.from(files[`${folderA}/statuts.pdf`]).equals(stored)).toBe(true);
    expect(strFromU8(files[`${folderA}/dossier-${a.number}.pdf`].subarray(0, 5))).toBe("%PDF-");

    const csv = Buffer.from(files["sommaire.csv"]).toString("utf8");
    expect(csv.startsWith("\ufeffNuméro;Association;")).toBe(true);
    // The association's name starts like a formula: neutralised by the spreadsheet writer.
    expect(csv).toContain("'=Amis du Doubs");
    expect(csv).toContain(`${folderA}`);
    expect(csv).toContain(`dossier-${a.number}.pdf | attestation-depot-${a.number}.pdf | statuts.pdf`);
    const row = await prisma.dossierSubmission.findFirstOrThrow({ where: { dossierId: a.dossierId } });
    expect(csv).toContain(row.sha256!);
  });

  it("deduplicates folder and file names", async () => {
    const a = await depositedDossier("Même nom");
    const b = await depositedDossier("Même nom");
    // Two attachments with the same original name in one dossier.
    const doc = await prisma.document.findFirstOrThrow({ where: { associationId: b.access.associationId } });
    const twin = await prisma.document.create({
      data: { ...doc, id: undefined, storedName: `${doc.storedName}-twin`, kind: "rib", createdAt: undefined },
    });
    const { copyFile } = await import("node:fs/promises");
    await copyFile(uploadPath(doc.storedName), uploadPath(twin.storedName));
    await prisma.dossierAttachment.create({ data: { dossierId: b.dossierId, documentId: twin.id, kind: "rib" } });
    const admin = await createUser(prisma, { role: "admin", passwordHash: "!" });
    const plan = await archive.prepareDossierArchive(
      { id: admin.id, name: admin.name, role: "admin" },
      [a.dossierId, b.dossierId],
      "{association}",
    );
    const names = Object.keys(await unzip(archive.archiveStream(plan)));
    expect(names).toContain("Même nom/statuts.pdf");
    // b's latest deposit does not hold the twin (attached after it).
    expect(names.filter((n) => n.startsWith("Même nom (2)/")).sort()).toEqual([
      `Même nom (2)/attestation-depot-${b.number}.pdf`,
      `Même nom (2)/dossier-${b.number}.pdf`,
      "Même nom (2)/statuts.pdf",
    ]);
    // A deposit made before the records existed: no PDFs, the dossier's attachments now, both names kept apart.
    await prisma.dossierSubmission.deleteMany({ where: { dossierId: b.dossierId } });
    await prisma.dossierSubmission.create({ data: { dossierId: b.dossierId, kind: "depot", submittedAt: new Date() } });
    const old = await archive.prepareDossierArchive({ id: admin.id, name: admin.name, role: "admin" }, [b.dossierId], "{association}");
    const files = await unzip(archive.archiveStream(old));
    expect(Object.keys(files).sort()).toEqual(["Même nom/statuts (2).pdf", "Même nom/statuts.pdf", "sommaire.csv"]);
    expect(Buffer.from(files["sommaire.csv"]).toString("utf8")).toContain("attestation non disponible (dépôt antérieur)");
  });

  it("refuses the whole archive when one dossier is not the user's to review, or does not exist", async () => {
    const a = await depositedDossier();
    const b = await depositedDossier();
    await expect(archive.prepareDossierArchive(a.staff, [a.dossierId, b.dossierId], "{numero}")).rejects.toMatchObject({
      status: 403,
      message: expect.stringMatching(new RegExp(`dossier ${b.number}.*aucune archive n'a été faite`)),
    });
    await expect(archive.prepareDossierArchive(a.staff, [a.dossierId, "inexistant"], "{numero}")).rejects.toMatchObject({
      status: 404,
    });
    // A draft of a call the staff member reviews: not deposited, so not in any archive.
    const other = await setup();
    await prisma.callReviewer.create({ data: { callId: other.call.id, userId: a.staff.id } });
    const draft = await drafts.startDossier(other.access.associationId, other.call.id, other.access.user);
    await expect(archive.prepareDossierArchive(a.staff, [a.dossierId, draft.id], "{numero}")).rejects.toMatchObject({ status: 404 });
    const ok = await archive.prepareDossierArchive(a.staff, [a.dossierId], "{numero}");
    expect(ok.dossierCount).toBe(1);
  });
});
