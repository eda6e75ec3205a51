// SIGTERM (systemd's stop, a rolling restart behind nginx) while a request is under way: the
// request still gets its answer before the process exits.
import { request } from "node:http";
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FAULTS_MASTER_KEY, startPortal, type Portal } from "./portal";

const root = path.resolve(`.tmp/faults-portal-stopped-${process.pid}`);
let portal: Portal | undefined;

afterAll(async () => {
  await portal?.stop();
  rmSync(root, { recursive: true, force: true });
});

describe("portal stopped with SIGTERM", () => {
  it("answers the request under way, then exits", async () => {
    portal = await startPortal({ dataDir: path.join(root, "data"), env: { MEILI_MASTER_KEY: FAULTS_MASTER_KEY } });
    const { base, child } = portal;
    // A form post whose body is still arriving when the stop comes.
    const body = "email=personne%40exemple.fr&password=x";
    const answer = new Promise<number>((resolve, reject) => {
      const req = request(`${base}/connexion`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": body.length, Origin: base },
      });
      req.on("response", (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      });
      req.on("error", reject);
      req.write(body.slice(0, 10));
      setTimeout(() => {
        child.kill("SIGTERM");
        setTimeout(() => req.end(body.slice(10)), 1_000);
      }, 300);
    });
    const status = await answer;
    expect(status).toBeGreaterThanOrEqual(200);
    expect(status).toBeLessThan(500);
    expect(await portal.exited).toBe(0);
  });
});
