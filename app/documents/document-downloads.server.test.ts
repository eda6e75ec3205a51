// Uploads recognised by their content, and a stored document served only to its association's
// members and to staff (moved here from the dossiers' tests, assertions unchanged).
import { describe, expect, it } from "vitest";
import { createUser } from "../../prisma/factories/user";
import { pngBytes } from "../../tests/sample-files";
import { pdfBytes, setup } from "../dossiers/test-support";

const { prisma } = await import("../db.server");
const { getDocumentForDownload } = await import("./document.server");
const { storeDocument } = await import("./storing.server");
const { detectUploadType, UPLOAD_TYPE_MESSAGE } = await import("./file-checks.server");

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
    expect(thrown).toMatchObject({ code: "not_found", status: 404 });
  });
});
