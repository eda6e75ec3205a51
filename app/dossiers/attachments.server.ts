// Attaching the association's documents to a dossier, and removing them.
import { prisma } from "~/db.server";
import { assertEditable } from "~/dossiers/refusals";
import { getDossierForMember } from "~/dossiers/reading.server";
import { notFoundError } from "~/lib/domain-error";

export async function attachDocument(associationId: string, dossierId: string, documentId: string, kind: string) {
  const dossier = await getDossierForMember(associationId, dossierId);
  assertEditable(dossier);
  const document = await prisma.document.findFirst({ where: { id: documentId, associationId }, select: { id: true } });
  if (!document) throw notFoundError();
  await prisma.dossierAttachment.upsert({
    where: { dossierId_documentId: { dossierId: dossier.id, documentId } },
    create: { dossierId: dossier.id, documentId, kind },
    update: { kind },
  });
}

export async function detachDocument(associationId: string, dossierId: string, attachmentId: string) {
  const dossier = await getDossierForMember(associationId, dossierId);
  assertEditable(dossier);
  await prisma.dossierAttachment.deleteMany({ where: { id: attachmentId, dossierId: dossier.id } });
}
