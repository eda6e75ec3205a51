// The one response for a file the portal hands out (stored documents, exports, PDFs, calendars):
// the name in both header forms (RFC 6266), never sniffed, never cached by a shared proxy.

/** `attachment; filename="Releve_2026.pdf"; filename*=UTF-8''Relev%C3%A9%202026.pdf` */
export function contentDisposition(filename: string, disposition: "attachment" | "inline" = "attachment") {
  const ascii =
    filename
      .normalize("NFD")
      .replace(/[^\x20-\x7e]/g, "")
      .replace(/["\\]/g, "_") || "document";
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export type FileAnswer = {
  filename: string;
  contentType: string;
  /** "inline" for what a browser shows (the open-data CSV); downloads otherwise. */
  disposition?: "attachment" | "inline";
  /** Public files may be cached; personal ones never are. */
  cache?: "private" | "public";
};

export function fileResponse(body: BodyInit, { filename, contentType, disposition = "attachment", cache = "private" }: FileAnswer) {
  return new Response(body, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": contentDisposition(filename, disposition),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": cache === "public" ? "public, max-age=300" : "private, no-store",
    },
  });
}
