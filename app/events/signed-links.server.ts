// Signed links of registrations: HMAC-SHA256 with a key derived from SESSION_SECRET; the
// purpose is part of what is signed, so a confirmation link cannot cancel and a cancellation
// link is valid for one registration only. Nothing to store; a forged or altered link fails
// the comparison.
import { createHmac, timingSafeEqual } from "node:crypto";
import { getEnv } from "~/env.server";

function signingKey() {
  return createHmac("sha256", getEnv().SESSION_SECRET).update("event-registration-links").digest();
}

function sign(payload: string) {
  return createHmac("sha256", signingKey()).update(payload).digest("base64url");
}

function safeEqual(a: string, b: string) {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

export function signCancellation(registrationId: string) {
  return `${registrationId}.${sign(`cancel:${registrationId}`)}`;
}

export function verifyCancellation(token: string): string | null {
  const [id, sig, extra] = token.split(".");
  if (!id || !sig || extra !== undefined) return null;
  return safeEqual(sig, sign(`cancel:${id}`)) ? id : null;
}

export function signConfirmation(registrationId: string, expiresAtMs: number) {
  const exp = expiresAtMs.toString(36);
  return `${registrationId}.${exp}.${sign(`confirm:${registrationId}:${exp}`)}`;
}

export function verifyConfirmation(token: string, now = new Date()): string | null {
  const [id, exp, sig, extra] = token.split(".");
  if (!id || !exp || !sig || extra !== undefined) return null;
  if (!safeEqual(sig, sign(`confirm:${id}:${exp}`))) return null;
  if (parseInt(exp, 36) < now.getTime()) return null;
  return id;
}
