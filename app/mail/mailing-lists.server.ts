// The mailings a person can leave: each has its one-click link, `<list>.<userId>.<HMAC-SHA256>` with a
// key derived from SESSION_SECRET for this purpose only (as the digest's link). Nothing is stored for
// the link; an altered one fails the comparison, and it can do nothing but take one person off one list.
// Leaving is a MailOptOut row; no row means subscribed.
import { createHmac, timingSafeEqual } from "node:crypto";
import { prisma, writeTransaction, type Db } from "~/db.server";
import { getEnv } from "~/env.server";
import { recordAudit } from "~/lib/audit.server";
import { absoluteUrl } from "~/mail/mail.server";

export const MAILING_LISTS = {
  actualites: {
    label: "Actualités du CCAS",
    description: "Les actualités que le CCAS adresse aux associations du réseau.",
  },
  "alertes-reseau": {
    label: "Alertes sur les besoins et offres",
    description: "Le résumé quotidien des nouveaux besoins et offres qui correspondent à vos alertes.",
  },
} as const;

export type MailingList = keyof typeof MAILING_LISTS;

export function isMailingList(value: string): value is MailingList {
  return Object.hasOwn(MAILING_LISTS, value);
}

function sign(list: MailingList, userId: string) {
  const key = createHmac("sha256", getEnv().SESSION_SECRET).update("mailing-list-unsubscribe").digest();
  return createHmac("sha256", key).update(`${list}:${userId}`).digest("base64url");
}

export function unsubscribeToken(list: MailingList, userId: string) {
  return `${list}.${userId}.${sign(list, userId)}`;
}

/** The absolute link to put in the mail's body and its List-Unsubscribe header. */
export function unsubscribeUrl(list: MailingList, userId: string) {
  return absoluteUrl(`/desabonnement/${unsubscribeToken(list, userId)}`);
}

/** The list and user a link names, when its signature is right; null otherwise. */
export function verifyUnsubscribeToken(token: string): { list: MailingList; userId: string } | null {
  if (token.length > 200) return null;
  const [list, userId, sig, extra] = token.split(".");
  if (!list || !userId || !sig || extra !== undefined || !isMailingList(list)) return null;
  const expected = Buffer.from(sign(list, userId));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given) ? { list, userId } : null;
}

/** The person and list a valid link names (an account still active), or null. */
export async function subscriberForToken(token: string) {
  const named = verifyUnsubscribeToken(token);
  if (!named) return null;
  const user = await prisma.user.findFirst({ where: { id: named.userId, disabledAt: null }, select: { id: true, name: true } });
  if (!user) return null;
  return { ...user, list: named.list, subscribed: await isSubscribed(named.userId, named.list) };
}

export async function isSubscribed(userId: string, list: MailingList, db: Pick<Db, "mailOptOut"> = prisma) {
  return (await db.mailOptOut.findUnique({ where: { userId_list: { userId, list } } })) === null;
}

/** Of these people, the ones who have not left the list. */
export async function subscribedAmong(userIds: string[], list: MailingList, db: Pick<Db, "mailOptOut"> = prisma) {
  if (!userIds.length) return [];
  const out = await db.mailOptOut.findMany({ where: { list, userId: { in: userIds } }, select: { userId: true } });
  const left = new Set(out.map((o) => o.userId));
  return userIds.filter((id) => !left.has(id));
}

/** Joins or leaves a list, with an audit line when it changes. */
export async function setSubscription(userId: string, list: MailingList, subscribed: boolean, actorId: string | null = userId) {
  await writeTransaction(async (tx) => {
    const left = await tx.mailOptOut.findUnique({ where: { userId_list: { userId, list } } });
    const changed = subscribed ? left !== null : left === null;
    if (changed && subscribed) await tx.mailOptOut.delete({ where: { userId_list: { userId, list } } });
    if (changed && !subscribed) await tx.mailOptOut.create({ data: { userId, list } });
    if (changed)
      await recordAudit(tx, {
        entityType: "user",
        entityId: userId,
        actorId,
        action: subscribed ? `abonnement_${list}` : `desabonnement_${list}`,
      });
  });
}
