// An RNA file sent by an administrator: streamed to <DATA_DIR>/rna/ under a generated name (never
// held in memory whole, RNA_UPLOAD_MAX_MB at most), its header checked at once — a file that is not
// an RNA file is refused there and then, beside the form's field — then an import record for it.
import { randomUUID } from "node:crypto";
import { mkdir, unlink } from "node:fs/promises";
import path from "node:path";
import {
  MaxPartSizeExceededError,
  NodeOnDiskFile,
  unstable_createFileUploadHandler as createFileUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
} from "@remix-run/node";
import { prisma } from "~/db.server";
import { getEnv } from "~/env.server";
import { DomainError } from "~/lib/domain-error";
import { createImportRecord, fileIdentity, findUnfinished, rnaFolder, type ImportMode } from "~/rna/imports.server";
import { NotAnRnaFileError, openWaldec } from "~/rna/parse.server";

const refuse = (message: string, status = 400) => new DomainError(message, { code: "rna_file", field: "file", status });

/** Receives the upload and records the import (or finds the unfinished one of the same file); returns its id. */
export async function receiveRnaUpload(request: Request, createdById: string): Promise<{ id: string }> {
  if (!(request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) throw refuse("Choisissez un fichier à envoyer.");
  const folder = rnaFolder();
  await mkdir(folder, { recursive: true });
  const maxMb = getEnv().RNA_UPLOAD_MAX_MB;
  let formData: FormData;
  let originalName = "";
  try {
    formData = await parseMultipartFormData(
      request,
      createFileUploadHandler({
        directory: folder,
        avoidFileConflicts: false,
        file: ({ filename }) => {
          originalName = filename;
          return `${randomUUID()}.csv`;
        },
        maxPartSize: maxMb * 1024 * 1024,
        filter: ({ name }) => name === "file",
      }),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError)
      throw refuse(`Le fichier dépasse ${maxMb} Mo, la taille maximale acceptée (RNA_UPLOAD_MAX_MB).`, 413);
    throw refuse("L'envoi du fichier a échoué. Réessayez.");
  }
  const file = formData.get("file");
  if (!(file instanceof NodeOnDiskFile) || file.size === 0) {
    if (file instanceof NodeOnDiskFile) await file.remove().catch(() => {});
    throw refuse("Choisissez le fichier RNA (CSV) de votre département.");
  }
  const filePath = file.getFilePath();
  const mode: ImportMode = formData.get("mode") === "apply" ? "apply" : "dry_run";
  try {
    // The header is enough to refuse another file; the import reads the rest.
    (await openWaldec(filePath)).close();
  } catch (error) {
    await unlink(filePath).catch(() => {});
    if (error instanceof NotAnRnaFileError) throw refuse(error.message);
    throw error;
  }
  const identity = await fileIdentity(filePath);
  const unfinished = await findUnfinished(prisma, identity.sha256, mode);
  if (unfinished) {
    // The same file again after an interruption: its import continues, the new copy is not needed.
    await unlink(filePath).catch(() => {});
    return { id: unfinished.id };
  }
  return createImportRecord(prisma, {
    mode,
    fileName: path.basename(originalName || "rna.csv"),
    storedName: path.basename(filePath),
    ...identity,
    createdById,
  });
}
