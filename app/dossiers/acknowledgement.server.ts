// The acknowledgement of a deposit: an e-mail to the submitter with the receipt in PDF.
import type { SessionUser } from "~/accounts/auth.server";
import { prisma } from "~/db.server";
import { absoluteUrl, sendMail } from "~/mail/mail.server";
import { buildReceiptPdf } from "~/dossiers/receipt.server";
import { documentKindLabel } from "~/documents/document-kinds";
import { memberDossierPath } from "~/dossiers/dossier-states";
import { depositAcknowledgementEmail } from "~/dossiers/emails";
import { getPortalSettings } from "~/settings/portal-settings.server";

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
  const receipt = {
    number: d.number,
    associationName: d.association.name,
    callTitle: d.call.title,
    projectTitle: d.projectTitle ?? "",
    requestedCents: d.requestedCents ?? 0,
    submitterName: submitter.name,
    resubmission,
  };
  const pdf = await buildReceiptPdf(
    {
      ...receipt,
      submittedAt: depositedAt,
      attachments: d.attachments.map((a) => `${documentKindLabel(a.kind)} : ${a.document.originalName}`),
    },
    await getPortalSettings(),
  );
  await sendMail({
    to: submitter.email,
    ...depositAcknowledgementEmail({ ...receipt, dossierUrl: absoluteUrl(memberDossierPath(d.associationId, d.id)) }),
    attachments: [{ filename: `accuse-reception-${d.number}.pdf`, content: pdf, contentType: "application/pdf" }],
  });
}
