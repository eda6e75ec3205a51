// The bundled engine as a process: its key off the command line, a clean environment, one
// engine per data folder, and no engine outliving the process that started it.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { enginePidFile, enginesOnFolder, isAlive } from "./engine-processes";
import {
  bundledBinaryPath,
  EngineInUseError,
  freePort,
  startBundledMeilisearch,
  waitForHealthy,
  type RunningMeilisearch,
} from "./server-process";

const root = path.join(process.env.TEST_ROOT!, `server-process-${process.pid}`);
const masterKey = "server-process-test-key-0123456789";
const started: RunningMeilisearch[] = [];
const strays: ChildProcess[] = [];
let folderCount = 0;

function newFolder() {
  const dir = path.join(root, `data-${++folderCount}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

async function start(dataDir: string, options: { preferredPort?: number } = {}) {
  const meili = await startBundledMeilisearch({ dataDir, masterKey, ...options });
  started.push(meili);
  return meili;
}

async function until(check: () => boolean, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Délai dépassé : ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((m) => m.stop()));
  for (const child of strays.splice(0)) child.kill("SIGKILL");
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("the bundled Meilisearch process", () => {
  it("gets its master key through its environment, never on its command line", async () => {
    const meili = await start(newFolder());
    const cmdline = readFileSync(`/proc/${meili.child.pid}/cmdline`, "utf8");
    expect(cmdline).toContain("--db-path");
    expect(cmdline).not.toContain(masterKey);
    // The key is in force all the same.
    expect((await fetch(`${meili.host}/indexes`)).status).toBe(401);
    expect((await fetch(`${meili.host}/indexes`, { headers: { Authorization: `Bearer ${masterKey}` } })).status).toBe(200);
  });

  it("starts whatever MEILI_* variables the portal's environment holds (one made it exit with code 2)", async () => {
    process.env.MEILI_LOG_LEVEL = "bavard";
    process.env.MEILI_HTTP_ADDR = "not-an-address";
    try {
      const meili = await start(newFolder());
      expect((await fetch(`${meili.host}/health`)).ok).toBe(true);
    } finally {
      delete process.env.MEILI_LOG_LEVEL;
      delete process.env.MEILI_HTTP_ADDR;
    }
  });

  it("moves to another port when the one it prefers is taken by a server that never answers", async () => {
    const squatter = net.createServer();
    const taken = await freePort();
    await new Promise<void>((resolve) => squatter.listen(taken, "127.0.0.1", resolve));
    try {
      const meili = await start(newFolder(), { preferredPort: taken });
      expect(meili.port).not.toBe(taken);
      expect((await fetch(`${meili.host}/health`)).ok).toBe(true);
    } finally {
      squatter.close();
    }
  });

  it("does not mistake another Meilisearch that took its port for itself", async () => {
    const other = await startBundledMeilisearch({ dataDir: newFolder(), masterKey: "another-portal-master-key-0123" });
    started.push(other);
    const meili = await start(newFolder(), { preferredPort: other.port });
    expect(meili.port).not.toBe(other.port);
    expect(isAlive(meili.child.pid!)).toBe(true);
    expect((await fetch(`${meili.host}/indexes`, { headers: { Authorization: `Bearer ${masterKey}` } })).status).toBe(200);
  });

  it("stops an engine left running on the folder before starting, so only one runs on it", async () => {
    const dataDir = newFolder();
    const dbPath = path.join(dataDir, "meilisearch");
    // An engine whose owner is gone (started without a watchdog, as before): nothing ties it to this test.
    const port = await freePort();
    const leftover = spawn(
      bundledBinaryPath(),
      ["--db-path", dbPath, "--http-addr", `127.0.0.1:${port}`, "--no-analytics", "--master-key", masterKey],
      {
        stdio: "ignore",
        detached: true,
      },
    );
    strays.push(leftover);
    await waitForHealthy(`http://127.0.0.1:${port}`, 30_000, leftover);

    const meili = await start(dataDir);
    expect(isAlive(leftover.pid!)).toBe(false);
    expect(enginesOnFolder(dbPath).map((e) => e.pid)).toEqual([meili.child.pid]);
  });

  it("dies with the process that started it, even on kill -9, and refuses a second engine while that process lives", async () => {
    const dataDir = newFolder();
    const dbPath = path.join(dataDir, "meilisearch");
    const owner = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "--input-type=module",
        "-e",
        `import { startBundledMeilisearch } from "./search/server-process.ts";
         await startBundledMeilisearch({ dataDir: ${JSON.stringify(dataDir)}, masterKey: ${JSON.stringify(masterKey)} });
         console.log("ready");
         setInterval(() => {}, 1000);`,
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    strays.push(owner);
    await new Promise<void>((resolve) => owner.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve()));
    const [engine] = enginesOnFolder(dbPath);
    expect(engine.ppid).toBe(owner.pid);
    expect(readFileSync(enginePidFile(dataDir), "utf8").trim()).toBe(`${engine.pid} ${owner.pid}`);

    await expect(startBundledMeilisearch({ dataDir, masterKey })).rejects.toBeInstanceOf(EngineInUseError);
    expect(isAlive(engine.pid)).toBe(true);

    owner.kill("SIGKILL");
    await until(() => !isAlive(engine.pid), "fin du Meilisearch après kill -9 de son parent");

    const meili = await start(dataDir);
    expect(enginesOnFolder(dbPath).map((e) => e.pid)).toEqual([meili.child.pid]);
  });
});
