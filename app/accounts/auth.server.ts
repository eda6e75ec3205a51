// Accounts, sessions and the guards every loader and action calls.
// Lucia v3 is deprecated upstream: it stays behind this module (see docs/decisions/003).
import { createHash, randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { redirect } from "@remix-run/node";
import { dictionary } from "@zxcvbn-ts/language-common";
import { Cookie, Lucia, TimeSpan, type Adapter, type DatabaseSession, type DatabaseUser } from "lucia";
import { prisma, writeTransaction } from "~/db.server";
import { getEnv } from "~/env.server";
import { forbidden, notFound } from "~/lib/http.server";
import { loginThrottle, recordLoginAttempt, type LoginRefusal } from "~/accounts/login-throttle.server";
import type { Role } from "~/accounts/roles";

export const SESSION_IDLE_TIMEOUT = new TimeSpan(2, "h");
export const SESSION_ABSOLUTE_LIFETIME_MS = 12 * 60 * 60 * 1000;
export const SESSION_COOKIE_NAME = "ccas_session";
export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;

const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
};

// ── Lucia over Prisma ──────────────────────────────────────────────

const userSelect = { id: true, email: true, name: true, role: true, disabledAt: true } as const;

const prismaAdapter: Adapter = {
  async getSessionAndUser(sessionId) {
    const row = await prisma.session.findUnique({ where: { id: sessionId }, include: { user: { select: userSelect } } });
    if (!row) return [null, null];
    const session: DatabaseSession = {
      id: row.id,
      userId: row.userId,
      expiresAt: row.expiresAt,
      attributes: { createdAt: row.createdAt, ip: row.ip, userAgent: row.userAgent },
    };
    const { id, ...attributes } = row.user;
    const user: DatabaseUser = { id, attributes };
    return [session, user];
  },
  async getUserSessions(userId) {
    const rows = await prisma.session.findMany({ where: { userId } });
    return rows.map((row) => ({
      id: row.id,
      userId: row.userId,
      expiresAt: row.expiresAt,
      attributes: { createdAt: row.createdAt, ip: row.ip, userAgent: row.userAgent },
    }));
  },
  async setSession(session) {
    await prisma.session.create({
      data: {
        id: session.id,
        userId: session.userId,
        expiresAt: session.expiresAt,
        ip: session.attributes.ip ?? null,
        userAgent: session.attributes.userAgent ?? null,
      },
    });
  },
  async updateSessionExpiration(sessionId, expiresAt) {
    // A sliding session never outlives its absolute lifetime.
    const row = await prisma.session.findUnique({ where: { id: sessionId }, select: { createdAt: true } });
    if (!row) return;
    await prisma.session.updateMany({ where: { id: sessionId }, data: { expiresAt: sessionEnd({ expiresAt, createdAt: row.createdAt }) } });
  },
  async deleteSession(sessionId) {
    await prisma.session.deleteMany({ where: { id: sessionId } });
  },
  async deleteUserSessions(userId) {
    await prisma.session.deleteMany({ where: { userId } });
  },
  async deleteExpiredSessions() {
    await prisma.session.deleteMany({ where: { expiresAt: { lte: new Date() } } });
  },
};

export const lucia = new Lucia(prismaAdapter, {
  sessionExpiresIn: SESSION_IDLE_TIMEOUT,
  sessionCookie: {
    // The cookie itself is made by sessionCookie() below, expiring with the session.
    name: SESSION_COOKIE_NAME,
    attributes: { secure: getEnv().PUBLIC_URL.startsWith("https://"), sameSite: "lax" },
  },
  getUserAttributes: (attributes) => ({
    email: attributes.email,
    name: attributes.name,
    role: attributes.role as Role,
    disabledAt: attributes.disabledAt,
  }),
  getSessionAttributes: (attributes) => ({ createdAt: attributes.createdAt }),
});

declare module "lucia" {
  interface Register {
    Lucia: typeof lucia;
    DatabaseUserAttributes: { email: string; name: string; role: string; disabledAt: Date | null };
    DatabaseSessionAttributes: { createdAt?: Date; ip?: string | null; userAgent?: string | null };
  }
}

