// What the two deposit PDFs share: one pdfkit document whose bytes depend only on its content
// (the creation date is the deposit time, so the same deposit always gives the same file), text
// made safe for the standard fonts, label/value lines.
import PDFDocument from "pdfkit";

export type PdfOptions = {
  title: string;
  author: string;
  /** The deposit time: the PDF's creation date, which also seeds its file identifier. */
  createdAt: Date;
  /** Tests read the text of uncompressed files; downloads are compressed. */
  compress?: boolean;
};

/** The standard PDF fonts know Latin-1 and a few more signs: French spaces become plain ones, the unknown a `?`. */
export function pdfText(text: string): string {
  return text
    .replace(/[\u00a0\u202f\u2009\u2007]/g, " ")
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[^\n\t\x20-\x7e\u00a0-\u00ff€œŒšŠžŽŸ™‰–—…•·†‡]/gu, "?");
}

/** Draws with `draw`, then returns the bytes; `footer` is written on every page once the content is laid out. */
export function renderPdf(
  options: PdfOptions,
  draw: (doc: PDFKit.PDFDocument) => void,
  footer?: (page: number, pages: number) => string,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: "A4",
      margins: { top: 56, left: 56, right: 56, bottom: 72 },
      compress: options.compress ?? true,
      bufferPages: true,
      info: {
        Title: pdfText(options.title),
        Author: pdfText(options.author),
        Creator: "Portail des associations",
        Producer: "Portail des associations",
        CreationDate: options.createdAt,
      },
    });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    try {
      draw(doc);
      if (footer) {
        const range = doc.bufferedPageRange();
        for (let i = range.start; i < range.start + range.count; i++) {
          doc.switchToPage(i);
          const bottom = doc.page.margins.bottom;
          doc.page.margins.bottom = 0;
          doc
            .font("Helvetica")
            .fontSize(7.5)
            .fillColor("#555")
            .text(pdfText(footer(i - range.start + 1, range.count)), 56, doc.page.height - 48, {
              width: doc.page.width - 112,
              align: "center",
              lineBreak: true,
            });
          doc.page.margins.bottom = bottom;
        }
      }
      doc.end();
    } catch (error) {
      reject(error);
    }
  });
}

/** « Label : value » on one line, the label in bold. */
export function labelLine(doc: PDFKit.PDFDocument, label: string, value: string, size = 11) {
  doc
    .font("Helvetica-Bold")
    .fontSize(size)
    .fillColor("#000")
    .text(`${pdfText(label)} : `, { continued: true });
  doc.font("Helvetica").text(pdfText(value || "—"));
}
