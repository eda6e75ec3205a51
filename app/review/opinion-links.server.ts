// The expert's side of an opinion (avis), reached by the personal link of the e-mail, without
// an account: what is asked, the dossier read-only with its attachments, the other experts'
// answers that are not confidential, and one answer (a text, an optional file). A link that is
// unknown, altered, replaced by a reminder's or cancelled is refused the same way (null).
import { createHash, randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { hashToken } from "~/accounts/tokens.server";
import { prisma, writeTransaction } from "~/db.server";
import { uploadPath } from "~/documents/document.server";
import { checkUpload, type AcceptedFiles, type Upload } from "~/documents/file-checks.server";
import { withNewFiles } from "~/documents/stored-files.server";
import { getDossierForStaff } from "~/dossiers/staff-view.server";
import { getEnv } from "~/env.server";
import { recordAudit } from "~/lib/audit.server";
import { DomainError } from "~/lib/domain-error";
import { absoluteUrl, enqueueMail, kickMailQueue } from "~/mail/mail.server";
import { opinionAnsweredEmail } from "./opinion-emails";

/** One answer for every link that may not be used: unknown, altered, replaced by a reminder's, cancelled. */
export const INVALID_OPINION_LINK =
  "Ce lien de demande d'avis n'est pas valide : il a pu être remplacé par celui d'un courriel de relance plus récent, ou la demande a été annulée. Utilisez le lien du dernier courriel reçu, sans le modifier, ou contactez le CCAS.";

/** What an expert may join to the answer: PDF, JPEG or PNG, 10 MB at most (checked by content). */
export const OPINION_FILES: AcceptedFiles = {
  types: ["application/pdf", "image/jpeg", "image/png"],
  field: "file",
  named: false,
  wrongType: () => "Ce fichier n'est ni un PDF, ni une image JPEG ou PNG (son contenu a été vérifié, pas seulement son nom).",
};

/** The request a link names, while it may be used; null for everything else, whatever the reason. */
async function openRequest(token: string) {
  if (!token || token.length > 100) return null;
  const row = await prisma.expertOpinion.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      dossierId: true,
      expertName: true,
      question: true,
      dueAt: true,
      confidential: true,
      createdAt: true,
      answeredAt: true,
      answer: true,
      fileName: true,
      fileSize: true,
      cancelledAt: true,
      requestedById: true,
      tokenHash: true,
    },
  });
  return row && !row.cancelledAt ? row : null;
}

/** The page of the link: null when the link may not be used. */
export async function getOpinionForExpert(token: string) {
  const request = await openRequest(token);
  if (!request) return null;
  const dossier = await getDossierForStaff(request.dossierId);
  if (!dossier) return null;
  // Answers of the other people consulted on the dossier, unless confidential (decision 023).
  const others = await prisma.expertOpinion.findMany({
    where: { dossierId: request.dossierId, id: { not: request.id }, confidential: false, cancelledAt: null, answeredAt: { not: null } },
    orderBy: { answeredAt: "asc" },
    select: { id: true, expertName: true, answer: true, answeredAt: true },
  });
  const { tokenHash: _hash, requestedById: _by, cancelledAt: _c, ...opinion } = request;
  return {
    opinion,
    dossier: {
      number: dossier.number,
      projectTitle: dossier.projectTitle,
      requestedCents: dossier.requestedCents,
      submittedAt: dossier.submittedAt,
      associationName: dossier.association.name,
      callTitle: dossier.call.title,
      sections: dossier.sections,
      budget: dossier.budget,
      attachments: dossier.attachments.map((a) => ({
        id: a.id,
        kindLabel: a.kindLabel,
        label: a.label,
        originalName: a.originalName,
        size: a.size,
        downloadUrl: `/avis/${token}/pieces/${a.documentId}`,
      })),
    },
    others,
  };
}

export type ExpertPage = NonNullable<Awaited<ReturnType<typeof getOpinionForExpert>>>;

/** An attachment of the dossier, through the link; null when the link or the document does not fit. */
export async function getAttachmentForExpert(token: string, documentId: string) {
  const request = await openRequest(token);
  if (!request) return null;
  const attachment = await prisma.dossierAttachment.findFirst({
    where: { dossierId: request.dossierId, documentId },
    select: { document: { select: { storedName: true, originalName: true, mimeType: true } } },
  });
  if (!attachment) return null;
  const bytes = await readFile(uploadPath(attachment.document.storedName)).catch(() => null);
  return bytes ? { ...attachment.document, bytes } : null;
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

export type AnswerOutcome = { ok: true } | { ok: false; reason: "invalid" };

/**
 * The expert's one answer: the file checked by content, written atomically, then the row
 * updated on condition that nobody answered first (else the file is removed again); the
 * dossier's history and the staff member who asked are told.
 */
export async function answerOpinion(token: string, answer: string, upload: Upload | null, now = new Date()): Promise<AnswerOutcome> {
  const request = await openRequest(token);
  if (!request) return { ok: false, reason: "invalid" };
  if (request.answeredAt)
    throw new DomainError("Vous avez déjà donné votre avis : il ne peut plus être modifié.", { code: "answered", status: 409 });
  const checked = upload ? await checkUpload(upload, OPINION_FILES) : null;
  await withNewFiles(async (files) => {
    let file = {};
    if (upload && checked) {
      const storedName = `avis-${randomUUID()}.${checked.extension}`;
      await files.write(getEnv().UPLOAD_DIR, storedName, upload.bytes, 0o600);
      file = {
        fileName: path.basename(upload.name || `avis.${checked.extension}`).slice(0, 200),
        fileStoredName: storedName,
        fileMimeType: checked.mimeType,
        fileSize: upload.bytes.length,
        fileSha256: sha256(upload.bytes),
      };
    }
    await writeTransaction(async (tx) => {
      const updated = await tx.expertOpinion.updateMany({
        where: { id: request.id, tokenHash: request.tokenHash, answeredAt: null, cancelledAt: null },
        data: { answer, answeredAt: now, ...file },
      });
      if (updated.count !== 1)
        throw new DomainError("Cette demande vient d'être close (avis déjà donné ou demande annulée).", { code: "answered", status: 409 });
      const late = now > request.dueAt;
      await recordAudit(tx, {
        entityType: "dossier",
        entityId: request.dossierId,
        actorId: null,
        action: "avis_rendu",
        comment: `Avis de ${request.expertName} reçu${late ? " (après la date limite)" : ""}.`,
      });
      const [asker, dossier] = await Promise.all([
        tx.user.findFirst({ where: { id: request.requestedById, disabledAt: null }, select: { email: true } }),
        tx.dossier.findUniqueOrThrow({ where: { id: request.dossierId }, select: { number: true } }),
      ]);
      if (asker)
        await enqueueMail(tx, {
          to: asker.email,
          ...opinionAnsweredEmail(
            { expertName: request.expertName, dossierNumber: dossier.number },
            absoluteUrl(`/instruction/dossiers/${request.dossierId}#avis`),
          ),
        });
    });
  });
  void kickMailQueue();
  return { ok: true };
}
