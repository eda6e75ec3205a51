// The PDF certificate of a signature: who signed which version, when, and the hash of the text.
import PDFDocument from "pdfkit";
import { prisma } from "~/db.server";
import { formatDateTime } from "~/lib/format";
import type { PortalSettingsView } from "~/settings/portal-settings.server";

/** A signature of this association (scoped: another association's id finds nothing). */
export async function getSignatureForCertificate(where: { signatureId: string; associationId: string }) {
  return prisma.charterSignature.findFirst({
    where: { id: where.signatureId, associationId: where.associationId },
    select: {
      id: true,
      signerName: true,
      signerRole: true,
      signedAt: true,
      textSha256: true,
      version: { select: { version: true, title: true, publishedAt: true } },
      association: { select: { name: true, rna: true, siret: true, city: true } },
    },
  });
}

type CertificateSignature = NonNullable<Awaited<ReturnType<typeof getSignatureForCertificate>>>;

/** `ccas`: who issues the certificate, from the settings. */
export function certificatePdf(signature: CertificateSignature, ccas: Pick<PortalSettingsView, "name" | "longName">): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: "A4",
      margin: 56,
      info: { Title: `Attestation de signature de la charte – ${signature.association.name}`, Author: ccas.name },
    });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);

    doc.font("Helvetica").fontSize(10).fillColor("#444").text(ccas.longName);
    doc.moveDown(1.5);
    doc.font("Helvetica-Bold").fontSize(18).fillColor("#000").text("Attestation de signature");
    doc.font("Helvetica").fontSize(13).text(`${signature.version.title} – version ${signature.version.version}`);
    doc.moveDown(1.5);
    const line = (label: string, value: string) => {
      doc.font("Helvetica-Bold").fontSize(11).text(`${label} : `, { continued: true });
      doc.font("Helvetica").text(value);
      doc.moveDown(0.3);
    };
    line("Association", signature.association.name);
    if (signature.association.rna) line("N° RNA", signature.association.rna);
    if (signature.association.siret) line("SIRET", signature.association.siret);
    line("Signataire", signature.signerName);
    line("Qualité", signature.signerRole);
    line(
      "Version signée",
      `version ${signature.version.version}${signature.version.publishedAt ? `, publiée le ${formatDateTime(signature.version.publishedAt)}` : ""}`,
    );
    line("Signée le", `${formatDateTime(signature.signedAt)} (heure de Paris) – ${signature.signedAt.toISOString()} UTC`);
    line("Référence", signature.id);
    doc.moveDown(0.5);
    doc.font("Helvetica-Bold").fontSize(11).text("Empreinte SHA-256 du texte signé :");
    doc.font("Courier").fontSize(9.5).text(signature.textSha256);
    doc.moveDown(1.5);
    doc
      .font("Helvetica")
      .fontSize(10)
      .fillColor("#333")
      .text(
        `${signature.signerName}, ${signature.signerRole} de l'association « ${signature.association.name} », ` +
          "a déclaré avoir lu la charte municipale de l'action sociale et engagé l'association à en respecter les valeurs " +
          "et les engagements. L'empreinte ci-dessus identifie exactement le texte signé : elle se vérifie sur la page de la charte, " +
          "dans l'historique des versions.",
      );
    doc.end();
  });
}
