// Storing uploaded files, the one way: checked by content, counted against the association's
// quota, written aside then renamed under a generated name (outside the transaction), their
// Document rows inserted in the write transaction with whatever the caller records with them.
// Every refusal is a DomainError beside the form's file field: the file itself or the quota
// (400), the server's disk (507 full, 503 not writable).
import { createHash, randomUUID } from "node:crypto";
import type { DocumentKind } from "~/generated/prisma/enums";
import path from "node:path";
import {
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
  MaxPartSizeExceededError,
} from "@remix-run/node";
import type { SessionUser } from "~/accounts/auth.server";
import { writeTransaction, type Tx } from "~/db.server";
import { getEnv } from "~/env.server";
import { DomainError, isDomainError } from "~/lib/domain-error";
import {
  ASSOCIATION_DOCUMENTS,
  checkUpload,
  MAX_UPLOAD_BYTES,
  type AcceptedFiles,
  type CheckedType,
  type Upload,
} from "~/documents/file-checks.server";
import { lockAssociationStorage, overQuota } from "~/documents/quota.server";
import { asStorageError, isStorageError, withNewFiles } from "~/documents/stored-files.server";

export type { Upload };
export type StoredDocument = { id: string; kind: string; label: string; originalName: string };

export type UploadTarget = {
  associationId: string;
  /** The document kind ("statuts", "convention", "compte_rendu"…). */
  kind: DocumentKind;
  /** The label of each document; the file's name when blank. */
  label?: string;
  uploadedById: string | null;
  accept: AcceptedFiles;
};

type WrittenFile = { originalName: string; storedName: string; mimeType: string; size: number; sha256: string };

/** Files are stored under generated names, readable by the portal's user only. */
const STORED_FILE_MODE = 0o600;

/**
 * Stores `uploads` for an association, all or none: each checked, written (a first quota
 * check first, so a file that cannot fit is not written at all), then, in one write transaction,
 * the association's storage lock, the quota checked again against committed documents, the
 * rows, and `record(tx, documents)` for what goes with them. When anything fails the
 * transaction rolls back and the files written are removed.
 */
export async function storeUploads<T>(
  uploads: Upload[],
  target: UploadTarget,
  record: (tx: Tx, documents: StoredDocument[]) => Promise<T>,
): Promise<T> {
  const { associationId, accept } = target;
  const checked: (Upload & CheckedType)[] = [];
  for (const upload of uploads) checked.push({ ...upload, ...(await checkUpload(upload, accept)) });
  try {
    return await withNewFiles(async (files) => {
      const written: WrittenFile[] = [];
      for (const { name, bytes, mimeType, extension } of checked) {
        const refusal = await overQuota(associationId, bytes.length, accept.field);
        if (refusal) throw refusal;
        const storedName = `${randomUUID()}.${extension}`;
        await files.write(getEnv().UPLOAD_DIR, storedName, bytes, STORED_FILE_MODE);
        const originalName = path.basename(name || `document.${extension}`).slice(0, 200);
        written.push({ originalName, storedName, mimeType, size: bytes.length, sha256: sha256(bytes) });
      }
      return writeTransaction(async (tx) => {
        if (written.length) await lockAssociationStorage(tx, associationId);
        const documents: StoredDocument[] = [];
        for (const file of written) {
          const refusal = await overQuota(associationId, file.size, accept.field, tx);
          if (refusal) throw refusal;
          const { originalName, storedName, mimeType, size } = file;
          const document = await tx.document.create({
            data: {
              associationId,
              kind: target.kind,
              label: (target.label?.trim() || originalName).slice(0, 200),
              originalName,
              storedName,
              mimeType,
              size,
              sha256: file.sha256,
              uploadedById: target.uploadedById,
            },
            select: { id: true, kind: true, label: true, originalName: true },
          });
          documents.push(document);
        }
        return record(tx, documents);
      });
    });
  } catch (error) {
    throw besideField(asStorageError(error), accept.field);
  }
}

/** One uploaded file stored on its own: its Document. */
export async function storeUpload(upload: Upload, target: UploadTarget): Promise<StoredDocument> {
  return storeUploads([upload], target, async (_tx, [document]) => document!);
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** A disk refusal, from whichever write it came, goes beside the form's file field too. */
function besideField(error: unknown, field: string) {
  if (!isStorageError(error) || error.field !== "_form") return error;
  return Object.assign(new DomainError(error.message, { code: error.code, field, status: error.status }), { cause: error.cause });
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

/** An association document (statuts, RIB, comptes…), with the refusal as a result for the pages that show it. */
export async function storeDocument(input: {
  associationId: string;
  kind: DocumentKind;
  label?: string;
  originalName: string;
  bytes: Uint8Array;
  actor: SessionUser;
}): Promise<StoreResult> {
  try {
    const document = await storeUpload(
      { name: input.originalName, bytes: input.bytes },
      {
        associationId: input.associationId,
        kind: input.kind,
        label: input.label,
        uploadedById: input.actor.id,
        accept: ASSOCIATION_DOCUMENTS,
      },
    );
    return { ok: true, document: { id: document.id, kind: document.kind, label: document.label } };
  } catch (error) {
    if (isDomainError(error)) return { ok: false, message: error.message, status: error.status };
    throw error;
  }
}
