// Association documents (statuts, RIB, comptes…): uploaded once into the association's
// space, attached to any dossier. Files live outside public/ under UPLOAD_DIR with
// generated names; their type is recognised from their content, never from their name.
import { readFile, unlink } from "node:fs/promises";
import path from "node:path";
import type { SessionUser } from "~/accounts/auth.server";
import { prisma } from "~/db.server";
import { getEnv } from "~/env.server";
import { notFound } from "~/lib/http.server";

export function uploadPath(storedName: string) {
  return path.join(getEnv().UPLOAD_DIR, storedName);
}

export async function listAssociationDocuments(associationId: string) {
  return prisma.document.findMany({
    where: { associationId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      kind: true,
      label: true,
      originalName: true,
      mimeType: true,
      size: true,
      createdAt: true,
      _count: { select: { dossierAttachments: true } },
    },
  });
}

/** Deletes a document not attached to any dossier. */
export async function deleteDocument(associationId: string, documentId: string) {
  const document = await prisma.document.findFirst({
    where: { id: documentId, associationId },
    select: { id: true, storedName: true, _count: { select: { dossierAttachments: true } } },
  });
  if (!document) throw notFound();
  if (document._count.dossierAttachments > 0)
    return { ok: false as const, message: "Ce document est joint à un dossier : retirez-le d'abord du dossier." };
  await prisma.document.delete({ where: { id: document.id } });
  await unlink(uploadPath(document.storedName)).catch(() => {});
  return { ok: true as const };
}

/** The file for a download: the association's members and CCAS staff only; anyone else gets 404. */
export async function getDocumentForDownload(documentId: string, user: SessionUser) {
  const document = await prisma.document.findUnique({
    where: { id: documentId },
    select: { id: true, associationId: true, storedName: true, originalName: true, mimeType: true, size: true },
  });
  if (!document) throw notFound();
  const isStaff = user.role === "staff" || user.role === "admin";
  if (!isStaff) {
    const membership = await prisma.membership.findUnique({
      where: { userId_associationId: { userId: user.id, associationId: document.associationId } },
      select: { id: true },
    });
    if (!membership) throw notFound();
  }
  const bytes = await readFile(uploadPath(document.storedName)).catch(() => null);
  if (!bytes) throw notFound("Le fichier est introuvable sur le serveur.");
  return { ...document, bytes };
}

export function contentDisposition(filename: string) {
  const ascii =
    filename
      .normalize("NFD")
      .replace(/[^\x20-\x7e]/g, "")
      .replace(/["\\]/g, "_") || "document";
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
