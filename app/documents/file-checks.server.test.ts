// Upload hardening, for both upload paths (association documents and subsidy files): content
// sniffing against renamed executables and HTML, the 10 Mo limit, files cut short.
import { describe, expect, it } from "vitest";
import { pdfBytes as samplePdf, pngBytes } from "../../tests/sample-files";
import { associationMember } from "./test-support";
const pdfBytes = () => samplePdf("Comptes annuels");

const { prisma } = await import("../db.server");
const member = () => associationMember(prisma);
const docs = { ...(await import("./file-checks.server")), ...(await import("./quota.server")), ...(await import("./storing.server")) };
const subsidyDocs = await import("../subsidies/subsidy-documents.server");

/** SOI, a JFIF APP0 segment, some filler, EOI. */
function jpegBytes(): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, Buffer.alloc(200, 0x11), Buffer.from([0xff, 0xd9])]);
}

const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(56), Buffer.alloc(512, 0x90)]);
const MZ = Buffer.concat([
  Buffer.from("MZ"),
  Buffer.alloc(58),
  Buffer.from([0x80, 0, 0, 0]),
  Buffer.alloc(64),
  Buffer.from("PE\0\0"),
  Buffer.alloc(400),
]);
const HTML = Buffer.from("<!DOCTYPE html><html><body><script>alert(1)</script>%PDF-1.4</body></html>\n%%EOF\n");

const subsidyCheck = (name: string, bytes: Uint8Array) =>
  subsidyDocs.checkUploadType({ name, bytes }, subsidyDocs.REPORT_ATTACHMENT_TYPES, "attachments");

describe("upload content checks (association documents and subsidy files)", () => {
  it("accepts whole PDF, PNG and JPEG files on both paths", async () => {
    const pdf = await pdfBytes();
    expect(await docs.detectUploadType(pdf)).toEqual({ ok: true, mimeType: "application/pdf", extension: "pdf" });
    expect(await docs.detectUploadType(pngBytes())).toEqual({ ok: true, mimeType: "image/png", extension: "png" });
    expect(await docs.detectUploadType(jpegBytes())).toEqual({ ok: true, mimeType: "image/jpeg", extension: "jpg" });
    expect(await subsidyDocs.checkPdf({ name: "convention.pdf", bytes: pdf })).toBe("application/pdf");
    expect(await subsidyCheck("photo.jpg", jpegBytes())).toBe("image/jpeg");
    // Trailing newlines after %%EOF, as many generators write, are fine.
    expect(await docs.detectUploadType(Buffer.concat([pdf, Buffer.from("\r\n\n")]))).toMatchObject({ ok: true });
  });

  it.each([
    ["an ELF executable named .pdf", ELF],
    ["a Windows MZ executable named .pdf", MZ],
    ["an HTML page named .pdf", HTML],
  ])("refuses %s with a French message", async (_label, bytes) => {
    expect(await docs.detectUploadType(bytes)).toEqual({ ok: false, message: docs.UPLOAD_TYPE_MESSAGE });
    await expect(subsidyDocs.checkPdf({ name: "convention.pdf", bytes })).rejects.toThrow("« convention.pdf » n'est pas un PDF");
    await expect(subsidyCheck("compte-rendu.pdf", bytes)).rejects.toThrow("n'est pas d'un type accepté");
  });

  it("refuses a file over 10 Mo, whatever it is", async () => {
    const pdf = await pdfBytes();
    const big = Buffer.concat([pdf.subarray(0, pdf.length - 6), Buffer.alloc(docs.MAX_UPLOAD_BYTES), Buffer.from("%%EOF\n")]);
    expect(await docs.detectUploadType(big)).toEqual({ ok: false, message: "Le fichier dépasse 10 Mo." });
    await expect(subsidyDocs.checkPdf({ name: "gros.pdf", bytes: big })).rejects.toThrow("« gros.pdf » dépasse 10 Mo");
    // Exactly 10 Mo still passes the size check.
    const limit = Buffer.concat([
      pdf.subarray(0, pdf.length - 6),
      Buffer.alloc(docs.MAX_UPLOAD_BYTES - pdf.length),
      Buffer.from("%%EOF\n"),
    ]);
    expect(limit.length).toBe(docs.MAX_UPLOAD_BYTES);
    expect(await docs.detectUploadType(limit)).toMatchObject({ ok: true });
  });

  it("refuses files cut short: a PDF without its %%EOF trailer, half a PNG, a JPEG without FFD9", async () => {
    const pdf = await pdfBytes();
    const png = pngBytes();
    const jpeg = jpegBytes();
    const cut = [
      pdf.subarray(0, Math.floor(pdf.length * 0.7)),
      pdf.subarray(0, pdf.length - 8), // only the trailer missing
      png.subarray(0, Math.floor(png.length / 2)),
      jpeg.subarray(0, jpeg.length - 2),
    ];
    for (const bytes of cut) {
      const detected = await docs.detectUploadType(bytes);
      expect(detected).toEqual({ ok: false, message: docs.TRUNCATED_MESSAGE });
      await expect(subsidyCheck("piece.pdf", bytes)).rejects.toThrow(`« piece.pdf » : ${docs.TRUNCATED_MESSAGE}`);
    }
    expect(docs.TRUNCATED_MESSAGE).toMatch(/incomplet/);
  });

  it("checks an XLSX (zip) ends with its central directory", () => {
    const xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    const eocd = Buffer.concat([Buffer.from([0x50, 0x4b, 0x05, 0x06]), Buffer.alloc(18)]);
    const whole = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(300, 1), eocd]);
    expect(docs.truncationProblem(whole, xlsx)).toBeNull();
    expect(docs.truncationProblem(whole.subarray(0, 200), xlsx)).toBe(docs.TRUNCATED_MESSAGE);
  });

  it("a refused file leaves nothing stored", async () => {
    const { associationId, actor } = await member();
    const png = pngBytes();
    const result = await docs.storeDocument({
      associationId,
      kind: "rib",
      originalName: "rib.png",
      bytes: png.subarray(0, png.length - 12),
      actor,
    });
    expect(result).toEqual({ ok: false, message: docs.TRUNCATED_MESSAGE, status: 400 });
    expect(await prisma.document.count({ where: { associationId } })).toBe(0);
  });
});
