// Sessions: Lucia v3 over Prisma, the session cookie, sign-in and sign-out.
// Lucia v3 is deprecated upstream: it stays behind this module (see docs/decisions/003).
import { Cookie, Lucia, TimeSpan, type Adapter, type DatabaseSession, type DatabaseUser } from "lucia";
import { prisma } from "~/db.server";
import { getEnv } from "~/env.server";
import type { SessionUser } from "~/accounts/auth.server";
import type { Role } from "~/accounts/roles";
import { SESSION_COOKIE_NAME } from "~/accounts/session-cookie";

export const SESSION_IDLE_TIMEOUT = new TimeSpan(2, "h");
export const SESSION_ABSOLUTE_LIFETIME_MS = 12 * 60 * 60 * 1000;
export { SESSION_COOKIE_NAME };

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

/**
 * A new session for that user, as a login would make it, without the login form: the end-to-end
 * fixtures sign their users in this way. `cookie` is its `name=value` pair.
 */
export async function createSessionFor(userId: string) {
  const session = await lucia.createSession(userId, { ip: null, userAgent: null });
  return { id: session.id, expiresAt: session.expiresAt, cookieName: SESSION_COOKIE_NAME, cookie: `${SESSION_COOKIE_NAME}=${session.id}` };
}
