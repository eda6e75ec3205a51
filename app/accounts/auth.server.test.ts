// Login throttling and the session cookie, against a real SQLite database (docs/decisions/011).
import { describe, expect, it } from "vitest";
import { createUser, TEST_PASSWORD } from "../../prisma/factories/user";
import { resetEnvCache } from "../env.server";

// The account-wide delay is real but tiny here: base 1 ms, so at most 16 ms per attempt.
process.env.LOGIN_DELAY_BASE_MS = "1";
resetEnvCache();

const { prisma } = await import("../db.server");
const { login, sessionCookie, validateSessionId, SESSION_ABSOLUTE_LIFETIME_MS } = await import("./auth.server");
const { accountDelayMs, loginRefusalMessage, LOGIN_ADDRESS_MAX_FAILURES } = await import("./login-throttle.server");

let addressCounter = 0;
/** A fresh address per use, from a documentation range, so no test shares another's counters. */
const newAddress = () => {
  addressCounter += 1;
  return `198.51.${Math.floor(addressCounter / 250)}.${(addressCounter % 250) + 1}`;
};
const attempt = (email: string, password: string, ip: string) => login({ email, password, ip, userAgent: "vitest" });

async function failTimes(times: number, email: string, ip: string) {
  for (let i = 0; i < times; i++) {
    const result = await attempt(email, `mauvais mot de passe ${i}`, ip);
    expect(result.ok).toBe(false);
  }
}

describe("login throttling", () => {
  it("stops one account from one address after ten failures, while another user behind that address still logs in", async () => {
    const [guessed, colleague] = [await createUser(prisma), await createUser(prisma)];
    const cityHall = newAddress();
    await failTimes(10, guessed.email, cityHall);
    const refused = await attempt(guessed.email, TEST_PASSWORD, cityHall);
    expect(refused).toMatchObject({ ok: false, reason: "throttled", refusal: { scope: "pair" } });
    if (refused.ok || refused.reason !== "throttled") throw new Error("unreachable");
    expect(refused.refusal.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.refusal.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    expect(loginRefusalMessage(refused.refusal)).toMatch(/^Trop de tentatives de connexion échouées pour ce compte/);
    expect(await attempt(colleague.email, TEST_PASSWORD, cityHall)).toMatchObject({ ok: true });
  });

  it("lets the victim log in from another address however often an attacker failed, only slowing attempts down", async () => {
    const victim = await createUser(prisma);
    const attacker = newAddress();
    await failTimes(12, victim.email, attacker);
    expect(await attempt(victim.email, TEST_PASSWORD, attacker)).toMatchObject({ ok: false, reason: "throttled" });
    const atHome = await attempt(victim.email, TEST_PASSWORD, newAddress());
    expect(atHome).toMatchObject({ ok: true });
    // 12 failures on the account: the attempt waited, it was not refused.
    expect(atHome.delayMs).toBe(accountDelayMs(12, 1));
    expect(atHome.delayMs).toBeGreaterThan(0);
  });

  it("never locks an account attacked from many addresses: the delay grows, capped, and a success resets it", async () => {
    const target = await createUser(prisma);
    const delays: number[] = [];
    for (let i = 0; i < 12; i++) {
      const result = await attempt(target.email, `essai ${i}`, newAddress());
      expect(result).toMatchObject({ ok: false, reason: "invalid" });
      delays.push(result.delayMs);
    }
    expect(delays.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(delays.slice(5)).toEqual([1, 2, 4, 8, 16, 16, 16]);
    expect(await attempt(target.email, TEST_PASSWORD, newAddress())).toMatchObject({ ok: true, delayMs: 16 });
    expect(await attempt(target.email, "encore faux", newAddress())).toMatchObject({ ok: false, reason: "invalid", delayMs: 0 });
  });

  it("starts the count of an account and address again after a success from that address", async () => {
    const user = await createUser(prisma);
    const office = newAddress();
    await failTimes(9, user.email, office);
    expect(await attempt(user.email, TEST_PASSWORD, office)).toMatchObject({ ok: true });
    await failTimes(9, user.email, office);
    expect(await attempt(user.email, TEST_PASSWORD, office)).toMatchObject({ ok: true });
  });

  it("refuses an address spraying passwords across many accounts, and only that address", async () => {
    const sprayer = newAddress();
    for (let i = 0; i < LOGIN_ADDRESS_MAX_FAILURES; i++) {
      const result = await attempt(`cible-${i}-${Date.now().toString(36)}@exemple.test`, "azerty123456789", sprayer);
      expect(result).toMatchObject({ ok: false, reason: "invalid" });
    }
    const user = await createUser(prisma);
    const refused = await attempt(user.email, TEST_PASSWORD, sprayer);
    expect(refused).toMatchObject({ ok: false, reason: "throttled", refusal: { scope: "address" } });
    if (refused.ok || refused.reason !== "throttled") throw new Error("unreachable");
    expect(loginRefusalMessage(refused.refusal)).toMatch(
      /^Trop de tentatives de connexion échouées depuis votre réseau\. Réessayez dans \d+ minutes?\.$/,
    );
    expect(await attempt(user.email, TEST_PASSWORD, newAddress())).toMatchObject({ ok: true });
  });

  it("answers an unknown address exactly like a known one", async () => {
    const ip = newAddress();
    await failTimes(10, "personne-inconnue@exemple.test", ip);
    expect(await attempt("personne-inconnue@exemple.test", "x", ip)).toMatchObject({
      ok: false,
      reason: "throttled",
      refusal: { scope: "pair" },
    });
  });
});

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

describe("password reset requests", () => {
  it("gives one account at most three reset links an hour", async () => {
    const { requestPasswordReset, PASSWORD_RESETS_PER_HOUR } = await import("./auth.server");
    const user = await createUser(prisma);
    const tokens = [];
    for (let i = 0; i < 5; i++) tokens.push(await requestPasswordReset(user.id));
    expect(tokens.filter(Boolean)).toHaveLength(PASSWORD_RESETS_PER_HOUR);
    expect(await prisma.passwordReset.count({ where: { userId: user.id } })).toBe(PASSWORD_RESETS_PER_HOUR);
  });
});
