// Delivery of the outgoing mail queue (EmailMessage rows with status "pending").
//
// A sender claims one row at a time with a conditional update (pending → sending, with a
// lease: claimedAt and a token), hands it to SMTP, then marks it sent. Two senders, in one
// process or in two, never claim the same row. A failure puts the row back to pending with
// a later nextAttemptAt (1 minute, doubling); after MAIL_QUEUE.maxAttempts, or on a
// permanent refusal (SMTP 5xx), it is marked failed. A sender that stops between the claim
// and the mark leaves a row in "sending": once its lease has expired it is claimed again.
// That is the one at-least-once window (SMTP had accepted, the mark was not written): the
// message then goes out a second time with the same Message-ID, so a receiver can dedupe.
import { randomUUID } from "node:crypto";
import nodemailer, { type Transporter } from "nodemailer";
import { prisma, type Db } from "~/db.server";
import { getEnv } from "~/env.server";
import { writeTransactionOn } from "~/lib/transaction";
import type { OutgoingMail } from "~/mail/mail.server";
import type { EmailStatus } from "~/generated/prisma/enums";

export const MAIL_QUEUE = {
  /** Delay before the second attempt; it doubles after each failure. */
  firstRetryMs: 60_000,
  maxAttempts: 8,
  /** Longer than the longest SMTP exchange the transport allows (timeouts below). */
  leaseMs: 5 * 60_000,
  concurrency: 4,
  /** How often the job runner looks at the queue (server/jobs.ts). */
  pollMs: 5_000,
} as const;

type QueueDb = Pick<Db, "emailMessage" | "emailAttachment" | "$transaction">;

/**
 * One pooled connection set per delivery run (a connection carries many messages), closed
 * when the run ends. Bounded timeouts: an exchange never outlasts the lease, or a second
 * sender could take the row while this one still sends it.
 */
