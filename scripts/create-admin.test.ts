// `npm run admin:create`: the first administrator of a portal started without the demo, with a
// link to choose the password (never a password on the command line), and clear refusals.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const { prisma } = await import("../app/db.server");
const { resetPassword } = await import("../app/accounts/password-reset.server");
const { verifyPassword } = await import("../app/accounts/passwords.server");

function createAdmin(...args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", "scripts/create-admin-cli.ts", ...args], { encoding: "utf8", env: process.env });
}

describe("npm run admin:create", () => {
  it("creates an administrator whose link sets the password, and refuses the same address twice", async () => {
    const run = createAdmin("--email", "Claire.Martin@CCAS-Dole.test", "--name", "Claire Martin");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const link = run.stdout.match(/\/mot-de-passe\/([\w-]+)/);
    expect(link).not.toBeNull();
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "claire.martin@ccas-dole.test" } });
    expect(user).toMatchObject({ role: "admin", name: "Claire Martin", disabledAt: null });

    expect(await resetPassword(link![1], "une phrase de passe pour Dole")).toBe(true);
    const updated = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(updated.passwordHash, "une phrase de passe pour Dole")).toBe(true);

    const again = createAdmin("--email", "claire.martin@ccas-dole.test", "--name", "Claire Martin");
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("Un compte existe déjà avec cette adresse.");
    expect(await prisma.user.count({ where: { email: "claire.martin@ccas-dole.test" } })).toBe(1);
  }, 60_000);

  it("refuses a missing or malformed address and a missing name, in French, creating nothing", async () => {
    const before = await prisma.user.count();
    const run = createAdmin("--email", "pas-une-adresse");
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/adresse/i);
    expect(run.stderr).toContain("Usage : npm run admin:create");
    expect(await prisma.user.count()).toBe(before);
  }, 60_000);
});
