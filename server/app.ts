// The HTTP layer in front of Remix: security headers with a per-request CSP nonce,
// the Origin check on every state-changing request, and the session cookie refresh.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import helmet from "helmet";

export type AppOptions = {
  getBuild: () => Promise<ServerBuild>;
  /** Where `remix build` put the browser assets, served under /build. */
  assetsDir: string;
  publicUrl: string;
  mode: "production" | "development";
  validateSession: (sessionId: string | null) => Promise<{ fresh: boolean; session: { id: string } | null }>;
  readSessionCookie: (cookieHeader: string) => string | null;
  sessionCookie: (sessionId: string) => string;
  blankSessionCookie: () => string;
};

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function allowedOrigins(req: Request, publicUrl: string): Set<string> {
  const origins = new Set([new URL(publicUrl).origin]);
  const host = req.headers.host;
  if (host) origins.add(`${req.protocol}://${host}`);
  return origins;
}

export function createApp(options: AppOptions) {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", process.env.TRUST_PROXY === "1" || process.env.TRUST_PROXY === "true");
  const https = options.publicUrl.startsWith("https://");

  app.use((req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    // Remix loaders read the client's address from here; a client-sent value is overwritten.
    req.headers["x-client-ip"] = req.ip ?? req.socket.remoteAddress ?? "inconnue";
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
          "img-src": ["'self'", "data:"],
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

  // Cross-site form posts are refused: every non-GET request must come from our origin.
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = req.headers.origin;
    if (!origin || !allowedOrigins(req, options.publicUrl).has(origin)) {
      res.status(403).type("text/plain; charset=utf-8").send("Requête refusée : elle ne provient pas de ce site.");
      return;
    }
    next();
  });

  // Sliding sessions: refresh the cookie when Lucia extended the session, clear it when invalid.
  app.use(async (req, res, next) => {
    try {
      const sessionId = options.readSessionCookie(req.headers.cookie ?? "");
      if (!sessionId) return next();
      const { session, fresh } = await options.validateSession(sessionId);
      if (!session) res.append("Set-Cookie", options.blankSessionCookie());
      else if (fresh) res.append("Set-Cookie", options.sessionCookie(session.id));
      next();
    } catch (error) {
      next(error);
    }
  });

  const publicDir = path.resolve("public");
  app.use("/build", express.static(options.assetsDir, { immutable: true, maxAge: "1y" }));
  app.use(express.static(publicDir, { maxAge: "1h" }));

  app.all(
    "*",
    createRequestHandler({
      build: options.getBuild,
      mode: options.mode,
      getLoadContext: (_req, res) => ({ cspNonce: res.locals.cspNonce as string }),
    }),
  );
  return app;
}
