// Which encoding an RNA file is in. Recent files are UTF-8 with a byte-order mark; older ones
// ISO-8859-1 (latin1). Decided on the file's first non-ASCII bytes: a BOM says UTF-8; otherwise the
// bytes around the first non-ASCII byte are decoded as UTF-8 with a strict decoder — French text in
// latin1 ("é" = 0xE9 followed by a letter) is never valid UTF-8, so a failure says latin1.
// A file that is pure ASCII reads the same either way (UTF-8).
import { createReadStream } from "node:fs";

export type FileEncoding = "utf-8" | "latin1";

const BOM = [0xef, 0xbb, 0xbf];
// Enough bytes after the first non-ASCII one to judge several characters.
const WINDOW = 4096;

/** The verdict on a buffer holding the first non-ASCII byte at `at` (and what follows, up to WINDOW). */
function judge(bytes: Uint8Array, at: number, complete: boolean): FileEncoding {
  const window = bytes.subarray(at, Math.min(bytes.length, at + WINDOW));
  try {
    // stream: true tolerates a character cut at the window's end; a file's last bytes are judged whole.
    new TextDecoder("utf-8", { fatal: true }).decode(window, { stream: !complete || at + WINDOW < bytes.length });
    return "utf-8";
  } catch {
    return "latin1";
  }
}

/** Reads the file until it can tell (usually within its first kilobytes). */
export async function detectEncoding(filePath: string): Promise<{ encoding: FileEncoding; bom: boolean }> {
  let carry: Uint8Array = new Uint8Array(0);
  let first = true;
  for await (const chunk of createReadStream(filePath, { highWaterMark: 64 * 1024 }) as AsyncIterable<Buffer>) {
    const bytes = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    if (first) {
      first = false;
      if (bytes.length >= 3 && BOM.every((b, i) => bytes[i] === b)) return { encoding: "utf-8", bom: true };
    }
    const at = bytes.findIndex((b) => b >= 0x80);
    if (at >= 0) {
      // Wait for the window to be complete unless the file ends here (handled after the loop).
      if (bytes.length - at >= WINDOW) return { encoding: judge(bytes, at, false), bom: false };
      carry = bytes.subarray(at);
      continue;
    }
    carry = new Uint8Array(0);
  }
  if (carry.length) return { encoding: judge(carry, 0, true), bom: false };
  return { encoding: "utf-8", bom: false };
}
