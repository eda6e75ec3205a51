// One origin policy, taken from PUBLIC_URL (decision 010). The portal has one public address;
// the Host header only says how the request reached this process (directly, or through a
// reverse proxy that may or may not pass the public host on), so nothing trusts it:
// - a state-changing request must carry PUBLIC_URL's origin in `Origin`, or answers 403;
// - Remix sees PUBLIC_URL's host and protocol, so `request.url` and Remix's own
//   Origin/Host comparison on actions follow the configuration, not the request.
import type { NextFunction, Request, Response } from "express";
import { sendErrorPage } from "./error-pages";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * One-click unsubscribe links (RFC 8058): the mail client posts to them itself, without an
 * Origin. The signed token in the path is the credential, so a forged request can do nothing
 * the link's owner could not; a browser's cross-site post still carries its Origin and is refused.
 */
export const ONE_CLICK_UNSUBSCRIBE = [/^\/instruction\/resume\/desabonnement\/[\w.-]+$/, /^\/desabonnement\/[\w.-]+$/];

/** Refuses cross-site (and Origin-less) state-changing requests with a French 403 page. */
export function requireOwnOrigin(publicUrl: string) {
  const allowed = new URL(publicUrl).origin;
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method) || req.headers.origin === allowed) return next();
    const oneClick = req.method === "POST" && req.headers.origin === undefined && ONE_CLICK_UNSUBSCRIBE.some((p) => p.test(req.path));
    if (oneClick) return next();
    sendErrorPage(res, 403);
  };
}

/** Presents every request to what follows (the page cache, Remix) as addressed to PUBLIC_URL. */
export function seenAtPublicUrl(publicUrl: string) {
  const { host, protocol } = new URL(publicUrl);
  const scheme = protocol.slice(0, -1);
  return (req: Request, res: Response, next: NextFunction) => {
    // Only origin-form targets ("/path?query"): an absolute-form one ("http://other/…") or "*"
    // would otherwise be glued after the host when Remix builds its URL.
    if (!req.originalUrl.startsWith("/")) return sendErrorPage(res, 400);
    req.headers.host = host;
    delete req.headers["x-forwarded-host"];
    delete req.headers["x-forwarded-proto"];
    // Express derives req.protocol from the socket (or X-Forwarded-Proto); Remix's adapter reads it.
    Object.defineProperty(req, "protocol", { value: scheme, configurable: true });
    next();
  };
}
