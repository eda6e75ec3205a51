// The answers Express gives itself, before or instead of Remix: a plain French page, never a
// stack trace or a server path (Express's own handler shows both unless NODE_ENV=production).
import type { NextFunction, Request, Response } from "express";

const PAGES = {
  400: { title: "Requête invalide", message: "L'adresse demandée est mal formée. Vérifiez-la, ou repartez de l'accueil." },
  403: {
    title: "Requête refusée",
    message: "Cette requête ne provient pas de ce site : elle a été refusée. Rechargez la page et réessayez.",
  },
  404: { title: "Page introuvable", message: "Cette page n'existe pas ou vous n'y avez pas accès." },
  500: {
    title: "Une erreur est survenue",
    message: "Le service a rencontré un problème. Réessayez dans un instant ; si le problème persiste, contactez le CCAS.",
  },
} as const;

export type ErrorStatus = keyof typeof PAGES;

export function errorPageHtml(status: ErrorStatus): string {
  const { title, message } = PAGES[status];
  return `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} – Réseau des associations</title></head>
<body>
<main style="max-width: 40rem; margin: 3rem auto; padding: 0 1rem; font-family: system-ui, sans-serif; line-height: 1.5">
<h1>${title}</h1>
<p>${message}</p>
<p><a href="/">Retour à l'accueil</a></p>
</main>
</body>
</html>
`;
}

export function sendErrorPage(res: Response, status: ErrorStatus) {
  res.status(status).set("Cache-Control", "no-store").type("html").send(errorPageHtml(status));
}

/** Express answers a request no route took (Remix takes every path, so this is a safety net). */
export function notFoundHandler(_req: Request, res: Response) {
  sendErrorPage(res, 404);
}

/** The last handler: client errors (an undecodable path…) answer 400, anything else 500; both are logged. */
export function finalErrorHandler(log: (message: string, error?: unknown) => void = defaultLog) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const raw = (error as { status?: unknown; statusCode?: unknown } | null) ?? {};
    const declared = Number(raw.status ?? raw.statusCode);
    const clientError = declared >= 400 && declared < 500;
    // JSON.stringify: the path is the client's, and may hold control characters.
    const where = `${req.method} ${JSON.stringify(req.originalUrl.slice(0, 300))}`;
    if (clientError) log(`Requête invalide (${declared}) ${where} : ${error instanceof Error ? error.message : String(error)}`);
    else log(`Erreur interne sur ${where}`, error);
    if (res.headersSent) {
      // A streamed answer already under way: cut it, as Express does, rather than append to it.
      req.socket.destroy();
      return;
    }
    sendErrorPage(res, clientError ? (declared === 403 || declared === 404 ? declared : 400) : 500);
  };
}

function defaultLog(message: string, error?: unknown) {
  if (error === undefined) console.error(`[portail] ${message}`);
  else console.error(`[portail] ${message}`, error);
}
