// The session cookie, against a real SQLite database: it lives as long as the session.
import { describe, expect, it } from "vitest";
import { createUser, TEST_PASSWORD } from "../../prisma/factories/user";
import { resetEnvCache } from "../env.server";

process.env.LOGIN_DELAY_BASE_MS = "1";
resetEnvCache();

const { prisma } = await import("../db.server");
const { login } = await import("./login.server");
const { sessionCookie, validateSessionId, SESSION_ABSOLUTE_LIFETIME_MS } = await import("./sessions.server");

let addressCounter = 0;
/** A fresh address per use, from a documentation range, so no test shares another's counters. */
const newAddress = () => `203.0.113.${++addressCounter}`;
const attempt = (email: string, password: string, ip: string) => login({ email, password, ip, userAgent: "vitest" });

describe("the session cookie", () => {
  const attributes = (cookie: string) => {
    const parts = new Map(cookie.split("; ").map((p) => [p.split("=")[0].toLowerCase(), p.slice(p.indexOf("=") + 1)]));
    return { maxAge: Number(parts.get("max-age")), expires: new Date(parts.get("expires")!) };
  };

  it("expires with the session at login, not 400 days later", async () => {
    const user = await createUser(prisma);
    const result = await attempt(user.email, TEST_PASSWORD, newAddress());
    if (!result.ok) throw new Error("login refusé");
    const id = result.cookie.split(";")[0].split("=")[1];
    const session = await prisma.session.findUniqueOrThrow({ where: { id } });
    const { maxAge, expires } = attributes(result.cookie);
    expect(Math.abs(expires.getTime() - session.expiresAt.getTime())).toBeLessThan(1000);
    expect(maxAge).toBeLessThanOrEqual(2 * 3600);
    expect(maxAge).toBeGreaterThan(2 * 3600 - 60);
    expect(result.cookie).toContain("HttpOnly");
    expect(result.cookie).toContain("SameSite=Lax");
  });

  it("follows the session when the server extends it, never beyond the absolute lifetime", async () => {
    const user = await createUser(prisma);
    const result = await attempt(user.email, TEST_PASSWORD, newAddress());
    if (!result.ok) throw new Error("login refusé");
    const id = result.cookie.split(";")[0].split("=")[1];

    // Idle for 90 minutes: the server extends the session by two hours, and so does the cookie.
    await prisma.session.update({ where: { id }, data: { expiresAt: new Date(Date.now() + 30 * 60_000) } });
    let validated = await validateSessionId(id);
    expect(validated.fresh).toBe(true);
    let { maxAge, expires } = attributes(sessionCookie(validated.session!));
    let stored = await prisma.session.findUniqueOrThrow({ where: { id } });
    expect(Math.abs(expires.getTime() - stored.expiresAt.getTime())).toBeLessThan(1000);
    expect(maxAge).toBeGreaterThan(2 * 3600 - 60);

    // Eleven hours after login: extended only up to the twelfth hour.
    const createdAt = new Date(Date.now() - 11 * 3600_000);
    await prisma.session.update({ where: { id }, data: { createdAt, expiresAt: new Date(Date.now() + 30 * 60_000) } });
    validated = await validateSessionId(id);
    expect(validated.fresh).toBe(true);
    ({ maxAge, expires } = attributes(sessionCookie(validated.session!)));
    const end = createdAt.getTime() + SESSION_ABSOLUTE_LIFETIME_MS;
    expect(Math.abs(expires.getTime() - end)).toBeLessThan(1000);
    expect(maxAge).toBeLessThanOrEqual(3600);
    stored = await prisma.session.findUniqueOrThrow({ where: { id } });
    expect(Math.abs(stored.expiresAt.getTime() - end)).toBeLessThan(1000);
  });
});
