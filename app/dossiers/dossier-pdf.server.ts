// The whole dossier as deposited, drawn from the snapshot of one deposit: every section with its
// labels and values, the budget tables, the declaration and its signer, the attachments with their
// sizes and SHA-256, and the fingerprint at the foot of every page.
import { formatDateTime, formatEuros, formatFileSize } from "~/lib/format";
import { labelLine, pdfText, renderPdf } from "~/dossiers/deposit-pdf-writer.server";
import type { SnapshotBudgetLine, SubmissionSnapshot } from "~/dossiers/submission-snapshot";

export function dossierFileName(snapshot: Pick<SubmissionSnapshot, "dossier">) {
  return `dossier-${snapshot.dossier.number}.pdf`;
}

function heading(doc: PDFKit.PDFDocument, text: string) {
  if (doc.y > doc.page.height - doc.page.margins.bottom - 80) doc.addPage();
  doc.moveDown(0.8);
  doc.font("Helvetica-Bold").fontSize(13).fillColor("#000").text(pdfText(text), doc.page.margins.left);
  doc.moveDown(0.3);
}

/** One row of a two-column table: the label on the left, the amount on the right. */
function amountRow(doc: PDFKit.PDFDocument, label: string, amount: string, bold = false) {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const amountWidth = 110;
  doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(10);
  const labelHeight = doc.heightOfString(pdfText(label), { width: width - amountWidth - 10 });
  if (doc.y + labelHeight > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const y = doc.y;
  doc.text(pdfText(label), left, y, { width: width - amountWidth - 10 });
  const after = doc.y;
  doc.text(pdfText(amount), left + width - amountWidth, y, { width: amountWidth, align: "right" });
  doc.x = left;
  doc.y = Math.max(after, doc.y) + 2;
}

function budgetTable(doc: PDFKit.PDFDocument, title: string, lines: SnapshotBudgetLine[], totalLabel?: string, totalCents?: number) {
  doc.font("Helvetica-Bold").fontSize(11).text(pdfText(title), doc.page.margins.left);
  doc.moveDown(0.2);
  for (const l of lines) amountRow(doc, l.label, formatEuros(l.cents));
  if (totalLabel !== undefined && totalCents !== undefined) amountRow(doc, totalLabel, formatEuros(totalCents), true);
  doc.moveDown(0.5);
}

export function dossierPdf(snapshot: SubmissionSnapshot, sha256: string, options: { compress?: boolean } = {}): Promise<Buffer> {
  const at = new Date(snapshot.depositedAt);
  const { budget } = snapshot;
  return renderPdf(
    { title: `Dossier ${snapshot.dossier.number} tel que déposé`, author: snapshot.ccas.name, createdAt: at, compress: options.compress },
    (doc) => {
      doc.font("Helvetica").fontSize(10).fillColor("#444").text(pdfText(snapshot.ccas.longName));
      doc.moveDown();
      doc
        .font("Helvetica-Bold")
        .fontSize(18)
        .fillColor("#000")
        .text(pdfText(`Dossier ${snapshot.dossier.number}`));
      doc
        .font("Helvetica")
        .fontSize(12)
        .text(pdfText(`${snapshot.call.title} – ${snapshot.dossier.projectTitle}`));
      doc.moveDown(0.5);
      labelLine(doc, "Association", snapshot.association.name, 10);
      labelLine(doc, "Déposé le", `${formatDateTime(at)} (heure de Paris) par ${snapshot.depositedBy.name}`, 10);
      labelLine(doc, "Nature du dépôt", snapshot.kind === "redepot" ? "nouveau dépôt après correction" : "premier dépôt", 10);
      labelLine(doc, "Montant demandé au CCAS", formatEuros(snapshot.dossier.requestedCents), 10);

      for (const section of snapshot.sections) {
        heading(doc, section.label);
        for (const f of section.fields) {
          if (doc.y > doc.page.height - doc.page.margins.bottom - 30) doc.addPage();
          doc.font("Helvetica-Bold").fontSize(9.5).fillColor("#333").text(pdfText(f.label), doc.page.margins.left);
          doc
            .font("Helvetica")
            .fontSize(10)
            .fillColor("#000")
            .text(pdfText(f.value || "—"));
          doc.moveDown(0.25);
        }
      }

      heading(doc, "Budget du projet");
      budgetTable(doc, "Charges", budget.charges, "Total des charges (contributions en nature comprises)", budget.totals.chargesCents);
      budgetTable(doc, "Produits", budget.income, "Total des produits (contributions en nature comprises)", budget.totals.incomeCents);
      budgetTable(doc, "Contributions volontaires en nature", budget.inKind);
      amountRow(doc, "Subvention demandée au CCAS", formatEuros(budget.totals.ccasCents), true);

      heading(doc, "Déclaration sur l'honneur");
      for (const item of snapshot.declaration.items) {
        doc
          .font("Helvetica")
          .fontSize(10)
          .text(pdfText(`${item.accepted ? "[x]" : "[ ]"} ${item.label}`));
      }
      doc.moveDown(0.3);
      labelLine(
        doc,
        "Signée",
        snapshot.declaration.signedAt
          ? `le ${formatDateTime(snapshot.declaration.signedAt)} par ${snapshot.declaration.signerName ?? "—"}`
          : "non signée",
        10,
      );

      heading(doc, "Pièces jointes");
      if (!snapshot.attachments.length) doc.font("Helvetica").fontSize(10).text("Aucune pièce jointe.");
      for (const a of snapshot.attachments) {
        if (doc.y > doc.page.height - doc.page.margins.bottom - 40) doc.addPage();
        doc
          .font("Helvetica-Bold")
          .fontSize(10)
          .text(pdfText(`${a.kindLabel} : ${a.originalName}`), doc.page.margins.left);
        doc
          .font("Helvetica")
          .fontSize(9)
          .text(pdfText(`${a.mimeType}, ${formatFileSize(a.size)} (${a.size} octets)`));
        doc.font("Courier").fontSize(8.5).text(`SHA-256 ${a.sha256}`);
        doc.moveDown(0.3);
      }

      heading(doc, "Empreinte du dépôt");
      doc.font("Helvetica").fontSize(10).text("SHA-256 du contenu déposé (la même que sur l'attestation de dépôt) :");
      doc.font("Courier").fontSize(9.5).text(sha256);
    },
    (page, pages) => `Dossier ${snapshot.dossier.number} tel que déposé – empreinte SHA-256 ${sha256} – page ${page} sur ${pages}`,
  );
}
