// A short cache of the public pages as anonymous visitors see them (the directory, calls,
// events, charter). Those pages are the same for every visitor without a cookie, and most of
// their cost is the React render: during a rush (a newsletter, the annual meeting) one render
// a second serves everyone. Each answer still gets its own CSP nonce, and any state-changing
// request empties the cache, so a change made through the portal shows at once. Several processes on
// one PostgreSQL database tell each other through a bus (page-cache-bus.ts, decision 015).
import type { NextFunction, Request, Response } from "express";
import { LRUCache } from "lru-cache";
import type { PageCacheBus } from "./page-cache-bus";

// The body is kept as text: every hit substitutes the nonce in it.
type CachedPage = { status: number; headers: [string, string | string[]][]; body: string; nonce: string };

export type PageCacheOptions = {
  ttlSeconds: number;
  /** Paths (without query) whose anonymous GET answers may be shared. */
  cacheable: RegExp;
  /** The per-request nonce the page was rendered with. */
  nonceOf: (res: Response) => string;
  maxBytes?: number;
  /** The other processes' changes (PostgreSQL); without it, this process is the only one. */
  bus?: PageCacheBus | null;
};

// Set again for every answer, or describing the bytes on the wire rather than the page.
const PER_RESPONSE_HEADERS = new Set([
  "content-security-policy",
  "set-cookie",
  "content-length",
  "content-encoding",
  "vary",
  "date",
  "etag",
  "connection",
  "keep-alive",
  "transfer-encoding",
]);

export const PUBLIC_PAGES =
  /^\/(?:annuaire(?:\/[^/.]+)?|appels-a-projets(?:\/[^/.]+)?|evenements(?:\/[^/.]+)?|charte(?:\/signataires|\/versions(?:\/[^/.]+)?)?|accessibilite|donnees-personnelles|financements)?$/;

export function createPageCache(options: PageCacheOptions) {
  const pages = new LRUCache<string, CachedPage>({
    ttl: options.ttlSeconds * 1000,
    maxSize: options.maxBytes ?? 32 * 1024 * 1024,
    sizeCalculation: (page) => page.body.length + 512,
  });
  // Renders under way, so that a rush of identical requests waits for one render.
  const rendering = new Map<string, Promise<CachedPage | null>>();
  // Bumped by every change: a render that began before a change is not kept.
  let generation = 0;

  function clear() {
    generation++;
    pages.clear();
  }
  // Another process's change, or a connection lost or back (a notification may have been missed meanwhile).
  options.bus?.subscribe(clear);

  function send(page: CachedPage, res: Response) {
    const nonce = options.nonceOf(res);
    for (const [name, value] of page.headers) res.setHeader(name, value);
    res.setHeader("X-Page-Cache", "hit");
    res.status(page.status).end(page.nonce ? page.body.replaceAll(page.nonce, nonce) : page.body);
  }

  /** Keeps what the rest of the chain writes, and resolves with it once the answer is complete. */
  function capture(res: Response): Promise<CachedPage | null> {
    const chunks: Buffer[] = [];
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    const keep = (chunk: unknown, encoding: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === "function") return;
      chunks.push(
        Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"),
      );
    };
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      return write(chunk, ...rest);
    }) as Response["write"];
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      return end(chunk, ...rest);
    }) as Response["end"];
    return new Promise((resolve) => {
      res.once("finish", () => {
        if (res.statusCode !== 200 || res.getHeader("set-cookie") !== undefined) return resolve(null);
        const headers = Object.entries(res.getHeaders())
          .filter(([name]) => !PER_RESPONSE_HEADERS.has(name))
          .map(([name, value]) => [name, Array.isArray(value) ? value : String(value)] as [string, string | string[]]);
        resolve({ status: 200, headers, body: Buffer.concat(chunks).toString("utf8"), nonce: options.nonceOf(res) });
      });
      res.once("close", () => resolve(null));
    });
  }

  function middleware(req: Request, res: Response, next: NextFunction) {
    if (req.method === "HEAD") return next();
    if (req.method !== "GET") {
      // Whatever it changes, the next visitor sees it: empty now and once the change is done.
      clear();
      res.once("finish", clear);
      // Finished or cut short, the change may be committed: the other processes empty theirs too.
      res.once("close", () => options.bus?.publish());
      return next();
    }
    if (options.ttlSeconds <= 0 || req.headers.cookie || req.headers.authorization || !options.cacheable.test(req.path)) return next();
    if (options.bus && !options.bus.listening()) {
      // Deaf to the other processes: what they change would not empty the cache.
      res.setHeader("X-Page-Cache", "bypass");
      return next();
    }
    const key = req.originalUrl;
    const cached = pages.get(key);
    if (cached) return send(cached, res);
    const underway = rendering.get(key);
    if (underway) {
      void underway.then((page) => (page ? send(page, res) : next()));
      return;
    }
    const startedAt = generation;
    const done = capture(res).then((page) => {
      rendering.delete(key);
      if (page && generation === startedAt) pages.set(key, page);
      return page;
    });
    rendering.set(key, done);
    res.setHeader("X-Page-Cache", "miss");
    next();
  }

  /** A change made outside a request (a background sync): this process's cache and the others' emptied. */
  function changed() {
    clear();
    options.bus?.publish();
  }

  return { middleware, clear, changed, size: () => pages.size };
}
