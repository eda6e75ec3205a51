// What the settings tests start from: an administrator, and tiny images of each kind.
import { createUser } from "../../prisma/factories/user";
import type { Db } from "~/db.server";

export async function createSettingsAdmin(db: Db) {
  return createUser(db, { role: "admin", email: `admin-parametres-${Math.random().toString(36).slice(2, 8)}@ccas.test` });
}

/** A 1×1 PNG. */
export const PNG_BYTES = Uint8Array.from(
  Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64"),
);
/** The start of a JPEG (what content detection reads). */
export const JPEG_BYTES = Uint8Array.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9,
]);
/** The start of a WebP (RIFF container, WEBP, a VP8L chunk). */
export const WEBP_BYTES = Uint8Array.from([
  ...Buffer.from("RIFF"),
  0x1a,
  0,
  0,
  0,
  ...Buffer.from("WEBPVP8L"),
  0x0d,
  0,
  0,
  0,
  0x2f,
  0,
  0,
  0,
  0x10,
  0x07,
  0x10,
  0x11,
  0x11,
  0x88,
  0x88,
  0xfe,
  0x07,
  0x00,
]);
export const SVG_BYTES = new TextEncoder().encode(
  '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>',
);
export const HTML_BYTES = new TextEncoder().encode("<!doctype html><html><body><script>alert(document.cookie)</script></body></html>");

/** A multipart post of one file, as the logo form sends it. */
export function logoPost(bytes: Uint8Array, name: string, type: string) {
  const form = new FormData();
  form.set("intent", "logo");
  form.set("logo", new File([new Uint8Array(bytes)], name, { type }));
  return new Request("http://localhost/admin/parametres/identite", { method: "POST", body: form });
}
