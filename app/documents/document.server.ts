// Association documents (statuts, RIB, comptes…): uploaded once into the association's
// space, attached to any dossier. Files live outside public/ under UPLOAD_DIR with
// generated names; their type is recognised from their content, never from their name.
import { createHash, randomUUID } from "node:crypto";
import { readFile, unlink } from "node:fs/promises";
import path from "node:path";
import {
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
  MaxPartSizeExceededError,
} from "@remix-run/node";
import { fileTypeFromBuffer } from "file-type";
import type { SessionUser } from "~/accounts/auth.server";
import { prisma, writeTransaction } from "~/db.server";
import { getEnv } from "~/env.server";
import { notFound } from "~/lib/http.server";
import { StorageError, withNewFiles, type NewFiles } from "~/documents/stored-files.server";

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const ALLOWED_TYPES: Record<string, string> = { "application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png" };
export const UPLOAD_TYPE_MESSAGE =
  "Ce fichier n'est ni un PDF, ni une image JPEG ou PNG (son contenu a été vérifié, pas seulement son nom). Enregistrez-le en PDF puis réessayez.";

export type Detected = { ok: true; mimeType: string; extension: string } | { ok: false; message: string };

/** What the bytes are, whatever the file is called. */
export async function detectUploadType(bytes: Uint8Array): Promise<Detected> {
  if (bytes.length === 0) return { ok: false, message: "Le fichier est vide." };
  if (bytes.length > MAX_UPLOAD_BYTES) return { ok: false, message: "Le fichier dépasse 10 Mo." };
  const type = await fileTypeFromBuffer(bytes);
  const extension = type ? ALLOWED_TYPES[type.mime] : undefined;
  if (!type || !extension) return { ok: false, message: UPLOAD_TYPE_MESSAGE };
  const truncated = truncationProblem(bytes, type.mime);
  if (truncated) return { ok: false, message: truncated };
  return { ok: true, mimeType: type.mime, extension };
}

export const TRUNCATED_MESSAGE =
  "Ce fichier semble incomplet (sa fin manque, l'envoi ou l'enregistrement a sans doute été interrompu). Ouvrez-le pour vérifier, enregistrez-le de nouveau puis réessayez.";

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
/** Where `needle` last occurs in the last `window` bytes of `bytes`, or -1. */
function lastIndexNearEnd(bytes: Uint8Array, needle: Uint8Array, window: number) {
  const from = Math.max(0, bytes.length - window);
  for (let i = bytes.length - needle.length; i >= from; i--) {
    let match = true;
    for (let k = 0; k < needle.length && match; k++) match = bytes[i + k] === needle[k];
    if (match) return i;
  }
  return -1;
}

/**
 * The end marker each accepted format must carry — a PDF's `%%EOF` trailer, a PNG's IEND chunk,
 * a JPEG's end-of-image FFD9, an XLSX (zip) end-of-central-directory record — looked for near
 * the end, so a file cut short is refused. Returns a French message, or null when the file is whole.
 */
export function truncationProblem(bytes: Uint8Array, mimeType: string): string | null {
  // Trailing whitespace or NUL padding some tools add after the end marker does not count.
  let end = bytes.length;
  while (end > 0 && [0x00, 0x09, 0x0a, 0x0d, 0x20].includes(bytes[end - 1]!)) end--;
  const body = bytes.subarray(0, end);
  switch (mimeType) {
    case "application/pdf":
      return lastIndexNearEnd(body, ascii("%%EOF"), 1024) >= 0 ? null : TRUNCATED_MESSAGE;
    case "image/png":
      // IEND: length 0, type "IEND", CRC AE 42 60 82 — the last chunk of every PNG.
      return lastIndexNearEnd(body, Uint8Array.of(0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82), 16) >= 0 ? null : TRUNCATED_MESSAGE;
    case "image/jpeg":
      return lastIndexNearEnd(body, Uint8Array.of(0xff, 0xd9), 16) >= 0 ? null : TRUNCATED_MESSAGE;
    case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":
      // End of central directory: 22 bytes plus a comment of at most 65 535 bytes.
      return lastIndexNearEnd(body, Uint8Array.of(0x50, 0x4b, 0x05, 0x06), 22 + 65_535) >= 0 ? null : TRUNCATED_MESSAGE;
    default:
      return null;
  }
}

