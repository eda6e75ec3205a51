// Storing an uploaded document: written aside then renamed under a generated name, its row
// inserted in the transaction, counted against the association's quota.
import { createHash, randomUUID } from "node:crypto";
import path from "node:path";
import {
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
  MaxPartSizeExceededError,
} from "@remix-run/node";
import type { SessionUser } from "~/accounts/auth.server";
import { writeTransaction } from "~/db.server";
import { getEnv } from "~/env.server";
import { detectUploadType, MAX_UPLOAD_BYTES } from "~/documents/file-checks.server";
import { lockAssociationStorage, quotaProblem, StorageQuotaError, type DocumentTx } from "~/documents/quota.server";
import { StorageError, withNewFiles, type NewFiles } from "~/documents/stored-files.server";

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
