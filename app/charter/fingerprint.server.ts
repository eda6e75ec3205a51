// The text a signature commits to and its SHA-256: fixed at publication, checked at each signature.
import { createHash } from "node:crypto";

/** The text a signature commits to: the title and the Markdown body, line endings normalised. */
export function charterText(version: { title: string; body: string }): string {
  return `${version.title.trim()}\n\n${version.body.replace(/\r\n?/g, "\n").trim()}\n`;
}

export function charterTextHash(version: { title: string; body: string }): string {
  return createHash("sha256").update(charterText(version), "utf8").digest("hex");
}
