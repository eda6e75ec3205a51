// Turning the daily digest on and off: from the account page, or by the one-click link of the
// e-mail, which needs no login. That link is `<userId>.<HMAC-SHA256>` with a key derived from
// SESSION_SECRET for this purpose only (as the events' signed links): nothing stored, an altered
// link fails the comparison, and it can do nothing but turn the digest off.
import { createHmac, timingSafeEqual } from "node:crypto";
import { prisma, writeTransaction } from "~/db.server";
import { getEnv } from "~/env.server";
import { recordAudit } from "~/lib/audit.server";

function sign(userId: string) {
  const key = createHmac("sha256", getEnv().SESSION_SECRET).update("daily-digest-unsubscribe").digest();
  return createHmac("sha256", key).update(`unsubscribe:${userId}`).digest("base64url");
}

export function digestUnsubscribeToken(userId: string) {
  return `${userId}.${sign(userId)}`;
}

/** The user a link names, when its signature is right; null otherwise. */
export function verifyDigestUnsubscribeToken(token: string): string | null {
  if (token.length > 200) return null;
  const [id, sig, extra] = token.split(".");
  if (!id || !sig || extra !== undefined) return null;
  const expected = Buffer.from(sign(id));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}

/** The staff member a valid link names (an active staff member or administrator), or null. */
export async function digestSubscriberForToken(token: string) {
  const id = verifyDigestUnsubscribeToken(token);
  if (!id) return null;
  return prisma.user.findFirst({
    where: { id, role: { in: ["staff", "admin"] }, disabledAt: null },
    select: { id: true, name: true, dailyDigest: true },
  });
}

/** Turns the digest on or off, with an audit line when it changes. */
export async function setDailyDigest(userId: string, on: boolean, actorId: string | null = userId) {
  await writeTransaction(async (tx) => {
    const changed = await tx.user.updateMany({
      where: { id: userId, role: { in: ["staff", "admin"] }, dailyDigest: !on },
      data: { dailyDigest: on },
    });
    if (changed.count)
      await recordAudit(tx, {
        entityType: "user",
        entityId: userId,
        actorId,
        action: on ? "resume_quotidien_active" : "resume_quotidien_desactive",
      });
  });
}