function openTransport(concurrency: number): Transporter | null {
  const { SMTP_URL } = getEnv();
  if (!SMTP_URL) return null;
  return nodemailer.createTransport({
    url: SMTP_URL,
    pool: true,
    maxConnections: concurrency,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
}

/** The delay before attempt n + 1, after n failed attempts. */
export function retryDelayMs(failedAttempts: number) {
  return MAIL_QUEUE.firstRetryMs * 2 ** Math.max(0, failedAttempts - 1);
}

const claimable = (now: Date) => ({
  OR: [
    { status: "pending" as const, nextAttemptAt: { lte: now } },
    { status: "sending" as const, claimedAt: { lt: new Date(now.getTime() - MAIL_QUEUE.leaseMs) } },
  ],
});

type Candidate = { id: string; status: EmailStatus; claimedAt: Date | null };

/** Pending → sending, only if nobody changed the row since it was read. */
async function claim(db: QueueDb, row: Candidate, token: string, now: Date) {
  const won = await db.emailMessage.updateMany({
    where: { id: row.id, status: row.status, claimedAt: row.claimedAt, ...claimable(now) },
    data: { status: "sending", claimedAt: now, claimToken: token, attempts: { increment: 1 } },
  });
  if (won.count !== 1) return null;
  return db.emailMessage.findUnique({
    where: { id: row.id },
    select: {
      id: true,
      messageId: true,
      to: true,
      subject: true,
      text: true,
      html: true,
      icalEvent: true,
      unsubscribeUrl: true,
      attempts: true,
      files: { orderBy: { position: "asc" }, select: { filename: true, contentType: true, content: true } },
    },
  });
}

type Claimed = NonNullable<Awaited<ReturnType<typeof claim>>>;

/** A refusal that will not change on retry (bad address, message refused). */
function isPermanent(error: unknown) {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

async function deliver(db: QueueDb, transport: Transporter, row: Claimed, token: string, now: () => Date) {
  try {
    await transport.sendMail({
      from: getEnv().MAIL_FROM,
      to: row.to,
      subject: row.subject,
      text: row.text,
      html: row.html ?? undefined,
      messageId: row.messageId ?? undefined,
      attachments: row.files.map((f) => ({ filename: f.filename, contentType: f.contentType, content: Buffer.from(f.content) })),
      icalEvent: row.icalEvent ? (row.icalEvent as OutgoingMail["icalEvent"]) : undefined,
      ...(row.unsubscribeUrl
        ? { list: { unsubscribe: row.unsubscribeUrl }, headers: { "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } }
        : {}),
    });
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    const giveUp = isPermanent(error) || row.attempts >= MAIL_QUEUE.maxAttempts;
    console.error(`Envoi du courriel ${row.id} impossible (tentative ${row.attempts}${giveUp ? ", abandon" : ""}) :`, message);
    await db.emailMessage.updateMany({
      where: { id: row.id, claimToken: token, status: "sending" },
      data: giveUp
        ? { status: "failed", error: message, claimedAt: null, claimToken: null, nextAttemptAt: null }
        : {
            status: "pending",
            error: message,
            claimedAt: null,
            claimToken: null,
            nextAttemptAt: new Date(now().getTime() + retryDelayMs(row.attempts)),
          },
    });
    return "retry" as const;
  }
  // SMTP has accepted: whoever holds the row now, it is sent. The bytes are no longer needed.
  await writeTransactionOn(db, async (tx) => {
    await tx.emailMessage.updateMany({
      where: { id: row.id },
      data: { status: "sent", sentAt: now(), error: null, claimedAt: null, claimToken: null, nextAttemptAt: null },
    });
    if (row.files.length > 0) await tx.emailAttachment.deleteMany({ where: { emailId: row.id } });
  });
  return "sent" as const;
}

export type DeliveryOptions = {
  db?: QueueDb;
  now?: () => Date;
  /** Stop after this many claims (a sender that stops mid-way). */
  limit?: number;
  concurrency?: number;
};

/**
 * Sends what is due, until nothing claimable is left (or `limit` claims). Safe to run
 * beside another sender: every row is claimed by one of them only.
 */
export async function deliverPendingMail({
  db = prisma,
  now = () => new Date(),
  limit = Infinity,
  concurrency = MAIL_QUEUE.concurrency,
}: DeliveryOptions = {}) {
  const result = { sent: 0, retry: 0 };
  const transport = openTransport(concurrency);
  if (!transport) return result;
  try {
    return await deliverWith(transport, { db, now, limit, concurrency }, result);
  } finally {
    transport.close();
  }
}

async function deliverWith(
  transport: Transporter,
  { db, now, limit, concurrency }: Required<DeliveryOptions>,
  result: { sent: number; retry: number },
) {
  const token = randomUUID();
  let claims = 0;
  const seen = new Set<string>();
  for (;;) {
    const batch = (
      await db.emailMessage.findMany({
        where: claimable(now()),
        orderBy: [{ bulk: "asc" }, { nextAttemptAt: "asc" }, { createdAt: "asc" }],
        take: 50,
        select: { id: true, status: true, claimedAt: true },
      })
    ).filter((c) => !seen.has(c.id));
    if (batch.length === 0) return result;
    const worker = async () => {
      for (let next = batch.shift(); next && claims < limit; next = batch.shift()) {
        seen.add(next.id);
        claims++;
        const row = await claim(db, next, token, now());
        if (!row) {
          claims--;
          continue;
        }
        result[await deliver(db, transport, row, token, now)]++;
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
    if (claims >= limit) return result;
  }
}

// One delivery at a time in this process; a kick during a delivery asks for another pass.
let draining: Promise<void> | null = null;
let again = false;

/** Starts delivering now (after an enqueue, and from the job runner). Never throws. */
export function kickMailQueue(): Promise<void> {
  if (draining) {
    again = true;
    return draining;
  }
  if (!getEnv().SMTP_URL) return Promise.resolve();
  draining = (async () => {
    do {
      again = false;
      await deliverPendingMail();
    } while (again);
  })()
    .catch((error: unknown) => console.error("File des courriels : envoi interrompu :", error))
    .finally(() => {
      draining = null;
    });
  return draining;
}

/** Resolves once this process has nothing left to send right now (tests, shutdown). */
export async function settleMail() {
  while (draining) await draining;
}

/** How many messages wait, are being sent, or failed: /admin/courriels. */
export async function mailQueueStatus(db: Pick<Db, "emailMessage"> = prisma) {
  const groups = await db.emailMessage.groupBy({ by: ["status"], _count: { _all: true } });
  const count = (status: string) => groups.find((g) => g.status === status)?._count._all ?? 0;
  const oldest = await db.emailMessage.findFirst({
    where: { status: { in: ["pending", "sending"] } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
  return { pending: count("pending"), sending: count("sending"), failed: count("failed"), oldestWaiting: oldest?.createdAt ?? null };
}