/** Total storage quota of one association (ASSOCIATION_STORAGE_QUOTA_MB, 200 Mo by default). */
export function storageQuotaBytes() {
  return Math.floor(getEnv().ASSOCIATION_STORAGE_QUOTA_MB * 1024 * 1024);
}

/** "12,3 Mo", "840 Ko" under one megabyte */
export function formatMegabytes(bytes: number) {
  if (bytes < 1024 * 1024) return `${new Intl.NumberFormat("fr-FR").format(Math.ceil(bytes / 1024))} Ko`;
  const mb = bytes / (1024 * 1024);
  return `${new Intl.NumberFormat("fr-FR", { maximumFractionDigits: mb < 10 ? 1 : 0 }).format(mb)} Mo`;
}

type DocumentDb = Pick<typeof prisma, "document">;

/** Space the association's stored documents take, against its quota. */
export async function associationStorage(associationId: string, db: DocumentDb = prisma) {
  const sum = await db.document.aggregate({ where: { associationId }, _sum: { size: true } });
  const used = sum._sum.size ?? 0;
  const quota = storageQuotaBytes();
  return { used, quota, left: Math.max(0, quota - used) };
}

/** A French message when a file of `size` bytes would not fit in the association's quota, else null. */
export async function quotaProblem(associationId: string, size: number, db: DocumentDb = prisma): Promise<string | null> {
  const { used, quota, left } = await associationStorage(associationId, db);
  if (used + size <= quota) return null;
  return `Ce fichier (${formatMegabytes(size)}) dépasse l'espace de stockage restant de l'association : ${formatMegabytes(used)} utilisés sur ${formatMegabytes(quota)}, il reste ${formatMegabytes(left)}. Supprimez des documents devenus inutiles puis réessayez.`;
}

/** The file would pass the association's storage quota (a refusal of the upload, status 400). */
export class StorageQuotaError extends Error {
  readonly status = 400;
  constructor(message: string) {
    super(message);
    this.name = "StorageQuotaError";
  }
}

/** The client of an interactive transaction (or the client itself) as far as documents need it. */
export type DocumentTx = Pick<typeof prisma, "document" | "$executeRaw">;

/**
 * Takes the association's storage lock for the rest of the transaction, so that the quota
 * check and the insert that follow cannot interleave with another upload of the same
 * association (two uploads near the quota must not both pass: check-then-insert is a race).
 * It is the same mechanism as the dossier step saves: the transaction writes first.
 * - SQLite: the first write of a transaction takes the database's single write lock, held until
 *   commit; another process's transaction waits (busy timeout) and then reads the committed sum.
 *   (In one process the driver adapter already runs interactive transactions one at a time.)
 * - PostgreSQL: the UPDATE takes a row lock on this association, held until commit; a second
 *   upload of the same association waits on it, and under READ COMMITTED its SUM, a new
 *   statement, then sees the first upload's row. Other associations are not held up.
 */
export async function lockAssociationStorage(tx: DocumentTx, associationId: string) {
  await tx.$executeRaw`UPDATE "Association" SET "updatedAt" = "updatedAt" WHERE "id" = ${associationId}`;
}

export type WrittenFile = { storedName: string; size: number; sha256: string; mimeType: string };

/**
 * Step 1 of storing a document, before any transaction: a first quota check (so a file that
 * cannot fit is not written at all), then the file written atomically under a generated name.
 * Throws StorageQuotaError, or StorageError when the disk is full or not writable.
 */
