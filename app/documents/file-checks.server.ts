// What an uploaded file is: its type recognised from its content, never from its name, and
// whether it is whole (a file cut short is refused).
import { fileTypeFromBuffer } from "file-type";
import { DomainError, isDomainError } from "~/lib/domain-error";

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const UPLOAD_TYPE_MESSAGE =
  "Ce fichier n'est ni un PDF, ni une image JPEG ou PNG (son contenu a été vérifié, pas seulement son nom). Enregistrez-le en PDF puis réessayez.";

/** The extension of a stored file, by the type its content shows. */
const EXTENSIONS: Record<string, string> = {
  "application/pdf": "pdf",
  "image/jpeg": "jpg",
  "image/png": "png",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
};

/** What a form accepts, and how its refusals are worded. */
export type AcceptedFiles = {
  /** MIME types, as recognised from the content. */
  types: readonly string[];
  /** The form field the refusals go beside. */
  field: string;
  /** Refusals name the file (forms that take several). */
  named: boolean;
  /** The refusal of a file of another type. */
  wrongType: (name: string) => string;
};

/** An association's documents (statuts, RIB, comptes…): PDF, JPEG or PNG. */
export const ASSOCIATION_DOCUMENTS: AcceptedFiles = {
  types: ["application/pdf", "image/jpeg", "image/png"],
  field: "file",
  named: false,
  wrongType: () => UPLOAD_TYPE_MESSAGE,
};

export type Upload = { name: string; bytes: Uint8Array };
export type CheckedType = { mimeType: string; extension: string };

/** What the bytes are, whatever the file is called; a DomainError beside `accept.field` when refused. */
export async function checkUpload(upload: Upload, accept: AcceptedFiles): Promise<CheckedType> {
  const refuse = (message: string) => new DomainError(message, { code: "file_refused", field: accept.field });
  const theFile = accept.named ? `Le fichier « ${upload.name} »` : "Le fichier";
  if (upload.bytes.length === 0) throw refuse(`${theFile} est vide.`);
  if (upload.bytes.length > MAX_UPLOAD_BYTES) throw refuse(`${theFile} dépasse 10 Mo.`);
  const type = await fileTypeFromBuffer(upload.bytes);
  const extension = type && accept.types.includes(type.mime) ? EXTENSIONS[type.mime] : undefined;
  if (!type || !extension) throw refuse(accept.wrongType(upload.name));
  const truncated = truncationProblem(upload.bytes, type.mime);
  if (truncated) throw refuse(accept.named ? `« ${upload.name} » : ${truncated}` : truncated);
  return { mimeType: type.mime, extension };
}

export type Detected = ({ ok: true } & CheckedType) | { ok: false; message: string };

/** An association document's check, as a result rather than a refusal. */
export async function detectUploadType(bytes: Uint8Array): Promise<Detected> {
  try {
    return { ok: true, ...(await checkUpload({ name: "", bytes }, ASSOCIATION_DOCUMENTS)) };
  } catch (error) {
    if (isDomainError(error)) return { ok: false, message: error.message };
    throw error;
  }
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
