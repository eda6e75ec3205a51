// Files of the subsidy domain (signed conventions, compte rendu attachments): the type is checked
// by content with file-type, never by name or declared type; stored under UPLOAD_DIR as Documents,
// through the same write path as the association's documents (document.server.ts).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileTypeFromBuffer } from "file-type";
import { prisma } from "~/db.server";
import {
  insertDocumentRow,
  StorageQuotaError,
  truncationProblem,
  writeDocumentFile,
  type DocumentTx,
  type WrittenFile,
} from "~/documents/document.server";
import { getEnv } from "~/env.server";
import type { NewFiles } from "~/documents/stored-files.server";
import { SubsidyError } from "~/subsidies/errors";

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const PDF_ONLY = ["application/pdf"] as const;
export const REPORT_ATTACHMENT_TYPES = [
  "application/pdf",
  "image/png",
  "image/jpeg",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
] as const;

export type Upload = { name: string; bytes: Uint8Array };

/** A form's file field → an upload, or null when nothing was chosen. */
export async function readUpload(value: FormDataEntryValue | null): Promise<Upload | null> {
  if (!value || typeof value === "string") return null;
  if (value.size === 0 && !value.name) return null;
  return { name: value.name || "document", bytes: new Uint8Array(await value.arrayBuffer()) };
}

/** Checks the content's real type; returns its MIME type or throws a French message. */
export async function checkUploadType(upload: Upload, allowed: readonly string[], field: string): Promise<string> {
  if (upload.bytes.length === 0) throw new SubsidyError(`Le fichier « ${upload.name} » est vide.`, field);
  if (upload.bytes.length > MAX_UPLOAD_BYTES) throw new SubsidyError(`Le fichier « ${upload.name} » dépasse 10 Mo.`, field);
  const type = await fileTypeFromBuffer(upload.bytes);
  if (!type || !allowed.includes(type.mime)) {
    throw new SubsidyError(
      allowed.length === 1 && allowed[0] === "application/pdf"
        ? `Le fichier « ${upload.name} » n'est pas un PDF : déposez la convention signée au format PDF.`
        : `Le fichier « ${upload.name} » n'est pas d'un type accepté (PDF, PNG, JPEG ou tableur XLSX).`,
      field,
    );
  }
  const truncated = truncationProblem(upload.bytes, type.mime);
  if (truncated) throw new SubsidyError(`« ${upload.name} » : ${truncated}`, field);
  return type.mime;
}

export async function checkPdf(upload: Upload, field = "file") {
  return checkUploadType(upload, PDF_ONLY, field);
}

const EXTENSIONS: Record<string, string> = { "application/pdf": "pdf", "image/png": "png", "image/jpeg": "jpg" };

/** A quota refusal as the subsidy forms show it. */
async function quotaAsSubsidyError<T>(work: () => Promise<T>, field?: string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof StorageQuotaError) throw new SubsidyError(error.message, field);
    throw error;
  }
}

/**
 * Writes a checked file (type from `checkUploadType`) before the transaction that records it:
 * call it inside `withNewFiles`, then `insertSubsidyDocument` inside the transaction.
 */
export async function writeSubsidyFile(
  files: NewFiles,
  input: { associationId: string; upload: Upload; mimeType: string },
  field?: string,
): Promise<WrittenFile> {
  return quotaAsSubsidyError(
    () =>
      writeDocumentFile(files, {
        associationId: input.associationId,
        bytes: input.upload.bytes,
        mimeType: input.mimeType,
        extension: EXTENSIONS[input.mimeType] ?? "xlsx",
      }),
    field,
  );
}

/** The Document row of a written file, within the quota (checked again under the storage lock). */
export async function insertSubsidyDocument(
  tx: DocumentTx,
  input: { associationId: string; kind: string; label: string; upload: Upload; file: WrittenFile; uploadedById: string | null },
  field?: string,
) {
  return quotaAsSubsidyError(
    () =>
      insertDocumentRow(tx, {
        associationId: input.associationId,
        kind: input.kind,
        label: input.label,
        originalName: input.upload.name,
        uploadedById: input.uploadedById,
        file: input.file,
      }),
    field,
  );
}

/** A stored document of an association, with its bytes; null when not found for that association. */
export async function readAssociationDocument(associationId: string, documentId: string) {
  const doc = await prisma.document.findFirst({ where: { id: documentId, associationId } });
  if (!doc) return null;
  const bytes = await readFile(path.join(getEnv().UPLOAD_DIR, path.basename(doc.storedName)));
  return { doc, bytes };
}

export function downloadResponse(bytes: Uint8Array, filename: string, mimeType: string) {
  const safe = filename.replace(/[^\w.\- ]+/g, "_");
  return new Response(bytes as unknown as BodyInit, {
    headers: {
      "Content-Type": mimeType,
      "Content-Disposition": `attachment; filename="${safe}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