// ── Sessions ───────────────────────────────────────────────────────

/** When a session ends: its idle expiry, but never later than its absolute lifetime. */
export function sessionEnd(session: { expiresAt: Date; createdAt?: Date | null }): Date {
  if (!session.createdAt) return session.expiresAt;
  const absolute = new Date(new Date(session.createdAt).getTime() + SESSION_ABSOLUTE_LIFETIME_MS);
  return session.expiresAt < absolute ? session.expiresAt : absolute;
}

/**
 * The session cookie: it lives exactly as long as the session on the server (Max-Age and
 * Expires), and is sent again each time the server extends the session.
 */
export function sessionCookie(session: { id: string; expiresAt: Date }): string {
  const maxAge = Math.max(0, Math.floor((session.expiresAt.getTime() - Date.now()) / 1000));
  return new Cookie(SESSION_COOKIE_NAME, session.id, {
    httpOnly: true,
    secure: getEnv().PUBLIC_URL.startsWith("https://"),
    sameSite: "lax",
    path: "/",
    maxAge,
    expires: session.expiresAt,
  }).serialize();
}

/** Validates the request's session. Refreshing the cookie is the server's job (server/app.ts). */
export async function validateSessionId(sessionId: string | null) {
  if (!sessionId) return { user: null, session: null, fresh: false };
  const { session, user } = await lucia.validateSession(sessionId);
  if (!session || !user) return { user: null, session: null, fresh: false };
  const createdAt = session.createdAt ? new Date(session.createdAt) : new Date(0);
  const tooOld = Date.now() - createdAt.getTime() > SESSION_ABSOLUTE_LIFETIME_MS;
  if (tooOld || user.disabledAt) {
    await lucia.invalidateSession(session.id);
    return { user: null, session: null, fresh: false };
  }
  const sessionUser: SessionUser = { id: user.id, email: user.email, name: user.name, role: user.role };
  return {
    user: sessionUser,
    session: { ...session, expiresAt: sessionEnd({ expiresAt: session.expiresAt, createdAt }) },
    fresh: session.fresh,
  };
}

export function readSessionId(request: Request): string | null {
  return lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
}

export async function getUser(request: Request): Promise<SessionUser | null> {
  const { user } = await validateSessionId(readSessionId(request));
  return user;
}

export async function createSessionCookie(userId: string, meta: { ip?: string; userAgent?: string | null }) {
  const session = await lucia.createSession(userId, { ip: meta.ip ?? null, userAgent: meta.userAgent?.slice(0, 300) ?? null });
  return sessionCookie(session);
}

export async function logout(request: Request): Promise<string> {
  const sessionId = readSessionId(request);
  if (sessionId) await lucia.invalidateSession(sessionId);
  return lucia.createBlankSessionCookie().serialize();
}

export async function endAllSessions(userId: string, exceptSessionId?: string) {
  await prisma.session.deleteMany({ where: { userId, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) } });
}

// ── Guards: they throw a Response ─────────────────────────────────

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request);
  if (!user) {
    const url = new URL(request.url);
    const redirectTo = `${url.pathname}${url.search}`;
    throw redirect(`/connexion?redirectTo=${encodeURIComponent(redirectTo)}`);
  }
  return user;
}

export async function requireStaff(request: Request): Promise<SessionUser> {
  const user = await requireUser(request);
  if (user.role !== "staff" && user.role !== "admin") throw forbidden();
  return user;
}

export async function requireAdmin(request: Request): Promise<SessionUser> {
  const user = await requireUser(request);
  if (user.role !== "admin") throw forbidden();
  return user;
}

export type AssociationAccess = { user: SessionUser; associationId: string; isRepresentative: boolean; title: string | null };

/**
 * A member of this association. Another association's id answers 404, as if it did
 * not exist: ids are not secrets, but existence is not ours to reveal.
 */
