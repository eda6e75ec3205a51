// Association documents (statuts, RIB, comptes…): uploaded once into the association's
// space, attached to any dossier. Files live outside public/ under UPLOAD_DIR with
// generated names; their type is recognised from their content, never from their name.
import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
  MaxPartSizeExceededError,
} from "@remix-run/node";
import { fileTypeFromBuffer } from "file-type";
import type { SessionUser } from "~/auth.server";
import { prisma } from "~/db.server";
import { getEnv } from "~/env.server";
import { notFound } from "~/lib/http.server";

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const ALLOWED_TYPES: Record<string, string> = { "application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png" };
export const UPLOAD_TYPE_MESSAGE = "Ce fichier n'est ni un PDF, ni une image JPEG ou PNG (son contenu a été vérifié, pas seulement son nom). Enregistrez-le en PDF puis réessayez.";

export type Detected = { ok: true; mimeType: string; extension: string } | { ok: false; message: string };

/** What the bytes are, whatever the file is called. */
export async function detectUploadType(bytes: Uint8Array): Promise<Detected> {
  if (bytes.length === 0) return { ok: false, message: "Le fichier est vide." };
  if (bytes.length > MAX_UPLOAD_BYTES) return { ok: false, message: "Le fichier dépasse 10 Mo." };
  const type = await fileTypeFromBuffer(bytes);
  const extension = type ? ALLOWED_TYPES[type.mime] : undefined;
  if (!type || !extension) return { ok: false, message: UPLOAD_TYPE_MESSAGE };
  return { ok: true, mimeType: type.mime, extension };
}

export type UploadForm = { ok: true; formData: FormData } | { ok: false; message: string };

/** A multipart form with files kept in memory, each part at most 10 MB. */
export async function parseUploadForm(request: Request): Promise<UploadForm> {
  try {
    const formData = await parseMultipartFormData(request, createMemoryUploadHandler({ maxPartSize: MAX_UPLOAD_BYTES }));
    return { ok: true, formData };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { ok: false, message: "Le fichier dépasse 10 Mo : réduisez-le (par exemple en PDF compressé) puis réessayez." };
    return { ok: false, message: "L'envoi du fichier a échoué. Réessayez." };
  }
}

export function uploadPath(storedName: string) {
  return path.join(getEnv().UPLOAD_DIR, storedName);
}

export async function storeDocument(input: {
  associationId: string;
  kind: string;
  label?: string;
  originalName: string;
  bytes: Uint8Array;
  actor: SessionUser;
}) {
  const detected = await detectUploadType(input.bytes);
  if (!detected.ok) return detected;
  const storedName = `${randomUUID()}.${detected.extension}`;
  await mkdir(getEnv().UPLOAD_DIR, { recursive: true });
  await writeFile(uploadPath(storedName), input.bytes, { mode: 0o640 });
  const originalName = path.basename(input.originalName || `document.${detected.extension}`).slice(0, 200);
  const document = await prisma.document.create({
    data: {
      associationId: input.associationId,
      kind: input.kind,
      label: (input.label?.trim() || originalName).slice(0, 200),
      originalName,
      storedName,
      mimeType: detected.mimeType,
      size: input.bytes.length,
      sha256: createHash("sha256").update(input.bytes).digest("hex"),
      uploadedById: input.actor.id,
    },
    select: { id: true, kind: true, label: true },
  });
  return { ok: true as const, document };
}

export async function listAssociationDocuments(associationId: string) {
  return prisma.document.findMany({
    where: { associationId },
    orderBy: { createdAt: "desc" },
    select: { id: true, kind: true, label: true, originalName: true, mimeType: true, size: true, createdAt: true, _count: { select: { dossierAttachments: true } } },
  });
}

/** Deletes a document not attached to any dossier. */
export async function deleteDocument(associationId: string, documentId: string) {
  const document = await prisma.document.findFirst({ where: { id: documentId, associationId }, select: { id: true, storedName: true, _count: { select: { dossierAttachments: true } } } });
  if (!document) throw notFound();
  if (document._count.dossierAttachments > 0) return { ok: false as const, message: "Ce document est joint à un dossier : retirez-le d'abord du dossier." };
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
    const membership = await prisma.membership.findUnique({ where: { userId_associationId: { userId: user.id, associationId: document.associationId } }, select: { id: true } });
    if (!membership) throw notFound();
  }
  const bytes = await readFile(uploadPath(document.storedName)).catch(() => null);
  if (!bytes) throw notFound("Le fichier est introuvable sur le serveur.");
  return { ...document, bytes };
}

export function contentDisposition(filename: string) {
  const ascii = filename.normalize("NFD").replace(/[^\x20-\x7e]/g, "").replace(/["\\]/g, "_") || "document";
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
