// The mailing of one news item: one queued message per active member of a validated association
// who has not left the « actualites » list, bulk (sent after the messages somebody waits for),
// with its one-click unsubscribe link. Throttled so that a mailing never floods the SMTP server:
// the rows are spread over minutes, at most NEWS_MAILING.perMinute due in any minute (each row's
// nextAttemptAt), after the rows of an earlier mailing still waiting. The queue's poll (every few
// seconds, server/jobs.ts) sends each row when it falls due; retries keep their own schedule.
import type { Tx } from "~/db.server";
import { absoluteUrl, enqueueMail } from "~/mail/mail.server";
import { subscribedAmong, unsubscribeUrl } from "~/mail/mailing-lists.server";
import { newsEmail } from "./news-emails";

export const NEWS_MAILING = {
  /** Messages of a mailing falling due in one minute (a small relay accepts a few hundred an hour). */
  perMinute: 60,
} as const;

const MINUTE = 60_000;

export function newsPath(newsId: string) {
  return `/espace/actualites/${newsId}`;
}

/** The people a news mailing goes to: active accounts in a validated association, subscribed. */
export async function newsRecipients(tx: Tx) {
  const users = await tx.user.findMany({
    where: { disabledAt: null, memberships: { some: { association: { status: "validated", dissolvedAt: null } } } },
    orderBy: { email: "asc" },
    select: { id: true, email: true },
  });
  const subscribed = new Set(
    await subscribedAmong(
      users.map((u) => u.id),
      "actualites",
      tx,
    ),
  );
  return users.filter((u) => subscribed.has(u.id));
}

/** The first minute this mailing may use: after the last throttled row of another still waiting. */
async function firstSlot(tx: Tx, now: Date) {
  const waiting = await tx.emailMessage.findFirst({
    where: { status: "pending", bulk: true, attempts: 0, nextAttemptAt: { gt: now } },
    orderBy: { nextAttemptAt: "desc" },
    select: { nextAttemptAt: true },
  });
  return waiting?.nextAttemptAt ? new Date(waiting.nextAttemptAt.getTime() + MINUTE) : now;
}

/** When the n-th message (from 0) of a mailing starting at `start` falls due. */
export function throttledSlot(start: Date, n: number, perMinute: number = NEWS_MAILING.perMinute) {
  return new Date(start.getTime() + Math.floor(n / perMinute) * MINUTE);
}

/** Queues the mailing in the caller's transaction; the caller kicks the queue after it commits. */
export async function queueNewsMailing(tx: Tx, news: { id: string; title: string; body: string }, now = new Date()) {
  const recipients = await newsRecipients(tx);
  const start = await firstSlot(tx, now);
  const newsUrl = absoluteUrl(newsPath(news.id));
  let n = 0;
  for (const r of recipients) {
    const link = unsubscribeUrl("actualites", r.id);
    await enqueueMail(tx, {
      to: r.email,
      ...newsEmail(news, { newsUrl, unsubscribeUrl: link }),
      bulk: true,
      unsubscribeUrl: link,
      notBefore: throttledSlot(start, n),
    });
    n += 1;
  }
  return { recipients: n, lastDueAt: n ? throttledSlot(start, n - 1) : null };
}
