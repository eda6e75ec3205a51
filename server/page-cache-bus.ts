// Empties the public page cache of every portal process sharing a PostgreSQL database (decision 015):
// a process that served a state-changing request NOTIFYs a channel; every other process LISTENs on
// its own connection and empties its cache. While that connection is down a notification could be
// missed, so the cache is not used then, and it is emptied again once the connection is back.
import { randomBytes } from "node:crypto";
import pg from "pg";

export const PAGE_CACHE_CHANNEL = "ccas_page_cache";

export type PageCacheEvent = "remote" | "lost" | "back";

export type PageCacheBus = {
  /** This process's name on the channel (its own notifications come back to it and are ignored). */
  id: string;
  /** True while listening; otherwise the page cache is bypassed. */
  listening(): boolean;
  /** Tells the other processes that something changed (sent once the connection is back if it is down). */
  publish(): void;
  /** "remote": another process changed something; "lost" / "back": the connection dropped / listens again. */
  subscribe(listener: (event: PageCacheEvent) => void): () => void;
  close(): Promise<void>;
};

export type PageCacheBusOptions = {
  log?: (message: string) => void;
  /** First wait before reconnecting; it doubles up to maxDelayMs. */
  minDelayMs?: number;
  maxDelayMs?: number;
};

export function connectPageCacheBus(
  url: string,
  { log = () => {}, minDelayMs = 250, maxDelayMs = 10_000 }: PageCacheBusOptions = {},
): PageCacheBus {
  const id = randomBytes(8).toString("hex");
  const listeners = new Set<(event: PageCacheEvent) => void>();
  const emit = (event: PageCacheEvent) => {
    for (const listener of listeners) listener(event);
  };
  let client: pg.Client | null = null;
  let up = false;
  let everUp = false;
  let closed = false;
  let pending = false;
  let delay = minDelayMs;
  let retry: NodeJS.Timeout | undefined;

  function send(c: pg.Client) {
    pending = false;
    c.query("SELECT pg_notify($1, $2)", [PAGE_CACHE_CHANNEL, id]).catch(() => {
      pending = true;
    });
  }

  function lost(c: pg.Client) {
    if (client !== c) return;
    client = null;
    c.end().catch(() => {});
    if (up) {
      up = false;
      log("Connexion d'invalidation du cache des pages perdue : cache désactivé jusqu'à son retour.");
      emit("lost");
    }
    if (closed) return;
    retry = setTimeout(connect, delay);
    retry.unref();
    delay = Math.min(delay * 2, maxDelayMs);
  }

  async function connect() {
    if (closed) return;
    const c = new pg.Client({ connectionString: url, application_name: `ccas-page-cache-${id}` });
    client = c;
    c.on("error", () => lost(c));
    c.on("end", () => lost(c));
    c.on("notification", (message) => {
      if (message.channel === PAGE_CACHE_CHANNEL && message.payload !== id) emit("remote");
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${PAGE_CACHE_CHANNEL}`);
    } catch {
      return lost(c);
    }
    if (client !== c || closed) return void c.end().catch(() => {});
    up = true;
    delay = minDelayMs;
    if (everUp) log("Connexion d'invalidation du cache des pages rétablie.");
    everUp = true;
    emit("back");
    if (pending) send(c);
  }

  void connect();
  return {
    id,
    listening: () => up,
    publish() {
      if (up && client) send(client);
      else pending = true;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      const c = client;
      client = null;
      up = false;
      await c?.end().catch(() => {});
    },
  };
}
