// Login throttling, against a real SQLite database (docs/decisions/011).
import { describe, expect, it } from "vitest";
import { createUser, TEST_PASSWORD } from "../../prisma/factories/user";
import { resetEnvCache } from "../env.server";

// The account-wide delay is real but tiny here: base 1 ms, so at most 16 ms per attempt.
process.env.LOGIN_DELAY_BASE_MS = "1";
resetEnvCache();

const { prisma } = await import("../db.server");
const { login } = await import("./login.server");
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
