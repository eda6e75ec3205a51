// Which Meilisearch processes run on a data folder, read from /proc (Linux), and how a
// leftover one is stopped: two engines must never share one database folder.
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export type EngineProcess = { pid: number; ppid: number };

/** `<dataDir>/meilisearch.pid`: "<engine pid> <pid of the process that started it>". */
export const enginePidFile = (dataDir: string) => path.join(dataDir, "meilisearch.pid");

export function writeEnginePidFile(dataDir: string, enginePid: number) {
  writeFileSync(enginePidFile(dataDir), `${enginePid} ${process.pid}\n`);
}

export function removeEnginePidFile(dataDir: string, enginePid: number) {
  if (readEnginePidFile(dataDir)?.pid === enginePid) rmSync(enginePidFile(dataDir), { force: true });
}

export function readEnginePidFile(dataDir: string): { pid: number; owner: number } | null {
  const file = enginePidFile(dataDir);
  if (!existsSync(file)) return null;
  const [pid, owner] = readFileSync(file, "utf8").trim().split(/\s+/).map(Number);
  return Number.isInteger(pid) && pid > 0 ? { pid, owner: Number.isInteger(owner) ? owner : 0 } : null;
}

function readProc(pid: number, file: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/${file}`, "utf8");
  } catch {
    return null;
  }
}

/** A running (not zombie) process: its arguments and its parent. */
function processInfo(pid: number): { argv: string[]; ppid: number } | null {
  const stat = readProc(pid, "stat");
  if (!stat) return null;
  // "pid (comm) state ppid …": the command name may hold spaces and parentheses.
  const [state, ppid] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  if (state === "Z" || state === "X") return null;
  const cmdline = readProc(pid, "cmdline");
  if (cmdline === null) return null;
  return { argv: cmdline.split("\0").slice(0, -1), ppid: Number(ppid) };
}

export function isAlive(pid: number): boolean {
  return processInfo(pid) !== null;
}

function runsOnFolder(argv: string[], dbPath: string): boolean {
  const at = argv.indexOf("--db-path");
  return at >= 0 && argv[at + 1] === dbPath && argv.some((arg) => path.basename(arg) === "meilisearch");
}

/** Every live Meilisearch whose `--db-path` is this folder (including one still inside its setpriv wrapper). */
export function enginesOnFolder(dbPath: string): EngineProcess[] {
  if (!existsSync("/proc/self/stat")) return [];
  const engines: EngineProcess[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    const info = processInfo(pid);
    if (info && runsOnFolder(info.argv, dbPath)) engines.push({ pid, ppid: info.ppid });
  }
  return engines;
}

export class EngineInUseError extends Error {}

async function waitForExit(pid: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !isAlive(pid);
}

/** SIGTERM, then SIGKILL after a grace period. */
export async function terminate(pid: number, graceMs = 5_000) {
  try {
    process.kill(pid, "SIGTERM");
    if (await waitForExit(pid, graceMs)) return;
    process.kill(pid, "SIGKILL");
    await waitForExit(pid, 5_000);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return;
    throw new Error(`Impossible d'arrêter le Meilisearch resté actif (pid ${pid}) : ${(error as Error).message}`);
  }
}

/**
 * Before an engine starts on this folder: stops a leftover one (its owner is gone: the pid
 * file's owner is no longer its parent), and refuses when a living process still owns it.
 */
export async function clearFolder(dataDir: string, dbPath: string, log: (message: string) => void) {
  const recorded = readEnginePidFile(dataDir);
  for (const engine of enginesOnFolder(dbPath)) {
    const owned = recorded?.pid === engine.pid && recorded.owner === engine.ppid && engine.ppid !== process.pid;
    if (owned) {
      throw new EngineInUseError(
        `Un Meilisearch (pid ${engine.pid}) tourne déjà sur ${dbPath} pour le processus ${engine.ppid} : ` +
          "arrêtez ce processus (portail, réindexation ou sauvegarde) avant d'en démarrer un autre sur ce dossier.",
      );
    }
    log(`Meilisearch resté actif sur ce dossier (pid ${engine.pid}) : arrêt avant le démarrage.`);
    await terminate(engine.pid);
  }
}
