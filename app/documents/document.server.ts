// Association documents (statuts, RIB, comptes…): uploaded once into the association's
// space, attached to any dossier. Files live outside public/ under UPLOAD_DIR with
// generated names; their type is recognised from their content, never from their name.
import { readFile, unlink } from "node:fs/promises";
import path from "node:path";
import type { SessionUser } from "~/accounts/auth.server";
import { prisma } from "~/db.server";
import { getEnv } from "~/env.server";
import { notFoundError } from "~/lib/domain-error";
import { fileResponse } from "~/lib/file-response.server";

export function uploadPath(storedName: string) {
  return path.join(getEnv().UPLOAD_DIR, path.basename(storedName));
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
  if (!document) throw notFoundError();
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
  if (!document) throw notFoundError();
  const isStaff = user.role === "staff" || user.role === "admin";
  if (!isStaff) {
    const membership = await prisma.membership.findUnique({
      where: { userId_associationId: { userId: user.id, associationId: document.associationId } },
      select: { id: true },
    });
    if (!membership) throw notFoundError();
  }
  const bytes = await readFile(uploadPath(document.storedName)).catch(() => null);
  if (!bytes) throw notFoundError("Le fichier est introuvable sur le serveur.");
  return { ...document, bytes };
}

/** A stored file as a download: an attachment under its name (or `filename`), never cached. */
export function storedFileResponse(file: { bytes: Uint8Array; originalName: string; mimeType: string }, filename = file.originalName) {
  const response = fileResponse(new Uint8Array(file.bytes), { filename, contentType: file.mimeType });
  response.headers.set("Content-Length", String(file.bytes.length));
  return response;
}
