// The answers of the open-data routes: files any site may fetch, and the page that says why a
// file is not published yet.
import { fileResponse } from "~/lib/file-response.server";

export function openDataFile(body: string, filename: string, contentType: string): Response {
  const response = fileResponse(body, { filename, contentType, disposition: "inline", cache: "public" });
  // Open data: any site may fetch it.
  response.headers.set("Access-Control-Allow-Origin", "*");
  return response;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** 404 with a short French page: the file exists in the catalogue but is not published (yet). */
export function notPublished(title: string, reason: string): Response {
  const html = `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} – fichier non publié</title></head>
<body>
<main>
<h1>${escapeHtml(title)} : fichier non publié</h1>
<p>${escapeHtml(reason)}</p>
<p><a href="/donnees">Voir les données ouvertes publiées par le portail</a></p>
</main>
</body>
</html>
`;
  return new Response(html, {
    status: 404,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });
}
