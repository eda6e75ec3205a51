// Outgoing mail: every message is a row of the durable queue (EmailMessage) before anything
// is sent; app/mail/mail-queue.server.ts delivers it over SMTP when SMTP_URL is set, with retries.
// Delivery errors are recorded, never thrown at the user's request.
import { randomUUID } from "node:crypto";
import { prisma, type Db } from "~/db.server";
import { getEnv } from "~/env.server";
import { kickMailQueue } from "~/mail/mail-queue.server";
import { containsIgnoringCase } from "~/lib/text-filter.server";

export { kickMailQueue, mailQueueStatus, settleMail } from "~/mail/mail-queue.server";

export type MailAttachment = { filename: string; content: Buffer | string; contentType: string };
export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: MailAttachment[];
  /** Extra parts nodemailer understands, e.g. an iCalendar invitation. */
  icalEvent?: { method: "REQUEST" | "PUBLISH" | "CANCEL"; content: string; filename?: string };
  /** One of a mailing to many: sent after the messages somebody is waiting for. */
  bulk?: boolean;
  /**
   * The portal's own link that stops this kind of mail: sent as List-Unsubscribe with one-click
   * List-Unsubscribe-Post (RFC 8058), so mail clients offer « Se désabonner ». Absolute https/http.
   */
  unsubscribeUrl?: string;
  /** Not sent before this time (a throttled mailing spreads its rows over minutes). */
  notBefore?: Date;
};

/** Prisma or a transaction client: a message is queued in the same transaction as its cause. */
export type MailDb = Pick<Db, "emailMessage">;

function messageIdFor(from: string) {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? "ccas.localhost";
  return `<${randomUUID()}@${domain}>`;
}

/**
 * Queues a message: one EmailMessage row (with its attachments' bytes), written with `db`,
 * so inside a transaction it commits or rolls back with the change that causes it.
 * Nothing is sent here: call kickMailQueue() once the transaction has committed (sendMail
 * does both). Without SMTP_URL the message is only recorded, as not delivered.
 */
/** Only an absolute http(s) URL, so nothing else can reach a header. */
function checkedUnsubscribeUrl(value: string): string {
  const url = new URL(value);
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error(`Unsubscribe link not http(s): ${value}`);
  return url.href;
}

export async function enqueueMail(db: MailDb, mail: OutgoingMail) {
  const { SMTP_URL, MAIL_FROM } = getEnv();
  const attachmentsMeta = [
    ...(mail.attachments ?? []).map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      size: typeof a.content === "string" ? Buffer.byteLength(a.content) : a.content.length,
    })),
    ...(mail.icalEvent
      ? [
          {
            filename: mail.icalEvent.filename ?? "invitation.ics",
            contentType: "text/calendar",
            size: Buffer.byteLength(mail.icalEvent.content),
          },
        ]
      : []),
  ];
  const queued = Boolean(SMTP_URL);
  return db.emailMessage.create({
    data: {
      messageId: messageIdFor(MAIL_FROM),
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      attachments: attachmentsMeta.length ? attachmentsMeta : undefined,
      icalEvent: mail.icalEvent ?? undefined,
      status: queued ? "pending" : "recorded",
      bulk: mail.bulk ?? false,
      unsubscribeUrl: mail.unsubscribeUrl ? checkedUnsubscribeUrl(mail.unsubscribeUrl) : null,
      nextAttemptAt: queued ? (mail.notBefore ?? new Date()) : null,
      files:
        queued && mail.attachments?.length
          ? {
              create: mail.attachments.map((a, position) => ({
                position,
                filename: a.filename,
                contentType: a.contentType,
                content: new Uint8Array(typeof a.content === "string" ? Buffer.from(a.content) : a.content),
              })),
            }
          : undefined,
    },
    select: { id: true, messageId: true },
  });
}

/** Queues a message and starts its delivery at once; it is safe in the queue when this returns. */
export async function sendMail(mail: OutgoingMail) {
  const record = await enqueueMail(prisma, mail);
  void kickMailQueue();
  return record;
}

export function absoluteUrl(pathname: string): string {
  return new URL(pathname, getEnv().PUBLIC_URL).toString();
}

export const emailSelect = {
  id: true,
  to: true,
  subject: true,
  text: true,
  attachments: true,
  status: true,
  attempts: true,
  nextAttemptAt: true,
  error: true,
  createdAt: true,
  sentAt: true,
} as const;

export async function listEmails({ page = 1, perPage = 50, to }: { page?: number; perPage?: number; to?: string }) {
  const where = to ? { to: containsIgnoringCase(to) } : {};
  const [items, total] = await Promise.all([
    prisma.emailMessage.findMany({ where, orderBy: { createdAt: "desc" }, skip: (page - 1) * perPage, take: perPage, select: emailSelect }),
    prisma.emailMessage.count({ where }),
  ]);
  return { items, total, page, perPage };
}
