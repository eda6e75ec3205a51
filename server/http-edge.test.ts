// The HTTP edge with the real build (`remix build`), the real database and the real login form,
// reached directly and through a reverse proxy of the test's own that rewrites Host to its
// upstream address, as nginx does by default (`proxy_set_header Host $proxy_host`).
import { spawnSync } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { rmSync } from "node:fs";
import type { ServerBuild } from "@remix-run/node";
// The adapter's own request builder: what Remix's loaders receive as `request`.
import { createRemixRequest } from "@remix-run/express/dist/server.js";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, TEST_PASSWORD } from "../prisma/factories/user";
import { resetEnvCache } from "../app/env.server";
import { finalErrorHandler } from "./error-pages";
import { seenAtPublicUrl } from "./public-origin";

const PUBLIC_URL = "https://portail.example.test";
const PUBLIC_HOST = new URL(PUBLIC_URL).host;
process.env.PUBLIC_URL = PUBLIC_URL;
resetEnvCache();

const buildDir = path.resolve(`.tmp/build-vitest-${process.pid}`);
const { prisma } = await import("../app/db.server");
const auth = await import("../app/accounts/sessions.server");
const { createApp, useClientAddress } = await import("./app");

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** A raw HTTP request: node's client sends Host and odd request targets as given, fetch would not. */
function send(
  port: number,
  target: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port, method: options.method ?? "GET", path: target, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
}

function closeServer(server: http.Server | undefined): Promise<void> {
  return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
}

/** Passes everything through but the Host header, which becomes the upstream's own address. */
function reverseProxy(upstreamPort: number) {
  return http.createServer((req, res) => {
    const upstream = http.request(
      {
        host: "127.0.0.1",
        port: upstreamPort,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: `127.0.0.1:${upstreamPort}`, "x-forwarded-for": req.socket.remoteAddress ?? "" },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => res.writeHead(502).end());
    req.pipe(upstream);
  });
}

const form = (fields: Record<string, string>) => ({
  method: "POST",
  headers: { "Content-Type": "application/x-www-form-urlencoded", Host: PUBLIC_HOST, Origin: new URL(PUBLIC_URL).origin },
  body: new URLSearchParams(fields).toString(),
});

