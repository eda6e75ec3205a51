// Attaching the association's documents to a dossier, and removing them.
import { prisma } from "~/db.server";
import { isEditable } from "~/dossiers/dossier-data";
import { DossierError } from "~/dossiers/drafts.server";
import { getDossierForMember } from "~/dossiers/reading.server";
import { notFound } from "~/lib/http.server";

export async function attachDocument(associationId: string, dossierId: string, documentId: string, kind: string) {
  const dossier = await getDossierForMember(associationId, dossierId);
  if (!isEditable(dossier)) throw new DossierError("Ce dossier n'est plus modifiable.");
  const document = await prisma.document.findFirst({ where: { id: documentId, associationId }, select: { id: true } });
  if (!document) throw notFound();
  await prisma.dossierAttachment.upsert({
    where: { dossierId_documentId: { dossierId: dossier.id, documentId } },
    create: { dossierId: dossier.id, documentId, kind },
    update: { kind },
  });
}

export async function detachDocument(associationId: string, dossierId: string, attachmentId: string) {
  const dossier = await getDossierForMember(associationId, dossierId);
  if (!isEditable(dossier)) throw new DossierError("Ce dossier n'est plus modifiable.");
  await prisma.dossierAttachment.deleteMany({ where: { id: attachmentId, dossierId: dossier.id } });
}
