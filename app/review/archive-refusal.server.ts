// The answer to a refused archive request: a short French page with the reason and the way back,
// since the archive route is a file route with no page of its own.
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function archiveRefusalPage(status: number, message: string, back = "/instruction/dossiers"): Response {
  const title = status === 403 ? "Archive refusée" : status === 404 ? "Dossier introuvable" : "Archive impossible";
  const html = `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} – Instruction</title></head>
<body>
<main style="max-width: 40rem; margin: 3rem auto; padding: 0 1rem; font-family: system-ui, sans-serif; line-height: 1.5">
<h1>${title}</h1>
<p>${escapeHtml(message)}</p>
<p><a href="${escapeHtml(back)}">Revenir aux dossiers</a></p>
</main>
</body>
</html>
`;
  return new Response(html, {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });
}
