import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runningPortal, runningPortalFile } from "./running-portal";

let dir = "";
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("runningPortal", () => {
  it("tells a live portal from the file a killed one left behind", () => {
    dir = mkdtempSync(path.join(tmpdir(), "portal-"));
    expect(runningPortal(dir)).toBeNull();

    writeFileSync(runningPortalFile(dir), JSON.stringify({ host: "http://127.0.0.1:7701", pid: process.pid }));
    expect(runningPortal(dir)).toEqual({ host: "http://127.0.0.1:7701", pid: process.pid });

    // A process that has exited: its pid is free (or reused much later), as after a `kill -9` of the portal.
    const gone = spawnSync(process.execPath, ["-e", "console.log(process.pid)"], { encoding: "utf8" });
    writeFileSync(runningPortalFile(dir), JSON.stringify({ host: "http://127.0.0.1:7701", pid: Number(gone.stdout.trim()) }));
    expect(runningPortal(dir)).toBeNull();

    writeFileSync(runningPortalFile(dir), "{ not json");
    expect(runningPortal(dir)).toBeNull();
  });
});
