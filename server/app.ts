// The HTTP layer in front of Remix: security headers with a per-request CSP nonce,
// the Origin check on every state-changing request, the session cookie refresh, and the
// portal's own answers when Remix is not reached (French pages, never a stack trace).
import { randomBytes } from "node:crypto";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type Response } from "express";
import helmet from "helmet";
import { finalErrorHandler, notFoundHandler } from "./error-pages";
import { createPageCache, PUBLIC_PAGES } from "./page-cache";
import type { PageCacheBus } from "./page-cache-bus";
import { requireOwnOrigin, seenAtPublicUrl } from "./public-origin";
import { onPublicChange } from "../app/lib/public-changes.server";

export type AppOptions = {
  /** A function in development (rebuilt on change); the build itself in production, so that Remix
   * derives its route tables once instead of on every request (found by `npm run bench`). */
  build: ServerBuild | (() => Promise<ServerBuild>);
  /** Where `remix build` put the browser assets, served under /build. */
  assetsDir: string;
  publicUrl: string;
  mode: "production" | "development";
  /** How long anonymous visitors share a rendered public page; 0 turns the cache off. */
  pageCacheSeconds: number;
  /** Several processes on PostgreSQL: how their page caches empty each other's (server/page-cache-bus.ts). */
  pageCacheBus?: PageCacheBus | null;
  validateSession: (sessionId: string | null) => Promise<{ fresh: boolean; session: { id: string; expiresAt: Date } | null }>;
  readSessionCookie: (cookieHeader: string) => string | null;
  /** The cookie for a session, expiring when the session does. */
  sessionCookie: (session: { id: string; expiresAt: Date }) => string;
  blankSessionCookie: () => string;
  /** The origin of the map's tiles (MAP_TILE_URL's), the one image origin allowed beside the portal's. */
  mapTileOrigin?: string;
  /** TRUST_PROXY: how many reverse proxies in front append to X-Forwarded-For (0: the socket's address). */
  trustProxyHops?: number;
};

/** The client's address, put where Remix loaders read it (`clientIp`); a client-sent value is overwritten.
 * A hop count, never `true`: Express would then take the left-most X-Forwarded-For entry, which the client writes. */
export function useClientAddress(app: express.Express, trustProxyHops: number) {
  app.set("trust proxy", trustProxyHops);
  app.use((req, _res, next) => {
    req.headers["x-client-ip"] = req.ip ?? req.socket.remoteAddress ?? "inconnue";
    next();
  });
}

export function createApp(options: AppOptions) {
  const app = express();
  app.disable("x-powered-by");
  useClientAddress(app, options.trustProxyHops ?? 0);
  const https = options.publicUrl.startsWith("https://");

  app.use((_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    next();
  });

  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          "default-src": ["'self'"],
          "script-src": ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
          "style-src": ["'self'", "'unsafe-inline'"],
          "img-src": ["'self'", "data:", ...(options.mapTileOrigin ? [options.mapTileOrigin] : [])],
          "font-src": ["'self'"],
          "connect-src": options.mode === "development" ? ["'self'", "ws:"] : ["'self'"],
          "form-action": ["'self'"],
          "frame-ancestors": ["'none'"],
          "base-uri": ["'self'"],
          "object-src": ["'none'"],
          ...(https ? { "upgrade-insecure-requests": [] } : {}),
        },
      },
      strictTransportSecurity: https ? { maxAge: 63072000, includeSubDomains: true } : false,
      referrerPolicy: { policy: "strict-origin-when-cross-origin" },
      crossOriginEmbedderPolicy: false,
      xFrameOptions: { action: "deny" },
    }),
  );
  app.use(compression());

  // Cross-site form posts are refused: every non-GET request must carry PUBLIC_URL's origin.
  app.use(requireOwnOrigin(options.publicUrl));
  app.use(seenAtPublicUrl(options.publicUrl));

  // Sliding sessions: refresh the cookie when Lucia extended the session, clear it when invalid.
  app.use(async (req, res, next) => {
    try {
      const sessionId = options.readSessionCookie(req.headers.cookie ?? "");
      if (!sessionId) return next();
      const { session, fresh } = await options.validateSession(sessionId);
      if (!session) res.append("Set-Cookie", options.blankSessionCookie());
      else if (fresh) res.append("Set-Cookie", options.sessionCookie(session));
      next();
    } catch (error) {
      next(error);
    }
  });

  const publicDir = path.resolve("public");
  app.use("/build", express.static(options.assetsDir, { immutable: true, maxAge: "1y" }));
  // Only file-like paths can be in public/: pages skip a file system lookup per request.
  const publicFiles = express.static(publicDir, { maxAge: "1h" });
  app.use((req, res, next) => (path.extname(req.path) ? publicFiles(req, res, next) : next()));

  const pageCache = createPageCache({
    ttlSeconds: options.mode === "development" ? 0 : options.pageCacheSeconds,
    cacheable: PUBLIC_PAGES,
    nonceOf: (res) => res.locals.cspNonce as string,
    bus: options.pageCacheBus,
  });
  app.use(pageCache.middleware);
  onPublicChange(() => pageCache.changed());

  app.all(
    "*",
    createRequestHandler({
      build: options.build,
      mode: options.mode,
      getLoadContext: (_req, res) => ({ cspNonce: res.locals.cspNonce as string }),
    }),
  );
  app.use(notFoundHandler);
  app.use(finalErrorHandler());
  return app;
}
