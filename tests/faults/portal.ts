// A real portal for the fault tests: started as `npm start` starts it (the command of the
// package's "start" script), on its own data folder, port and build folder.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Db } from "../../app/db.server";
import { freePort } from "../../search/server-process";
import { SESSION_COOKIE_NAME } from "../../app/accounts/session-cookie";

/** The key of every engine in these tests (the template folder's index was built with it). */
export const FAULTS_MASTER_KEY = "faults-master-key-0123456789";

export type Portal = {
  child: ChildProcess;
  base: string;
  /** PUBLIC_URL's origin: what every state-changing request must send as `Origin` (decision 010). */
  origin: string;
  /** What the portal has logged so far. */
  output: () => string;
  /** The same, line by line, with when each line reached this process (Date.now()). */
  lines: () => { at: number; text: string }[];
  exited: Promise<number | null>;
  stop: () => Promise<void>;
};

/** The "start" script as a command line run without a shell: a single process, `node …`. */
export function startCommand(): string[] {
  const { scripts } = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> };
  const [program, ...args] = scripts.start.split(/\s+/);
  if (program !== "node") throw new Error(`« npm start » doit lancer un seul processus node, pas : ${scripts.start}`);
  return [process.execPath, ...args];
}

/** Starts a portal on `dataDir`; a folder that does not exist yet starts as a copy of the seeded template (global-setup.ts). */
export async function startPortal(options: { dataDir: string; env?: Record<string, string> }): Promise<Portal> {
  const template = process.env.FAULTS_TEMPLATE_DIR;
  if (template && !existsSync(options.dataDir)) cpSync(template, options.dataDir, { recursive: true });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // Several processes behind one address share a PUBLIC_URL (tests/processes); one alone is its own.
  const publicUrl = options.env?.PUBLIC_URL ?? base;
  const [program, ...args] = startCommand();
  let output = "";
  const lines: { at: number; text: string }[] = [];
  const child = spawn(program, args, {
    stdio: ["ignore", "pipe", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATA_DIR: options.dataDir,
      DATABASE_URL: `file:${path.join(options.dataDir, "portail.db")}`,
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: publicUrl,
      MEILI_HOST: "",
      MEILI_MASTER_KEY: "",
      SEED_DEMO: "1",
      // Nothing leaves this machine: no address is looked up (the map has its stand-in in e2e/).
      GEOCODER_URL: "off",
      BUILD_DIR: ".tmp/build-faults",
      ...options.env,
    },
  });
  let partial = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    const text = chunk.toString();
    output += text;
    // A line cut between two chunks counts when its end arrives.
    const complete = (partial + text).split("\n");
    partial = complete.pop()!;
    const at = Date.now();
    for (const line of complete) lines.push({ at, text: line });
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const portal: Portal = {
    child,
    base,
    origin: new URL(publicUrl).origin,
    output: () => output,
    lines: () => lines,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
  await waitUntil(
    async () => {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`Le portail s'est arrêté au démarrage (code ${child.exitCode}) :\n${output}`);
      await fetch(`${base}/healthz`);
      return true;
    },
    240_000,
    "démarrage du portail",
  );
  return portal;
}

export async function waitUntil(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch (error) {
      if (error instanceof Error && error.message.startsWith("Le portail s'est arrêté")) throw error;
    }
    if (Date.now() > deadline) throw new Error(`Délai dépassé : ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export type Health = {
  status: "ok" | "degraded";
  search: "up" | "down";
  pendingReindex: number | null;
  searchEngine: {
    kind: string;
    state: string;
    indexReady: boolean;
    restarts: number;
    lastExitCode: number | null;
    lastExitSignal: string | null;
  } | null;
};

export async function health(portal: Portal): Promise<Health> {
  return (await (await fetch(`${portal.base}/healthz`)).json()) as Health;
}

/** A member of these associations, signed in with a session made directly. */
export async function memberSession(db: Db, associationIds: string[]) {
  const user = await db.user.findUniqueOrThrow({ where: { email: "admin@ccas-besancon.test" } });
  const sessionId = randomBytes(20).toString("hex");
  await db.session.create({ data: { id: sessionId, userId: user.id, expiresAt: new Date(Date.now() + 3600_000) } });
  for (const associationId of associationIds) {
    await db.membership.upsert({
      where: { userId_associationId: { userId: user.id, associationId } },
      create: { userId: user.id, associationId },
      update: {},
    });
  }
  return sessionId;
}

export type EditableAssociation = Awaited<ReturnType<typeof editableAssociations>>[number];

export function editableAssociations(db: Db, take: number) {
  return db.association.findMany({
    where: { status: "validated" },
    take,
    orderBy: { name: "asc" },
    include: { fields: true, publics: true },
  });
}

/** Posts the profile form with a new word in the social object; answers the HTTP status. */
export async function editProfile(portal: Portal, sessionId: string, a: EditableAssociation, word: string) {
  const form = new URLSearchParams({
    name: a.name,
    socialObject: `${a.socialObject} ${word}`,
    address: a.address,
    postcode: a.postcode,
    city: a.city,
    district: a.district,
  });
  for (const f of a.fields) form.append("fields", f.slug);
  for (const p of a.publics) form.append("publics", p.slug);
  const response = await fetch(`${portal.base}/espace/associations/${a.id}/profil`, {
    method: "POST",
    body: form,
    redirect: "manual",
    headers: { Origin: portal.origin, Cookie: `${SESSION_COOKIE_NAME}=${sessionId}`, "Content-Type": "application/x-www-form-urlencoded" },
  });
  return response.status;
}

/** Random 12-letter words: far enough apart that typo tolerance never confuses two of them. */
export function randomWord() {
  return [...randomBytes(12)].map((b) => String.fromCharCode(97 + (b % 26))).join("");
}

/** Every document of the directory index, by id, next to what the database says it should be. */
export async function indexAndDatabase(db: Db, host: string, apiKey: string) {
  const { createSearchClient } = await import("../../search/engine");
  const { loadDocuments } = await import("../../search/sync");
  const { indexName } = await import("../../search/settings");
  const client = createSearchClient({ host, apiKey });
  const expected = await loadDocuments(db);
  const { results } = await client.index(indexName("")).getDocuments({ limit: 10_000 });
  return { expected, indexed: new Map(results.map((d) => [d.id as string, d])) };
}