function expectFrenchPage(answer: Answer, status: number, title: RegExp) {
  expect(answer.status).toBe(status);
  expect(answer.headers["content-type"]).toMatch(/^text\/html/);
  expect(answer.body).toContain('<html lang="fr">');
  expect(answer.body).toMatch(title);
  // No stack trace, no server path, no error class name.
  expect(answer.body).not.toMatch(/\bat\s+\S+\s+\(|node_modules|\/work\/|[A-Za-z]:\\|\.(?:ts|js):\d+|URIError|TypeError|Error:/);
  expect(answer.body).not.toContain(process.cwd());
}

let app: http.Server | undefined;
let proxy: http.Server | undefined;
let appPort = 0;
let proxyPort = 0;

beforeAll(async () => {
  const built = spawnSync(process.execPath, [path.resolve("node_modules/@remix-run/dev/dist/cli.js"), "build"], {
    env: { ...process.env, BUILD_DIR: path.relative(process.cwd(), buildDir), NODE_ENV: "production" },
    encoding: "utf8",
  });
  if (built.status !== 0) throw new Error(`remix build a échoué :\n${built.stdout}\n${built.stderr}`);
  const build = (await import(pathToFileURL(path.join(buildDir, "index.js")).href)) as ServerBuild;
  const handler = createApp({
    build,
    assetsDir: path.join(buildDir, "assets"),
    publicUrl: PUBLIC_URL,
    mode: "production",
    pageCacheSeconds: 0,
    validateSession: auth.validateSessionId,
    readSessionCookie: (header) => auth.lucia.readSessionCookie(header),
    sessionCookie: auth.sessionCookie,
    blankSessionCookie: () => auth.lucia.createBlankSessionCookie().serialize(),
  });
  app = http.createServer(handler);
  appPort = await listen(app);
  proxy = reverseProxy(appPort);
  proxyPort = await listen(proxy);
});

afterAll(async () => {
  await closeServer(proxy);
  await closeServer(app);
  rmSync(buildDir, { recursive: true, force: true });
});

describe("malformed requests", () => {
  const MALFORMED = [
    "/%E0%A4%A",
    "/annuaire/%",
    "/%",
    "/evenements/%ZZ",
    "/espace/%C0%AF%",
    "/build/%",
    "/styles.css%",
    "/connexion.data%",
  ];

  it.each(MALFORMED)("%s answers 400 with a French page, no stack and no path", async (target) => {
    expectFrenchPage(await send(appPort, target), 400, /Requête invalide/);
  });

  it("refuses a request target that is not a path (absolute form, asterisk) with 400, not 500", async () => {
    expectFrenchPage(await send(appPort, "http://evil.example/annuaire"), 400, /Requête invalide/);
    expectFrenchPage(await send(appPort, "*", { method: "OPTIONS" }), 400, /Requête invalide/);
  });

  it("keeps the security headers on those answers", async () => {
    const answer = await send(appPort, "/annuaire/%");
    expect(answer.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(answer.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("answers an unexpected error with 500 and the French page, and logs the error with its stack", async () => {
    const logged: unknown[] = [];
    const failing = express();
    failing.get("/", () => {
      throw new Error(`échec dans ${process.cwd()}/app/secret.server.ts`);
    });
    failing.use(finalErrorHandler((message, error) => logged.push(message, error)));
    const server = http.createServer(failing);
    const port = await listen(server);
    try {
      expectFrenchPage(await send(port, "/"), 500, /Une erreur est survenue/);
      expect(logged[1]).toBeInstanceOf(Error);
      expect((logged[1] as Error).stack).toContain("secret.server.ts");
    } finally {
      await closeServer(server);
    }
  });
});

describe("origin policy", () => {
  it("refuses a post whose Origin is only the request's own Host, with a French 403 page", async () => {
    const ownHost = `http://127.0.0.1:${appPort}`;
    const answer = await send(appPort, "/connexion", {
      ...form({ email: "x@exemple.test", password: "x" }),
      headers: { ...form({}).headers, Host: `127.0.0.1:${appPort}`, Origin: ownHost },
    });
    expectFrenchPage(answer, 403, /Requête refusée/);
  });

  it.each([["https://evil.example"], ["null"], ["http://portail.example.test"], ["https://portail.example.test:8443"], [""]])(
    "refuses Origin %j with a French 403 page",
    async (origin) => {
      const headers: Record<string, string> = { ...form({}).headers, Origin: origin };
      if (!origin) delete headers.Origin;
      expectFrenchPage(
        await send(appPort, "/connexion", { ...form({ email: "x@exemple.test", password: "x" }), headers }),
        403,
        /Requête refusée/,
      );
    },
  );

  it("lets a mail client's one-click unsubscribe post through without an Origin, and nothing else", async () => {
    const { digestUnsubscribeToken } = await import("../app/review/digest-subscription.server");
    const staff = await createUser(prisma, { role: "staff" });
    const oneClick = { "Content-Type": "application/x-www-form-urlencoded", Host: PUBLIC_HOST };
    const target = `/instruction/resume/desabonnement/${digestUnsubscribeToken(staff.id)}`;
    const body = "List-Unsubscribe=One-Click";
    expectFrenchPage(
      await send(appPort, target, { method: "POST", body, headers: { ...oneClick, Origin: "https://evil.example" } }),
      403,
      /Requête refusée/,
    );
    expectFrenchPage(await send(appPort, `${target}/autre`, { method: "POST", body, headers: oneClick }), 403, /Requête refusée/);
    expectFrenchPage(await send(appPort, "/deconnexion", { method: "POST", body, headers: oneClick }), 403, /Requête refusée/);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: staff.id } })).dailyDigest).toBe(true);
    const answer = await send(appPort, target, { method: "POST", body, headers: oneClick });
    expect(answer.status).toBeLessThan(400);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: staff.id } })).dailyDigest).toBe(false);
  });

  it("lets a mailing's one-click unsubscribe (/desabonnement) post through without an Origin, and not from another site", async () => {
    const { isSubscribed, unsubscribeToken } = await import("../app/mail/mailing-lists.server");
    const member = await createUser(prisma);
    const oneClick = { "Content-Type": "application/x-www-form-urlencoded", Host: PUBLIC_HOST };
    const target = `/desabonnement/${unsubscribeToken("actualites", member.id)}`;
    const body = "List-Unsubscribe=One-Click";
    expectFrenchPage(
      await send(appPort, target, { method: "POST", body, headers: { ...oneClick, Origin: "https://evil.example" } }),
      403,
      /Requête refusée/,
    );
    expect(await isSubscribed(member.id, "actualites")).toBe(true);
    const answer = await send(appPort, target, { method: "POST", body, headers: oneClick });
    expect(answer.status).toBeLessThan(400);
    expect(await isSubscribed(member.id, "actualites")).toBe(false);
    expect(await isSubscribed(member.id, "alertes-reseau")).toBe(true);
  });

  it("shows Remix PUBLIC_URL's origin whatever Host and X-Forwarded-* say", async () => {
    const probe = express();
    probe.set("trust proxy", true);
    probe.use(seenAtPublicUrl(PUBLIC_URL));
    probe.all("*", (req, res) => {
      const request = createRemixRequest(req, res);
      res.json({ url: request.url, host: request.headers.get("host"), forwardedHost: request.headers.get("x-forwarded-host") });
    });
    const server = http.createServer(probe);
    const port = await listen(server);
    try {
      const answer = await send(port, "/annuaire?q=caf%C3%A9", {
        headers: { Host: `127.0.0.1:${port}`, "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "http" },
      });
      expect(JSON.parse(answer.body)).toEqual({ url: `${PUBLIC_URL}/annuaire?q=caf%C3%A9`, host: PUBLIC_HOST, forwardedHost: null });
    } finally {
      await closeServer(server);
    }
  });
});