export async function requireAssociationMember(request: Request, associationId: string): Promise<AssociationAccess> {
  const user = await requireUser(request);
  const membership = await prisma.membership.findUnique({
    where: { userId_associationId: { userId: user.id, associationId } },
    select: { isRepresentative: true, title: true },
  });
  if (!membership) throw notFound();
  return { user, associationId, isRepresentative: membership.isRepresentative, title: membership.title };
}

export async function requireRepresentative(request: Request, associationId: string): Promise<AssociationAccess> {
  const access = await requireAssociationMember(request, associationId);
  if (!access.isRepresentative) throw forbidden("Seul le ou la représentant·e légal·e de l'association peut faire cette action.");
  return access;
}

/** The associations this user belongs to, for the member's space. */
export async function getMemberships(userId: string) {
  return prisma.membership.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: {
      isRepresentative: true,
      title: true,
      association: { select: { id: true, slug: true, name: true, status: true } },
    },
  });
}

// ── Passwords ──────────────────────────────────────────────────────

const commonPasswords = new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));
const frenchCommon = ["azertyuiop", "motdepasse", "azerty123456", "motdepasse123", "bonjour12345", "soleil123456", "123456789azerty"];
for (const p of frenchCommon) commonPasswords.add(p);

export function isCommonPassword(password: string): boolean {
  return commonPasswords.has(password.toLowerCase());
}

export const COMMON_PASSWORD_MESSAGE =
  "Ce mot de passe fait partie des plus courants : choisissez-en un autre, par exemple une phrase de plusieurs mots.";

export function hashPassword(password: string) {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string) {
  try {
    return await verify(passwordHash, password, ARGON2_OPTIONS);
  } catch {
    return false;
  }
}

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

// ── Single-use tokens (password reset, invitations) ────────────────

export function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Reset links one account receives in an hour at most: the form cannot be used to flood a mailbox. */
export const PASSWORD_RESETS_PER_HOUR = 3;

/** "Mot de passe oublié": a new reset link, or null when this hour's allowance is spent (the page answers the same). */
export async function requestPasswordReset(userId: string): Promise<string | null> {
  const lastHour = await prisma.passwordReset.count({ where: { userId, createdAt: { gte: new Date(Date.now() - 60 * 60 * 1000) } } });
  if (lastHour >= PASSWORD_RESETS_PER_HOUR) return null;
  return createPasswordReset(userId);
}

export async function createPasswordReset(userId: string) {
  const { token, tokenHash } = newToken();
  await prisma.passwordReset.create({ data: { userId, tokenHash, expiresAt: new Date(Date.now() + PASSWORD_RESET_TTL_MS) } });
  return token;
}

/** Consumes the token and sets the password; every session of the user ends. */
export async function resetPassword(token: string, newPassword: string): Promise<boolean> {
  const tokenHash = hashToken(token);
  const passwordHash = await hashPassword(newPassword);
  return writeTransaction(async (tx) => {
    const reset = await tx.passwordReset.findUnique({ where: { tokenHash } });
    if (!reset || reset.usedAt || reset.expiresAt < new Date()) return false;
    const used = await tx.passwordReset.updateMany({ where: { id: reset.id, usedAt: null }, data: { usedAt: new Date() } });
    if (used.count !== 1) return false;
    await tx.user.update({ where: { id: reset.userId }, data: { passwordHash } });
    await tx.session.deleteMany({ where: { userId: reset.userId } });
    return true;
  });
}

/** Changes the password after checking the current one; every other session of the user ends. */
export async function changePassword(userId: string, currentSessionId: string, current: string, next: string): Promise<boolean> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user || !(await verifyPassword(user.passwordHash, current))) return false;
  await prisma.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(next) } });
  await endAllSessions(userId, currentSessionId);
  return true;
}

export async function isPasswordResetTokenValid(token: string): Promise<boolean> {
  const reset = await prisma.passwordReset.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { usedAt: true, expiresAt: true },
  });
  return Boolean(reset && !reset.usedAt && reset.expiresAt > new Date());
}
