// The portal that runs on a data folder, from the file it writes at start-up and removes at a clean stop.
// A `kill -9` leaves the file behind: its pid tells a live portal from a dead one.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export const runningPortalFile = (dataDir: string) => path.join(dataDir, "meili-running.json");

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, owned by another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The live portal on that folder (its pid and its bundled engine's address), or null. */
export function runningPortal(dataDir: string): { host: string; pid: number } | null {
  const file = runningPortalFile(dataDir);
  if (!existsSync(file)) return null;
  try {
    const running = JSON.parse(readFileSync(file, "utf8")) as { host: string; pid: number };
    return Number.isInteger(running.pid) && isAlive(running.pid) ? running : null;
  } catch {
    return null;
  }
}
