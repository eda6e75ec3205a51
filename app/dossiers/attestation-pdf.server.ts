// The attestation de dépôt of one deposit, drawn from its snapshot: who issues it (the CCAS of the
// settings at the time of the deposit), the dossier, when and by whom it was deposited, first deposit
// or re-deposit, and the fingerprint. It is also the receipt joined to the acknowledgement e-mail.
import { formatDateTime, formatEuros, formatFileSize } from "~/lib/format";
import { labelLine, pdfText, renderPdf } from "~/dossiers/deposit-pdf-writer.server";
import type { SubmissionSnapshot } from "~/dossiers/submission-snapshot";

export function attestationFileName(snapshot: Pick<SubmissionSnapshot, "dossier">) {
  return `attestation-depot-${snapshot.dossier.number}.pdf`;
}

export function attestationPdf(snapshot: SubmissionSnapshot, sha256: string, options: { compress?: boolean } = {}): Promise<Buffer> {
  const at = new Date(snapshot.depositedAt);
  return renderPdf(
    {
      title: `Attestation de dépôt ${snapshot.dossier.number}`,
      author: snapshot.ccas.name,
      createdAt: at,
      compress: options.compress,
    },
    (doc) => {
      doc.font("Helvetica").fontSize(10).fillColor("#444").text(pdfText(snapshot.ccas.longName));
      doc.moveDown();
      doc.font("Helvetica-Bold").fontSize(18).fillColor("#000").text("Attestation de dépôt");
      doc
        .font("Helvetica")
        .fontSize(12)
        .text(
          snapshot.kind === "redepot"
            ? "Dossier de demande de subvention déposé de nouveau après la correction demandée par le CCAS"
            : "Dossier de demande de subvention : premier dépôt",
        );
      doc.moveDown();
      labelLine(doc, "Numéro du dossier", snapshot.dossier.number);
      labelLine(doc, "Association", snapshot.association.name);
      if (snapshot.association.rna) labelLine(doc, "N° RNA", snapshot.association.rna);
      if (snapshot.association.siret) labelLine(doc, "SIRET", snapshot.association.siret);
      labelLine(doc, "Appel à projets", snapshot.call.title);
      labelLine(doc, "Projet", snapshot.dossier.projectTitle);
      labelLine(doc, "Montant demandé au CCAS", formatEuros(snapshot.dossier.requestedCents));
      labelLine(doc, "Déposé le", `${formatDateTime(at)} (heure de Paris) – ${snapshot.depositedAt} UTC`);
      labelLine(doc, "Par", snapshot.depositedBy.name);
      labelLine(doc, "Nature du dépôt", snapshot.kind === "redepot" ? "nouveau dépôt après correction" : "premier dépôt");
      doc.moveDown();
      doc.font("Helvetica-Bold").fontSize(11).text("Pièces jointes :");
      doc.font("Helvetica").fontSize(10);
      if (!snapshot.attachments.length) doc.text("aucune");
      for (const a of snapshot.attachments) doc.text(pdfText(`• ${a.kindLabel} : ${a.originalName} (${formatFileSize(a.size)})`));
      doc.moveDown();
      doc.font("Helvetica-Bold").fontSize(11).text("Empreinte SHA-256 du dossier déposé :");
      doc.font("Courier").fontSize(9.5).text(sha256);
      doc.moveDown();
      doc
        .font("Helvetica")
        .fontSize(10)
        .fillColor("#444")
        .text(
          pdfText(
            `L'empreinte identifie exactement le contenu déposé : le dossier complet tel que déposé (PDF) porte la même. ` +
              `Le dossier reste modifiable par l'association jusqu'au début de son instruction par le CCAS. ` +
              `Cette attestation ne vaut pas décision d'attribution.`,
          ),
        );
    },
  );
}
