// The acknowledgement of a deposit: an e-mail to the submitter with the receipt in PDF.
import type { SessionUser } from "~/accounts/auth.server";
import { prisma } from "~/db.server";
import { formatEuros } from "~/lib/format";
import { absoluteUrl, sendMail } from "~/mail/mail.server";
import { buildReceiptPdf } from "~/dossiers/receipt.server";
import { documentKindLabel } from "~/dossiers/schemas";

export async function sendAcknowledgement(dossierId: string, submitter: SessionUser, resubmission: boolean, depositedAt: Date) {
  const d = await prisma.dossier.findUniqueOrThrow({
    where: { id: dossierId },
    select: {
      id: true,
      number: true,
      associationId: true,
      projectTitle: true,
      requestedCents: true,
      submittedAt: true,
      association: { select: { name: true } },
      call: { select: { title: true } },
      attachments: { select: { kind: true, document: { select: { originalName: true } } } },
    },
  });
  const pdf = await buildReceiptPdf({
    number: d.number,
    associationName: d.association.name,
    callTitle: d.call.title,
    projectTitle: d.projectTitle ?? "",
    requestedCents: d.requestedCents ?? 0,
    submittedAt: depositedAt,
    submitterName: submitter.name,
    attachments: d.attachments.map((a) => `${documentKindLabel(a.kind)} : ${a.document.originalName}`),
    resubmission,
  });
  await sendMail({
    to: submitter.email,
    subject: `Accusé de réception du dossier ${d.number}`,
    text: [
      `Bonjour ${submitter.name},`,
      "",
      resubmission
        ? `Le dossier ${d.number} corrigé de « ${d.association.name} » a bien été déposé de nouveau.`
        : `Le dossier ${d.number} de « ${d.association.name} » a bien été déposé.`,
      `Appel à projets : ${d.call.title}`,
      `Projet : ${d.projectTitle ?? ""}`,
      `Montant demandé au CCAS : ${formatEuros(d.requestedCents ?? 0)}`,
      "",
      "Il reste modifiable jusqu'au début de son instruction par le CCAS. L'accusé de réception est joint en PDF.",
      "",
      `Votre dossier : ${absoluteUrl(`/espace/associations/${d.associationId}/dossiers/${d.id}`)}`,
    ].join("\n"),
    attachments: [{ filename: `accuse-reception-${d.number}.pdf`, content: pdf, contentType: "application/pdf" }],
  });
}
