// Login throttling that an attacker cannot turn against legitimate users (docs/decisions/011):
// a hard limit per account-and-address pair, a much higher one per address across accounts
// (password spraying), and per account only a progressive delay, never a lock.
import { prisma } from "~/db.server";
import { getEnv } from "~/env.server";

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
/** Failures for one account from one address; a success from that address starts the count again. */
export const LOGIN_PAIR_MAX_FAILURES = 10;
/** Failures from one address across every account: a city hall's network shares it. */
export const LOGIN_ADDRESS_MAX_FAILURES = 100;
/** Failures on one account, from any address, before each attempt on it is slowed down. */
export const LOGIN_ACCOUNT_DELAY_AFTER = 5;
/** The delay doubles with each further failure, up to this many times the base delay. */
export const LOGIN_ACCOUNT_DELAY_MAX_FACTOR = 16;

export type LoginRefusal = { scope: "pair" | "address"; retryAfterSeconds: number };

export type LoginThrottle = {
  /** Set when this address may not try this account now (answered 429 without checking the password). */
  refusal: LoginRefusal | null;
  /** How long to wait before checking the password: the account is under attack from somewhere. */
  delayMs: number;
};

/** The wait before an attempt on an account that failed `failures` times in the window. */
export function accountDelayMs(failures: number, baseMs = getEnv().LOGIN_DELAY_BASE_MS): number {
  if (failures < LOGIN_ACCOUNT_DELAY_AFTER) return 0;
  const factor = Math.min(2 ** (failures - LOGIN_ACCOUNT_DELAY_AFTER), LOGIN_ACCOUNT_DELAY_MAX_FACTOR);
  return baseMs * factor;
}

/** Seconds until the `limit`-th most recent failure leaves the window (failures sorted newest first). */
function retryAfter(failures: { createdAt: Date }[], limit: number, now: number): number | null {
  if (failures.length < limit) return null;
  const leaves = failures[limit - 1].createdAt.getTime() + LOGIN_WINDOW_MS;
  return Math.max(1, Math.ceil((leaves - now) / 1000));
}

const latest = (a: Date, b: Date | undefined) => (b && b > a ? b : a);

export async function loginThrottle(email: string, ip: string, now = Date.now()): Promise<LoginThrottle> {
  const windowStart = new Date(now - LOGIN_WINDOW_MS);
  const lastSuccess = (where: { email: string; ip?: string }) =>
    prisma.loginAttempt
      .findFirst({
        where: { ...where, success: true, createdAt: { gte: windowStart } },
        orderBy: { createdAt: "desc" },
        select: { createdAt: true },
      })
      .then((row) => row?.createdAt);
  const [pairSuccess, accountSuccess] = await Promise.all([lastSuccess({ email, ip }), lastSuccess({ email })]);
  const newestFirst = { orderBy: { createdAt: "desc" }, select: { createdAt: true } } as const;
  const [pairFailures, addressFailures, accountFailures] = await Promise.all([
    prisma.loginAttempt.findMany({
      where: { email, ip, success: false, createdAt: { gt: latest(windowStart, pairSuccess) } },
      take: LOGIN_PAIR_MAX_FAILURES,
      ...newestFirst,
    }),
    // A success does not reset this one: one valid account must not open the way to spraying.
    prisma.loginAttempt.findMany({
      where: { ip, success: false, createdAt: { gte: windowStart } },
      take: LOGIN_ADDRESS_MAX_FAILURES,
      ...newestFirst,
    }),
    prisma.loginAttempt.count({ where: { email, success: false, createdAt: { gt: latest(windowStart, accountSuccess) } } }),
  ]);
  const addressWait = retryAfter(addressFailures, LOGIN_ADDRESS_MAX_FAILURES, now);
  const pairWait = retryAfter(pairFailures, LOGIN_PAIR_MAX_FAILURES, now);
  const refusal: LoginRefusal | null =
    addressWait !== null
      ? { scope: "address", retryAfterSeconds: addressWait }
      : pairWait !== null
        ? { scope: "pair", retryAfterSeconds: pairWait }
        : null;
  return { refusal, delayMs: accountDelayMs(accountFailures) };
}

export async function recordLoginAttempt(email: string, ip: string, success: boolean) {
  await prisma.loginAttempt.create({ data: { email, ip, success } });
}

export function loginRefusalMessage(refusal: LoginRefusal): string {
  const minutes = Math.max(1, Math.ceil(refusal.retryAfterSeconds / 60));
  const wait = `Réessayez dans ${minutes} minute${minutes > 1 ? "s" : ""}`;
  return refusal.scope === "address"
    ? `Trop de tentatives de connexion échouées depuis votre réseau. ${wait}.`
    : `Trop de tentatives de connexion échouées pour ce compte depuis votre connexion. ${wait} ou réinitialisez votre mot de passe.`;
}
