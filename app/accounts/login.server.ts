// Signing in: the password checked, throttled per account and address, a new session.
import { randomBytes } from "node:crypto";
import { prisma } from "~/db.server";
import { loginThrottle, recordLoginAttempt, type LoginRefusal } from "~/accounts/login-throttle.server";
import { hashPassword, verifyPassword } from "~/accounts/passwords.server";
import { createSessionCookie, lucia } from "~/accounts/sessions.server";

// A hash to verify against when the account does not exist, so timing does not tell.
let dummyHash: Promise<string> | undefined;

// ── Login with throttling ──────────────────────────────────────────

export type LoginResult =
  | { ok: true; user: { id: string; role: string }; cookie: string; delayMs: number }
  | { ok: false; reason: "invalid" | "disabled"; delayMs: number }
  | { ok: false; reason: "throttled"; refusal: LoginRefusal; delayMs: 0 };

export async function login(input: {
  email: string;
  password: string;
  ip: string;
  userAgent: string | null;
  /** The session the browser had before: replaced, never reused (session fixation). */
  previousSessionId?: string | null;
}): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  const throttle = await loginThrottle(email, input.ip);
  if (throttle.refusal) return { ok: false, reason: "throttled", refusal: throttle.refusal, delayMs: 0 };
  // Before the password is checked, so that giving up on a slow answer tells nothing.
  if (throttle.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, throttle.delayMs));
  const user = await prisma.user.findUnique({ where: { email }, select: { id: true, role: true, passwordHash: true, disabledAt: true } });
  dummyHash ??= hashPassword(randomBytes(16).toString("hex"));
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), input.password);
  await recordLoginAttempt(email, input.ip, Boolean(user && valid));
  if (!user || !valid) return { ok: false, reason: "invalid", delayMs: throttle.delayMs };
  if (user.disabledAt) return { ok: false, reason: "disabled", delayMs: throttle.delayMs };
  if (input.previousSessionId) await lucia.invalidateSession(input.previousSessionId);
  const cookie = await createSessionCookie(user.id, { ip: input.ip, userAgent: input.userAgent });
  return { ok: true, user: { id: user.id, role: user.role }, cookie, delayMs: throttle.delayMs };
}
