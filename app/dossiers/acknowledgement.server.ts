// The acknowledgement of a deposit: an e-mail to the submitter with the attestation de dépôt in PDF,
// the same file the dossier page offers for that deposit.
import type { SessionUser } from "~/accounts/auth.server";
import { prisma } from "~/db.server";
import { absoluteUrl, sendMail } from "~/mail/mail.server";
import { memberDossierPath } from "~/dossiers/dossier-states";
import { depositAcknowledgementEmail } from "~/dossiers/emails";
import { depositPdf } from "~/dossiers/submission-records.server";

export async function sendAcknowledgement(dossierId: string, submitter: SessionUser, resubmission: boolean, depositedAt: Date) {
  const d = await prisma.dossier.findUniqueOrThrow({
    where: { id: dossierId },
    select: {
      id: true,
      number: true,
      associationId: true,
      projectTitle: true,
      requestedCents: true,
      association: { select: { name: true } },
      call: { select: { title: true } },
      submissions: {
        where: { submittedAt: depositedAt },
        orderBy: { submittedAt: "desc" },
        take: 1,
        select: { id: true, kind: true, submittedAt: true, snapshot: true, sha256: true },
      },
    },
  });
  const submission = d.submissions[0];
  const pdf = submission ? await depositPdf(submission, "attestation") : null;
  await sendMail({
    to: submitter.email,
    ...depositAcknowledgementEmail({
      number: d.number,
      associationName: d.association.name,
      callTitle: d.call.title,
      projectTitle: d.projectTitle ?? "",
      requestedCents: d.requestedCents ?? 0,
      submitterName: submitter.name,
      resubmission,
      dossierUrl: absoluteUrl(memberDossierPath(d.associationId, d.id)),
    }),
    attachments: pdf ? [{ filename: pdf.filename, content: pdf.bytes, contentType: "application/pdf" }] : [],
  });
}
