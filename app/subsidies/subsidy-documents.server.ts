// Files of the subsidy domain (signed conventions, compte rendu attachments): what each form
// accepts, checked by content, never by name or declared type; stored under UPLOAD_DIR as
// Documents through the one upload path (documents/storing.server.ts).
import { readFile } from "node:fs/promises";
import { prisma } from "~/db.server";
import { checkUpload, type AcceptedFiles, type Upload } from "~/documents/file-checks.server";
import { uploadPath } from "~/documents/document.server";

export type { Upload };

export const REPORT_ATTACHMENT_TYPES = [
  "application/pdf",
  "image/png",
  "image/jpeg",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
] as const;

/** What a subsidy form accepts: its refusals name the file. */
function accepted(types: readonly string[], field: string): AcceptedFiles {
  const pdfOnly = types.length === 1 && types[0] === "application/pdf";
  return {
    types,
    field,
    named: true,
    wrongType: (name) =>
      pdfOnly
        ? `Le fichier « ${name} » n'est pas un PDF : déposez la convention signée au format PDF.`
        : `Le fichier « ${name} » n'est pas d'un type accepté (PDF, PNG, JPEG ou tableur XLSX).`,
  };
}

/** The signed convention: a PDF. */
export const signedConventionFile = (field = "file") => accepted(["application/pdf"], field);
/** The attachments of a compte rendu financier. */
export const reportAttachmentFiles = (field = "attachments") => accepted(REPORT_ATTACHMENT_TYPES, field);

/** A form's file field → an upload, or null when nothing was chosen. */
export async function readUpload(value: FormDataEntryValue | null): Promise<Upload | null> {
  if (!value || typeof value === "string") return null;
  if (value.size === 0 && !value.name) return null;
  return { name: value.name || "document", bytes: new Uint8Array(await value.arrayBuffer()) };
}

/** Checks the content's real type; returns its MIME type or throws a French refusal beside `field`. */
export async function checkUploadType(upload: Upload, allowed: readonly string[], field: string): Promise<string> {
  return (await checkUpload(upload, accepted(allowed, field))).mimeType;
}

export async function checkPdf(upload: Upload, field = "file") {
  return (await checkUpload(upload, signedConventionFile(field))).mimeType;
}

/** A stored document of an association, with its bytes; null when not found for that association. */
export async function readAssociationDocument(associationId: string, documentId: string) {
  const doc = await prisma.document.findFirst({ where: { id: documentId, associationId } });
  if (!doc) return null;
  const bytes = await readFile(uploadPath(doc.storedName));
  return { ...doc, bytes };
}
