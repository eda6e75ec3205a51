// The public page cache behind real HTTP: what is shared, what never is, and when it empties.
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import compression from "compression";
import express from "express";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { createPageCache, PUBLIC_PAGES } from "./page-cache";
import { connectPageCacheBus, type PageCacheBus, type PageCacheEvent } from "./page-cache-bus";

type Harness = { base: string; renders: () => number; close: () => Promise<void>; release: () => void };

async function start(ttlSeconds = 30, renderDelayMs = 0, bus: PageCacheBus | null = null): Promise<Harness> {
  let renders = 0;
  let waiting: (() => void)[] = [];
  const app = express();
  app.use((_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    res.setHeader("Content-Security-Policy", `script-src 'nonce-${res.locals.cspNonce}'`);
    next();
  });
  app.use(compression({ threshold: 0 }));
  app.use(createPageCache({ ttlSeconds, cacheable: PUBLIC_PAGES, nonceOf: (res) => res.locals.cspNonce as string, bus }).middleware);
  app.post("*", (_req, res) => {
    res.status(303).setHeader("Location", "/annuaire").end();
  });
  app.get("*", async (req, res) => {
    renders++;
    if (renderDelayMs) await new Promise<void>((resolve) => (waiting.push(resolve), setTimeout(resolve, renderDelayMs)));
    if (req.query.cookie) res.setHeader("Set-Cookie", "ccas_flash=x");
    res.status(req.query.status ? Number(req.query.status) : 200).type("html");
    const nonce = res.locals.cspNonce as string;
    // Written in pieces, as a streamed render is.
    res.write(`<!doctype html><script nonce="${nonce}">1</script>`);
    res.write(`<p>rendu n°${renders} de ${req.originalUrl}</p>`);
    res.end(`<script nonce="${nonce}">2</script>`);
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    renders: () => renders,
    release: () => {
      for (const resolve of waiting) resolve();
      waiting = [];
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function noncesOf(html: string) {
  return new Set([...html.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]));
}

function cspNonce(response: Response) {
  return /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
}

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

describe("public page cache", () => {
  it("renders an anonymous public page once and gives each answer its own nonce", async () => {
    harness = await start();
    const first = await fetch(`${harness.base}/annuaire?q=logement`);
    const firstHtml = await first.text();
    const second = await fetch(`${harness.base}/annuaire?q=logement`);
    const secondHtml = await second.text();

    expect(first.headers.get("x-page-cache")).toBe("miss");
    expect(second.headers.get("x-page-cache")).toBe("hit");
    expect(harness.renders()).toBe(1);
    expect(secondHtml.replace(/nonce="[^"]+"/g, "")).toBe(firstHtml.replace(/nonce="[^"]+"/g, ""));
    // Every script carries the nonce of its own answer's policy, never the first visitor's.
    expect([...noncesOf(firstHtml)]).toEqual([cspNonce(first)]);
    expect([...noncesOf(secondHtml)]).toEqual([cspNonce(second)]);
    expect(cspNonce(second)).not.toBe(cspNonce(first));
  });

  it("keys on the whole address and compresses a cached page like a fresh one", async () => {
    harness = await start();
    await (await fetch(`${harness.base}/annuaire?q=logement`)).text();
    await (await fetch(`${harness.base}/annuaire?q=emploi`)).text();
    expect(harness.renders()).toBe(2);

    // fetch inflates the body itself: readable text proves the gzip stream was whole.
    const zipped = await fetch(`${harness.base}/annuaire?q=emploi`, { headers: { "Accept-Encoding": "gzip" } });
    expect(zipped.headers.get("x-page-cache")).toBe("hit");
    expect(zipped.headers.get("content-encoding")).toBe("gzip");
    expect(await zipped.text()).toContain("rendu n°2 de /annuaire?q=emploi");
  });

  it("never shares pages of signed-in visitors, private pages, errors or answers setting a cookie", async () => {
    harness = await start();
    for (const [path, init] of [
      ["/annuaire", { headers: { Cookie: "auth_session=abc" } }],
      ["/espace", {}],
      ["/annuaire?status=404", {}],
      ["/annuaire?cookie=1", {}],
    ] as const) {
      const before = harness.renders();
      await (await fetch(`${harness.base}${path}`, init)).text();
      const again = await fetch(`${harness.base}${path}`, init);
      await again.text();
      expect(again.headers.get("x-page-cache"), path).not.toBe("hit");
      expect(harness.renders() - before, path).toBe(2);
    }
  });

  it("empties on any state-changing request", async () => {
    harness = await start();
    await (await fetch(`${harness.base}/charte`)).text();
    await fetch(`${harness.base}/annuaire/une-association`, { method: "POST", redirect: "manual" });
    const after = await fetch(`${harness.base}/charte`);
    expect(await after.text()).toContain("rendu n°2");
    expect(after.headers.get("x-page-cache")).toBe("miss");
  });

  it("forgets a page after its time to live", async () => {
    harness = await start(0.2);
    await (await fetch(`${harness.base}/evenements`)).text();
    await new Promise((r) => setTimeout(r, 350));
    expect(await (await fetch(`${harness.base}/evenements`)).text()).toContain("rendu n°2");
  });

  it("lets a rush of identical requests wait for a single render", async () => {
    harness = await start(30, 100);
    const answers = await Promise.all(Array.from({ length: 10 }, () => fetch(`${harness!.base}/appels-a-projets`)));
    const pages = await Promise.all(answers.map(async (a) => ({ html: await a.text(), nonce: cspNonce(a) })));
    expect(harness.renders()).toBe(1);
    for (const page of pages) expect([...noncesOf(page.html)]).toEqual([page.nonce]);
    expect(new Set(pages.map((p) => p.nonce)).size).toBe(10);
  });

  it("does not keep a render that began before a change", async () => {
    harness = await start(30, 300);
    const rendering = fetch(`${harness.base}/annuaire`).then((r) => r.text());
    await new Promise((r) => setTimeout(r, 50));
    await fetch(`${harness.base}/annuaire`, { method: "POST", redirect: "manual" });
    harness.release();
    await rendering;
    const next = await fetch(`${harness.base}/annuaire`);
    await next.text();
    expect(next.headers.get("x-page-cache")).toBe("miss");
    expect(harness.renders()).toBe(2);
  });
});

/** Resolves on the bus's next event of this kind. */
function next(bus: PageCacheBus, kind: PageCacheEvent) {
  return new Promise<void>((resolve) => {
    const stop = bus.subscribe((event) => {
      if (event !== kind) return;
      stop();
      resolve();
    });
  });
}

async function listening(bus: PageCacheBus) {
  if (!bus.listening()) await next(bus, "back");
}

async function get(base: string, path: string) {
  const answer = await fetch(`${base}${path}`);
  return { cache: answer.headers.get("x-page-cache"), html: await answer.text() };
}

// Two portal processes on one PostgreSQL database, each with its own cache and its own bus connection.
describe.runIf(process.env.TEST_POSTGRESQL_URL)("public page caches of several processes (PostgreSQL)", () => {
  const url = process.env.DATABASE_URL!;
  const buses: PageCacheBus[] = [];
  const others: Harness[] = [];
  afterEach(async () => {
    await Promise.all(others.splice(0).map((h) => h.close()));
    await Promise.all(buses.splice(0).map((b) => b.close()));
  });

  async function twoProcesses(minDelayMs = 50) {
    const [busA, busB] = [connectPageCacheBus(url, { minDelayMs }), connectPageCacheBus(url, { minDelayMs })];
    buses.push(busA, busB);
    await Promise.all([listening(busA), listening(busB)]);
    const a = await start(30, 0, busA);
    const b = await start(30, 0, busB);
    others.push(a, b);
    return { a, b, busA, busB };
  }

  it("a change served by one process empties the other's cache", async () => {
    const { a, b, busB } = await twoProcesses();
    for (const h of [a, b]) {
      await get(h.base, "/annuaire");
      expect((await get(h.base, "/annuaire")).cache).toBe("hit");
    }
    const heard = next(busB, "remote");
    await fetch(`${a.base}/annuaire/une-association`, { method: "POST", redirect: "manual" });
    await heard;
    const after = await get(b.base, "/annuaire");
    expect(after.cache).toBe("miss");
    expect(after.html).toContain("rendu n°2");
    expect((await get(a.base, "/annuaire")).cache).toBe("miss");
  });

  it("is not used while its connection is down, and is emptied once it is back", async () => {
    // Reconnecting after a while, so that a request comes in while it is down.
    const { b, busB } = await twoProcesses(500);
    await get(b.base, "/charte");
    expect((await get(b.base, "/charte")).cache).toBe("hit");

    const lost = next(busB, "lost");
    const back = next(busB, "back");
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1", [
        `ccas-page-cache-${busB.id}`,
      ]);
    } finally {
      await admin.end();
    }
    await lost;
    // A change made meanwhile elsewhere would not be heard: no page is served from the cache.
    if (!busB.listening()) expect((await get(b.base, "/charte")).cache).toBe("bypass");
    await back;
    const afterwards = await get(b.base, "/charte");
    expect(afterwards.cache).toBe("miss");
    expect((await get(b.base, "/charte")).cache).toBe("hit");
  });
});
