// The CCAS's logo: an image recognised by its content (never its name), PNG, JPEG or WebP up to
// 1 MB, kept in the settings row and served at /logo. SVG is refused: it can carry scripts.
import {
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
  MaxPartSizeExceededError,
} from "@remix-run/node";
import { fileTypeFromBuffer } from "file-type";
import type { SessionUser } from "~/accounts/auth.server";
import { prisma, writeTransaction } from "~/db.server";
import { recordAudit } from "~/lib/audit.server";
import { DomainError } from "~/lib/domain-error";
import { fileResponse } from "~/lib/file-response.server";
import { formatFileSize } from "~/lib/format";
import { settingsRow } from "~/settings/identity.server";
import { SETTINGS_ID } from "~/settings/portal-settings.server";
import { invalidateReferenceData } from "~/settings/reference-cache.server";

export const MAX_LOGO_BYTES = 1024 * 1024;
export const LOGO_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;

const refuse = (message: string, code = "logo_refused") => new DomainError(message, { code, field: "logo" });

/** The image's type from its bytes; a DomainError beside the logo field otherwise. */
export async function checkLogo(bytes: Uint8Array): Promise<(typeof LOGO_TYPES)[number]> {
  if (bytes.length === 0) throw refuse("Le fichier est vide. Choisissez une image PNG, JPEG ou WebP.");
  if (bytes.length > MAX_LOGO_BYTES)
    throw refuse(`Le logo dépasse 1 Mo (${formatFileSize(bytes.length)}) : réduisez l'image puis réessayez.`, "logo_too_large");
  const type = await fileTypeFromBuffer(bytes);
  const mime = LOGO_TYPES.find((t) => t === type?.mime);
  if (!mime)
    throw refuse(
      "Ce fichier n'est pas une image PNG, JPEG ou WebP (son contenu a été vérifié, pas seulement son nom). Les images SVG ne sont pas acceptées.",
    );
  return mime;
}

export type LogoForm = { ok: true; bytes: Uint8Array } | { ok: false; error: DomainError };

/** The logo field of a multipart post, read in memory with a 1 MB cap (a bigger file is cut short and refused). */
export async function readLogoUpload(request: Request): Promise<LogoForm> {
  try {
    const formData = await parseMultipartFormData(request, createMemoryUploadHandler({ maxPartSize: MAX_LOGO_BYTES }));
    const file = formData.get("logo");
    if (!(file instanceof File) || file.size === 0) return { ok: false, error: refuse("Choisissez une image.", "logo_missing") };
    return { ok: true, bytes: new Uint8Array(await file.arrayBuffer()) };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError)
      return { ok: false, error: refuse("Le logo dépasse 1 Mo : réduisez l'image puis réessayez.", "logo_too_large") };
    return { ok: false, error: refuse("L'envoi du fichier a échoué. Réessayez.", "upload_failed") };
  }
}

/** Stores the logo (replacing any other). */
export async function saveLogo(bytes: Uint8Array, actor: Pick<SessionUser, "id">) {
  const logoType = await checkLogo(bytes);
  await writeTransaction(async (tx) => {
    await settingsRow(tx);
    await tx.portalSettings.update({ where: { id: SETTINGS_ID }, data: { logo: new Uint8Array(bytes), logoType }, select: { id: true } });
    await recordAudit(tx, {
      entityType: "settings",
      entityId: SETTINGS_ID,
      actorId: actor.id,
      action: "logo enregistré",
      comment: `${logoType}, ${bytes.length} octets`,
    });
  });
  invalidateReferenceData();
  return logoType;
}

export async function removeLogo(actor: Pick<SessionUser, "id">) {
  await writeTransaction(async (tx) => {
    const row = await tx.portalSettings.findUnique({ where: { id: SETTINGS_ID }, select: { logoType: true } });
    if (!row?.logoType) return;
    await tx.portalSettings.update({ where: { id: SETTINGS_ID }, data: { logo: null, logoType: null }, select: { id: true } });
    await recordAudit(tx, { entityType: "settings", entityId: SETTINGS_ID, actorId: actor.id, action: "logo retiré" });
  });
  invalidateReferenceData();
}

/** The stored logo, or null; `version` changes whenever the settings do (the ETag). */
export async function readLogo() {
  const row = await prisma.portalSettings.findUnique({
    where: { id: SETTINGS_ID },
    select: { logo: true, logoType: true, updatedAt: true },
  });
  if (!row?.logo || !row.logoType) return null;
  return {
    bytes: new Uint8Array(row.logo),
    type: row.logoType,
    updatedAt: row.updatedAt,
    version: `${row.updatedAt.getTime().toString(36)}-${row.logo.length}`,
  };
}

const EXTENSIONS: Record<string, string> = { "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp" };

/**
 * The answer of /logo: the image with its type (fileResponse: inline, never sniffed), cached a
 * few minutes then revalidated by its ETag (304 when unchanged); 404 when there is none.
 */
export async function logoResponse(request: Request): Promise<Response> {
  const logo = await readLogo();
  if (!logo)
    return new Response("Aucun logo n'est enregistré.", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff", "Cache-Control": "no-cache" },
    });
  const etag = `"${logo.version}"`;
  const ifNoneMatch = request.headers.get("If-None-Match");
  const unchanged = ifNoneMatch?.split(",").some((tag) => tag.trim() === etag) ?? false;
  const response = fileResponse(unchanged ? "" : logo.bytes, {
    filename: `logo.${EXTENSIONS[logo.type] ?? "img"}`,
    contentType: logo.type,
    disposition: "inline",
    cache: "public",
  });
  const headers = new Headers(response.headers);
  headers.set("Cache-Control", "public, max-age=300, must-revalidate");
  headers.set("ETag", etag);
  headers.set("Last-Modified", logo.updatedAt.toUTCString());
  // Opened on its own, the image runs nothing.
  headers.set("Content-Security-Policy", "default-src 'none'; sandbox");
  return unchanged ? new Response(null, { status: 304, headers }) : new Response(response.body, { headers });
}
