// The session cookie's name, free of side effects: scripts and fault tests that sign a user
// in by hand read it here rather than spelling it.
export const SESSION_COOKIE_NAME = "ccas_session";
