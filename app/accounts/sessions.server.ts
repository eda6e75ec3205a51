// A session opened for a user without the login form, through the portal's own session code
// (Lucia, its cookie name and lifetime): the end-to-end fixtures sign their users in this way.
import { lucia, SESSION_COOKIE_NAME } from "~/accounts/auth.server";

export { SESSION_COOKIE_NAME };

/** A new session for that user, as a login would make it; `cookie` is its `name=value` pair. */
export async function createSessionFor(userId: string) {
  const session = await lucia.createSession(userId, { ip: null, userAgent: null });
  return { id: session.id, expiresAt: session.expiresAt, cookieName: SESSION_COOKIE_NAME, cookie: `${SESSION_COOKIE_NAME}=${session.id}` };
}