describe("behind a reverse proxy that rewrites Host", () => {
  it("answers a login with a wrong password with the form's French message, not 500", async () => {
    const answer = await send(proxyPort, "/connexion", form({ email: "personne@exemple.test", password: "pas le bon" }));
    expect(answer.status).toBe(401);
    expect(answer.body).toContain("Adresse e-mail ou mot de passe incorrect.");
  });

  it("answers the same post sent by the browser's script (single fetch) without 500", async () => {
    const answer = await send(proxyPort, "/connexion.data", form({ email: "personne@exemple.test", password: "pas le bon" }));
    expect(answer.status).toBeLessThan(500);
    expect(answer.body).toContain("Adresse e-mail ou mot de passe incorrect.");
  });

  it("refuses a post from another site with the French 403 page", async () => {
    const answer = await send(proxyPort, "/connexion", {
      ...form({ email: "x@exemple.test", password: "x" }),
      headers: { ...form({}).headers, Origin: "https://evil.example" },
    });
    expectFrenchPage(answer, 403, /Requête refusée/);
  });

  it("serves pages normally", async () => {
    const answer = await send(proxyPort, "/connexion", { headers: { Host: PUBLIC_HOST } });
    expect(answer.status).toBe(200);
    expect(answer.body).toContain("Se connecter");
  });
});

describe("client address behind TRUST_PROXY hops", () => {
  async function seenAddress(hops: number, forwardedFor?: string) {
    const probe = express();
    useClientAddress(probe, hops);
    probe.get("*", (req, res) => res.send(String(req.headers["x-client-ip"])));
    const server = http.createServer(probe);
    const port = await listen(server);
    try {
      const headers: Record<string, string> = { "x-client-ip": "1.1.1.1" };
      if (forwardedFor) headers["x-forwarded-for"] = forwardedFor;
      return (await send(port, "/", { headers })).body;
    } finally {
      await closeServer(server);
    }
  }

  it("takes the address the one trusted proxy saw, not an entry the client wrote before it", async () => {
    expect(await seenAddress(1, "6.6.6.6, 203.0.113.9")).toBe("203.0.113.9");
    expect(await seenAddress(2, "6.6.6.6, 198.51.100.7, 203.0.113.9")).toBe("198.51.100.7");
  });

  it("ignores X-Forwarded-For without a proxy, and a client-sent X-Client-IP always", async () => {
    expect(await seenAddress(0, "6.6.6.6")).toMatch(/127\.0\.0\.1$/);
    expect(await seenAddress(0)).toMatch(/127\.0\.0\.1$/);
  });
});

describe("redirect after login", () => {
  const HOSTILE = [
    "/\t/evil.example",
    "/\n/evil.example",
    "/\\evil.example",
    "/%5Cevil.example",
    "/./\\evil.example",
    "/..//evil.example",
    "/.//evil.example",
    "/%2e%2e//evil.example",
    "/%2F%2Fevil.example",
    "//evil.example",
    "https://evil.example/",
  ];

  it.each(HOSTILE)("the real login form never sends the user off-site for redirectTo=%j", async (redirectTo) => {
    const user = await createUser(prisma);
    const answer = await send(proxyPort, "/connexion", form({ email: user.email, password: TEST_PASSWORD, redirectTo }));
    expect(answer.status).toBe(302);
    const location = answer.headers.location ?? "";
    // Resolved as a browser resolves it (WHATWG URL: tabs dropped, backslashes read as slashes).
    expect(new URL(location, PUBLIC_URL).origin).toBe(new URL(PUBLIC_URL).origin);
    expect(location).toBe("/espace");
  });

  it("keeps a redirect on the portal, with its query and fragment", async () => {
    const user = await createUser(prisma);
    const answer = await send(
      proxyPort,
      "/connexion",
      form({ email: user.email, password: TEST_PASSWORD, redirectTo: "/evenements/fete?inscription=1#formulaire" }),
    );
    expect(answer.status).toBe(302);
    expect(answer.headers.location).toBe("/evenements/fete?inscription=1#formulaire");
  });
});
