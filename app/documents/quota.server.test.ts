// The association's total storage quota, on both upload paths (association documents and subsidy
// files), and what a failed upload leaves behind.
import { readdirSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { pdfBytes as samplePdf, pngBytes } from "../../tests/sample-files";
import { associationMember } from "./test-support";
const pdfBytes = () => samplePdf("Comptes annuels");

const { prisma } = await import("../db.server");
const member = () => associationMember(prisma);
const { resetEnvCache } = await import("../env.server");
const docs = {
  ...(await import("./file-checks.server")),
  ...(await import("./quota.server")),
  ...(await import("./storing.server")),
  ...(await import("./document.server")),
};
const subsidyDocs = await import("../subsidies/subsidy-documents.server");
const { getEnv } = await import("../env.server");

/** Every name in the uploads folder, temporary files included. */
const uploadedNames = () => {
  try {
    return readdirSync(getEnv().UPLOAD_DIR).sort();
  } catch {
    return [];
  }
};
/** A whole PDF of about `size` bytes (padding before its trailer). */
async function pdfOfSize(size: number) {
  const pdf = await pdfBytes();
  return Buffer.concat([pdf.subarray(0, pdf.length - 6), Buffer.alloc(Math.max(0, size - pdf.length), 0x20), Buffer.from("%%EOF\n")]);
}

/** A signed convention stored through the subsidy path, with no other write. */
const subsidyConvention = (associationId: string, uploadedById: string, upload: { name: string; bytes: Uint8Array }) =>
  docs.storeUploads(
    [upload],
    { associationId, kind: "convention", label: "Convention", uploadedById, accept: subsidyDocs.signedConventionFile() },
    async () => {},
  );

describe("association storage quota", () => {
  const saved = process.env.ASSOCIATION_STORAGE_QUOTA_MB;
  afterEach(() => {
    if (saved === undefined) delete process.env.ASSOCIATION_STORAGE_QUOTA_MB;
    else process.env.ASSOCIATION_STORAGE_QUOTA_MB = saved;
    resetEnvCache();
  });

  it("defaults to 200 Mo and follows ASSOCIATION_STORAGE_QUOTA_MB", () => {
    delete process.env.ASSOCIATION_STORAGE_QUOTA_MB;
    resetEnvCache();
    expect(docs.storageQuotaBytes()).toBe(200 * 1024 * 1024);
    process.env.ASSOCIATION_STORAGE_QUOTA_MB = "0.5";
    resetEnvCache();
    expect(docs.storageQuotaBytes()).toBe(512 * 1024);
    process.env.ASSOCIATION_STORAGE_QUOTA_MB = "beaucoup";
    resetEnvCache();
    expect(() => docs.storageQuotaBytes()).toThrow(/ASSOCIATION_STORAGE_QUOTA_MB/);
  });

  it("refuses an upload past the quota, saying how much is used and left, on both paths", async () => {
    const { associationId, actor } = await member();
    const other = await member();
    const pdf = await pdfBytes();
    // A quota of three of these PDFs and a bit.
    const quotaMb = (pdf.length * 3.5) / (1024 * 1024);
    process.env.ASSOCIATION_STORAGE_QUOTA_MB = String(quotaMb);
    resetEnvCache();

    for (let i = 0; i < 3; i++) {
      expect(
        await docs.storeDocument({ associationId, kind: "comptes", originalName: `comptes-${i}.pdf`, bytes: pdf, actor }),
      ).toMatchObject({ ok: true });
    }
    const usage = await docs.associationStorage(associationId);
    expect(usage).toEqual({ used: pdf.length * 3, quota: docs.storageQuotaBytes(), left: docs.storageQuotaBytes() - pdf.length * 3 });

    const refused = await docs.storeDocument({ associationId, kind: "comptes", originalName: "comptes-4.pdf", bytes: pdf, actor });
    expect(refused.ok).toBe(false);
    const message = refused.ok ? "" : refused.message;
    expect(message).toContain(`${docs.formatMegabytes(pdf.length * 3)} utilisés sur ${docs.formatMegabytes(docs.storageQuotaBytes())}`);
    expect(message).toContain(`il reste ${docs.formatMegabytes(usage.left)}`);
    expect(await prisma.document.count({ where: { associationId } })).toBe(3);

    // The subsidy path counts the same documents.
    await expect(subsidyConvention(associationId, actor.id, { name: "c.pdf", bytes: pdf })).rejects.toThrow(
      "dépasse l'espace de stockage restant",
    );

    // Another association's space is its own.
    expect(
      await docs.storeDocument({
        associationId: other.associationId,
        kind: "comptes",
        originalName: "comptes.pdf",
        bytes: pdf,
        actor: other.actor,
      }),
    ).toMatchObject({ ok: true });

    // Deleting a document frees its space.
    const first = await prisma.document.findFirstOrThrow({ where: { associationId }, select: { id: true } });
    expect(await docs.deleteDocument(associationId, first.id)).toEqual({ ok: true });
    expect(await docs.storeDocument({ associationId, kind: "comptes", originalName: "comptes-4.pdf", bytes: pdf, actor })).toMatchObject({
      ok: true,
    });
  });

  it("five uploads at once where two fit: exactly two accepted, on both paths together", async () => {
    const { associationId, actor } = await member();
    const file = await pdfOfSize(100 * 1024);
    process.env.ASSOCIATION_STORAGE_QUOTA_MB = String((file.length * 2.5) / (1024 * 1024));
    resetEnvCache();
    const before = uploadedNames();
    const results = await Promise.all([
      ...Array.from({ length: 4 }, (_, i) =>
        docs.storeDocument({ associationId, kind: "comptes", originalName: `comptes-${i}.pdf`, bytes: file, actor }),
      ),
      // The subsidy path shares the quota and the lock.
      subsidyConvention(associationId, actor.id, { name: "c.pdf", bytes: file }).then(
        () => ({ ok: true as const }),
        (error: Error) => ({ ok: false as const, message: error.message, status: 400 }),
      ),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(3);
    for (const r of refused)
      expect(r).toMatchObject({ status: 400, message: expect.stringContaining("dépasse l'espace de stockage restant") });
    const rows = await prisma.document.findMany({ where: { associationId }, select: { storedName: true, size: true } });
    expect(rows).toHaveLength(2);
    expect(rows.reduce((sum, r) => sum + r.size, 0)).toBeLessThanOrEqual(docs.storageQuotaBytes());
    // The refused files were removed: only the two accepted ones were added to the folder.
    const added = uploadedNames().filter((n) => !before.includes(n));
    expect(added.sort()).toEqual(rows.map((r) => r.storedName).sort());
  });

  it("a database insert that fails after the file is written leaves no file behind", async () => {
    const { actor } = await member();
    const before = uploadedNames();
    // No such association: the insert breaks its foreign key after the file was renamed in place.
    await expect(
      docs.storeDocument({ associationId: "no-such-association", kind: "rib", originalName: "rib.png", bytes: pngBytes(), actor }),
    ).rejects.toThrow();
    expect(uploadedNames()).toEqual(before);
  });

  it("formats sizes in French", () => {
    expect(docs.formatMegabytes(1.5 * 1024 * 1024)).toBe("1,5 Mo");
    expect(docs.formatMegabytes(200 * 1024 * 1024)).toBe("200 Mo");
    expect(docs.formatMegabytes(1000)).toBe("1 Ko");
    expect(docs.formatMegabytes(0)).toBe("0 Ko");
  });
});