export async function writeDocumentFile(
  files: NewFiles,
  input: { associationId: string; bytes: Uint8Array; mimeType: string; extension: string },
): Promise<WrittenFile> {
  const overQuota = await quotaProblem(input.associationId, input.bytes.length);
  if (overQuota) throw new StorageQuotaError(overQuota);
  const storedName = `${randomUUID()}.${input.extension}`;
  await files.write(getEnv().UPLOAD_DIR, storedName, input.bytes, 0o600);
  return { storedName, size: input.bytes.length, sha256: createHash("sha256").update(input.bytes).digest("hex"), mimeType: input.mimeType };
}

/**
 * Step 2, inside the write transaction: the association's storage lock, the quota checked
 * again against committed documents, the row. Throws StorageQuotaError (the transaction rolls
 * back and `withNewFiles` removes the file).
 */
export async function insertDocumentRow(
  tx: DocumentTx,
  input: { associationId: string; kind: string; label: string; originalName: string; uploadedById: string | null; file: WrittenFile },
) {
  await lockAssociationStorage(tx, input.associationId);
  const overQuota = await quotaProblem(input.associationId, input.file.size, tx);
  if (overQuota) throw new StorageQuotaError(overQuota);
  return tx.document.create({
    data: {
      associationId: input.associationId,
      kind: input.kind,
      label: input.label.slice(0, 200),
      originalName: input.originalName.slice(0, 200),
      storedName: input.file.storedName,
      mimeType: input.file.mimeType,
      size: input.file.size,
      sha256: input.file.sha256,
      uploadedById: input.uploadedById,
    },
    select: { id: true, kind: true, label: true, originalName: true },
  });
}

export type UploadForm = { ok: true; formData: FormData } | { ok: false; message: string };

/** A multipart form with files kept in memory, each part at most 10 MB. */
export async function parseUploadForm(request: Request): Promise<UploadForm> {
  try {
    const formData = await parseMultipartFormData(request, createMemoryUploadHandler({ maxPartSize: MAX_UPLOAD_BYTES }));
    return { ok: true, formData };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError)
      return { ok: false, message: "Le fichier dépasse 10 Mo : réduisez-le (par exemple en PDF compressé) puis réessayez." };
    return { ok: false, message: "L'envoi du fichier a échoué. Réessayez." };
  }
}

export function uploadPath(storedName: string) {
  return path.join(getEnv().UPLOAD_DIR, storedName);
}

export type StoreResult =
  | { ok: true; document: { id: string; kind: string; label: string } }
  | { ok: false; message: string; /** 400 for the file itself, 507/503 for the server's disk */ status: number };

/** An association document: checked by content, written atomically, counted against the quota. */
export async function storeDocument(input: {
  associationId: string;
  kind: string;
  label?: string;
  originalName: string;
  bytes: Uint8Array;
  actor: SessionUser;
}): Promise<StoreResult> {
  const detected = await detectUploadType(input.bytes);
  if (!detected.ok) return { ...detected, status: 400 };
  const originalName = path.basename(input.originalName || `document.${detected.extension}`).slice(0, 200);
  try {
    const document = await withNewFiles(async (files) => {
      const file = await writeDocumentFile(files, {
        associationId: input.associationId,
        bytes: input.bytes,
        mimeType: detected.mimeType,
        extension: detected.extension,
      });
      return writeTransaction((tx) =>
        insertDocumentRow(tx, {
          associationId: input.associationId,
          kind: input.kind,
          label: input.label?.trim() || originalName,
          originalName,
          uploadedById: input.actor.id,
          file,
        }),
      );
    });
    return { ok: true, document: { id: document.id, kind: document.kind, label: document.label } };
  } catch (error) {
    if (error instanceof StorageQuotaError || error instanceof StorageError)
      return { ok: false, message: error.message, status: error.status };
    throw error;
  }
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
