// /healthz and the data folder: a folder that cannot take a file, or nearly full, makes the
// portal "degraded" (503) and says why; a healthy one keeps it "ok".
import { rmSync, writeFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";

const { resetEnvCache, getEnv } = await import("../env.server");
const { dataFolderHealth } = await import("./data-folder-health.server");
const { loader } = await import("../routes/healthz");

const saved = { ...process.env };
afterEach(() => {
  for (const key of ["DATA_DIR_MIN_FREE_MB", "DATA_DIR_MIN_FREE_PERCENT"]) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  resetEnvCache();
  rmSync(getEnv().UPLOAD_DIR, { recursive: true, force: true });
});

const health = async () => {
  const response = await loader();
  return {
    status: response.status,
    body: (await response.json()) as { status: string; dataFolder: { status: string; freeBytes: number | null } },
  };
};

describe("data folder health", () => {
  it("is ok on a writable folder with room, and /healthz says ok", async () => {
    process.env.DATA_DIR_MIN_FREE_MB = "1";
    process.env.DATA_DIR_MIN_FREE_PERCENT = "0";
    resetEnvCache();
    const result = await dataFolderHealth();
    expect(result.status).toBe("ok");
    expect(result.freeBytes).toBeGreaterThan(1024 * 1024);
    expect(await health()).toMatchObject({ status: 200, body: { status: "ok", dataFolder: { status: "ok" } } });
  });

  it("is nearly full below the free-space threshold, and /healthz answers degraded", async () => {
    process.env.DATA_DIR_MIN_FREE_PERCENT = "100";
    resetEnvCache();
    expect((await dataFolderHealth()).status).toBe("nearly_full");
    expect(await health()).toMatchObject({ status: 503, body: { status: "degraded", dataFolder: { status: "nearly_full" } } });
  });

  it("is not writable when the uploads folder cannot be written, and /healthz answers degraded", async () => {
    process.env.DATA_DIR_MIN_FREE_MB = "0";
    process.env.DATA_DIR_MIN_FREE_PERCENT = "0";
    resetEnvCache();
    // A file where the uploads folder should be: nothing can be stored there.
    rmSync(getEnv().UPLOAD_DIR, { recursive: true, force: true });
    writeFileSync(getEnv().UPLOAD_DIR, "pas un dossier");
    expect((await dataFolderHealth()).status).toBe("not_writable");
    expect(await health()).toMatchObject({ status: 503, body: { status: "degraded", dataFolder: { status: "not_writable" } } });
  });
});
