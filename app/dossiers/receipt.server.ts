// The acknowledgement of receipt of a dossier, as a PDF attached to the e-mail.
import PDFDocument from "pdfkit";
import { formatDateTime, formatEuros } from "~/lib/format";
import type { PortalSettingsView } from "~/settings/portal-settings.server";

export type ReceiptInput = {
  number: string;
  associationName: string;
  callTitle: string;
  projectTitle: string;
  requestedCents: number;
  submittedAt: Date;
  submitterName: string;
  attachments: string[];
  resubmission: boolean;
};

/** `ccas`: who issues the receipt, from the settings. */
export function buildReceiptPdf(input: ReceiptInput, ccas: Pick<PortalSettingsView, "name" | "longName">): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: "A4",
      margin: 56,
      info: { Title: `Accusé de réception ${input.number}`, Author: ccas.name },
    });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.font("Helvetica").fontSize(10).fillColor("#444").text(ccas.longName);
    doc.moveDown();
    doc.font("Helvetica-Bold").fontSize(18).fillColor("#000").text("Accusé de réception");
    doc
      .font("Helvetica")
      .fontSize(12)
      .text(
        input.resubmission ? "Dossier de demande de subvention déposé de nouveau après correction" : "Dossier de demande de subvention",
      );
    doc.moveDown();
    const rows: [string, string][] = [
      ["Numéro du dossier", input.number],
      ["Association", input.associationName],
      ["Appel à projets", input.callTitle],
      ["Projet", input.projectTitle],
      ["Montant demandé au CCAS", formatEuros(input.requestedCents).replace(/\u202f/g, " ")],
      ["Déposé le", formatDateTime(input.submittedAt)],
      ["Par", input.submitterName],
    ];
    for (const [label, value] of rows) {
      doc.font("Helvetica-Bold").fontSize(11).text(`${label} : `, { continued: true });
      doc.font("Helvetica").text(value);
    }
    doc.moveDown();
    doc.font("Helvetica-Bold").fontSize(11).text("Pièces jointes :");
    doc.font("Helvetica").fontSize(10);
    for (const a of input.attachments) doc.text(`• ${a}`);
    doc.moveDown();
    doc
      .fontSize(10)
      .fillColor("#444")
      .text(
        "Le dossier reste modifiable par l'association jusqu'au début de son instruction par le CCAS. Cet accusé de réception ne vaut pas décision d'attribution.",
      );
    doc.end();
  });
}
