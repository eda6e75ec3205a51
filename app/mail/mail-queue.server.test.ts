// The durable mail queue against a real SQLite database and a real SMTP listener:
// each message delivered once, retried while SMTP is down, never twice with two senders
// (two processes on one database), and what a stopped sender left is delivered by the next one.
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { startSmtpListener, type ReceivedMail } from "../../tests/smtp";
import { resetEnvCache } from "../env.server";

let smtp = await startSmtpListener({ refuse: (address) => address.startsWith("inconnu@") });
process.env.SMTP_URL = smtp.url;
resetEnvCache();

const { prisma } = await import("../db.server");
const { enqueueMail, sendMail, listEmails } = await import("./mail.server");
const { deliverPendingMail, mailQueueStatus, retryDelayMs, settleMail, MAIL_QUEUE } = await import("./mail-queue.server");

afterAll(async () => {
  await settleMail();
  await smtp.close();
});

beforeEach(async () => {
  await settleMail();
  await prisma.emailMessage.deleteMany();
  smtp.messages.length = 0;
});

const mail = (i: number, extra: Partial<Parameters<typeof enqueueMail>[1]> = {}) => ({
  to: `destinataire-${i}@exemple.test`,
  subject: `Message ${i}`,
  text: `Bonjour ${i}`,
  ...extra,
});

async function enqueue(n: number) {
  const rows = [];
  for (let i = 1; i <= n; i++) rows.push(await enqueueMail(prisma, mail(i)));
  return rows;
}

/** How many times each of the n messages arrived. */
function deliveries(messages: ReceivedMail[], n: number) {
  return Array.from({ length: n }, (_, k) => messages.filter((m) => m.to.includes(`destinataire-${k + 1}@exemple.test`)).length);
}

const later = (ms: number) => () => new Date(Date.now() + ms);

/** Another portal process with its own database connection, started and ready, sending when told. */
async function startSenderProcess() {
  const script = path.join(process.env.DATA_DIR!, "expediteur.ts");
  mkdirSync(path.dirname(script), { recursive: true });
  writeFileSync(
    script,
    [
      `const { deliverPendingMail } = await import(${JSON.stringify(path.resolve("app/mail/mail-queue.server.ts"))});`,
      `console.log("prêt");`,
      `process.stdin.once("data", async () => {`,
      `  console.log(JSON.stringify(await deliverPendingMail()));`,
      `  process.exit(0);`,
      `});`,
    ].join("\n"),
  );
  const child = spawn(process.execPath, ["--import", "tsx", script], { env: { ...process.env, SMTP_URL: smtp.url } });
  let output = "";
  let errors = "";
  child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("prêt")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`L'autre expéditeur s'est arrêté (${code}) :\n${errors}`)));
  });
  return {
    run: () =>
      new Promise<{ sent: number; retry: number }>((resolve, reject) => {
        child.removeAllListeners("exit");
        child.once("exit", (code) => {
          if (code !== 0) return reject(new Error(`L'autre expéditeur a échoué (${code}) :\n${errors}`));
          resolve(JSON.parse(output.trim().split("\n").at(-1)!));
        });
        child.stdin.write("go\n");
      }),
  };
}

describe("the mail queue", () => {
  it("sends the message somebody waits for before a mailing to many queued earlier", async () => {
    for (let i = 1; i <= 6; i++) await enqueueMail(prisma, mail(i, { bulk: true }));
    await enqueueMail(prisma, mail(7));
    await deliverPendingMail({ limit: 1, concurrency: 1 });
    expect(deliveries(smtp.messages, 7)).toEqual([0, 0, 0, 0, 0, 0, 1]);
    await deliverPendingMail();
    expect(deliveries(smtp.messages, 7)).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });

  it("delivers twenty queued messages, each exactly once, with the Message-ID fixed at enqueue", async () => {
    const rows = await enqueue(20);
    expect(await prisma.emailMessage.count({ where: { status: "pending" } })).toBe(20);
    const result = await deliverPendingMail();
    expect(result).toEqual({ sent: 20, retry: 0 });
    expect(deliveries(smtp.messages, 20)).toEqual(Array(20).fill(1));
    expect(await prisma.emailMessage.count({ where: { status: "sent", sentAt: { not: null } } })).toBe(20);
    for (const row of rows) {
      expect(smtp.messages.find((m) => m.parsed.messageId === row.messageId)).toBeDefined();
    }
    // Nothing left: a second run sends nothing.
    expect(await deliverPendingMail()).toEqual({ sent: 0, retry: 0 });
    expect(smtp.messages).toHaveLength(20);
  });

  it("keeps attachments and the calendar invitation until delivery, then drops the bytes", async () => {
    const pdf = Buffer.from("%PDF-1.4 accusé de réception");
    const { id } = await enqueueMail(
      prisma,
      mail(1, {
        attachments: [{ filename: "accuse.pdf", contentType: "application/pdf", content: pdf }],
        icalEvent: { method: "REQUEST", filename: "invitation.ics", content: "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n" },
      }),
    );
    expect(await prisma.emailAttachment.count({ where: { emailId: id } })).toBe(1);
    await deliverPendingMail();
    const [received] = smtp.messages;
    const attachment = received.parsed.attachments.find((a) => a.filename === "accuse.pdf");
    expect(attachment?.content.equals(pdf)).toBe(true);
    expect(received.raw).toContain("METHOD:REQUEST");
    expect(await prisma.emailAttachment.count({ where: { emailId: id } })).toBe(0);
    expect((await prisma.emailMessage.findUniqueOrThrow({ where: { id } })).attachments).toHaveLength(2);
  });

  it("sends a mailing one can leave with List-Unsubscribe and its one-click post, and refuses a link that is not http(s)", async () => {
    const unsubscribeUrl = "https://portail.example.test/instruction/resume/desabonnement/u1.sig";
    await enqueueMail(prisma, mail(1, { unsubscribeUrl }));
    await enqueueMail(prisma, mail(2));
    await deliverPendingMail();
    const leaving = smtp.messages.find((m) => m.to.includes("destinataire-1@exemple.test"))!;
    expect(leaving.parsed.headers.get("list")).toMatchObject({ unsubscribe: { url: unsubscribeUrl } });
    expect(leaving.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
    const plain = smtp.messages.find((m) => m.to.includes("destinataire-2@exemple.test"))!;
    expect(plain.raw).not.toContain("List-Unsubscribe");
    await expect(enqueueMail(prisma, mail(3, { unsubscribeUrl: "javascript:alert(1)" }))).rejects.toThrow(/not http/);
  });

  it("sendMail answers with the message in the queue and delivers it at once", async () => {
    const { id } = await sendMail(mail(1));
    expect((await prisma.emailMessage.findUniqueOrThrow({ where: { id } })).messageId).toMatch(/^<.+@ccas\.localhost>$/);
    await smtp.waitFor((m) => m.to.includes("destinataire-1@exemple.test"));
    await settleMail();
    expect((await prisma.emailMessage.findUniqueOrThrow({ where: { id } })).status).toBe("sent");
  });

  it("writes a message in the transaction of its cause: a rollback leaves nothing to send", async () => {
    await expect(
      prisma.$transaction(async (tx) => {
        await enqueueMail(tx, mail(1));
        throw new Error("la modification échoue");
      }),
    ).rejects.toThrow("la modification échoue");
    expect(await prisma.emailMessage.count()).toBe(0);
    await deliverPendingMail();
    expect(smtp.messages).toHaveLength(0);
  });

  it("keeps messages pending while SMTP is down, with the attempt and the error, and delivers them once when it is back", async () => {
    const port = smtp.port;
    await smtp.close();
    await enqueue(3);
    expect(await deliverPendingMail()).toEqual({ sent: 0, retry: 3 });
    const failed = await prisma.emailMessage.findMany();
    for (const row of failed) {
      expect(row).toMatchObject({ status: "pending", attempts: 1, error: expect.stringMatching(/ECONNREFUSED|connect/i) });
      expect(row.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now() + MAIL_QUEUE.firstRetryMs / 2);
    }
    // Not due yet: a run now does not try again.
    expect(await deliverPendingMail()).toEqual({ sent: 0, retry: 0 });

    smtp = await startSmtpListener({ port, refuse: (address) => address.startsWith("inconnu@") });
    expect(await deliverPendingMail({ now: later(retryDelayMs(1) + 1_000) })).toEqual({ sent: 3, retry: 0 });
    expect(deliveries(smtp.messages, 3)).toEqual([1, 1, 1]);
    const sent = await prisma.emailMessage.findMany();
    expect(sent.every((r) => r.status === "sent" && r.attempts === 2 && r.error === null)).toBe(true);
    // The same Message-ID as the one fixed at enqueue.
    expect(smtp.messages.map((m) => m.parsed.messageId).sort()).toEqual(failed.map((r) => r.messageId).sort());
  });

  it("waits longer after each failure and gives up after the last attempt, shown on the admin page", async () => {
    const port = smtp.port;
    await smtp.close();
    try {
      const { id } = await enqueueMail(prisma, mail(1));
      let clock = Date.now();
      for (let attempt = 1; attempt <= MAIL_QUEUE.maxAttempts; attempt++) {
        expect(await deliverPendingMail({ now: () => new Date(clock) })).toEqual({ sent: 0, retry: 1 });
        const row = await prisma.emailMessage.findUniqueOrThrow({ where: { id } });
        expect(row.attempts).toBe(attempt);
        if (attempt < MAIL_QUEUE.maxAttempts) {
          expect(row.status).toBe("pending");
          expect(row.nextAttemptAt!.getTime() - clock).toBe(retryDelayMs(attempt));
          clock = row.nextAttemptAt!.getTime();
        } else {
          expect(row.status).toBe("failed");
        }
      }
      expect(retryDelayMs(2)).toBe(2 * retryDelayMs(1));
      expect(await deliverPendingMail({ now: () => new Date(clock + 365 * 86_400_000) })).toEqual({ sent: 0, retry: 0 });
      expect(await mailQueueStatus()).toMatchObject({ pending: 0, sending: 0, failed: 1 });
      expect((await listEmails({})).items[0]).toMatchObject({
        status: "failed",
        attempts: MAIL_QUEUE.maxAttempts,
        error: expect.any(String),
      });
    } finally {
      smtp = await startSmtpListener({ port, refuse: (address) => address.startsWith("inconnu@") });
    }
  });

  it("marks a message refused by the server (5xx) as failed at once", async () => {
    const { id } = await enqueueMail(prisma, { to: "inconnu@exemple.test", subject: "Refusé", text: "…" });
    await deliverPendingMail();
    expect(await prisma.emailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "failed",
      attempts: 1,
      error: expect.stringMatching(/550/),
    });
  });

  it("never sends a message twice when two senders (two processes) run at once", async () => {
    await enqueue(60);
    const other = await startSenderProcess();
    const [here, there] = await Promise.all([deliverPendingMail(), other.run()]);
    console.log(`deux expéditeurs : ${here.sent} envoyés ici, ${there.sent} par l'autre processus`);
    expect(here.sent + there.sent).toBe(60);
    expect(deliveries(smtp.messages, 60)).toEqual(Array(60).fill(1));
    expect(smtp.messages).toHaveLength(60);
  });

  it("after a sender stopped mid-batch, the next run delivers the rest, none twice", async () => {
    const rows = await enqueue(10);
    // A sender stops after four messages.
    expect(await deliverPendingMail({ limit: 4 })).toEqual({ sent: 4, retry: 0 });
    const pending = await prisma.emailMessage.findMany({ where: { status: "pending" }, orderBy: { createdAt: "asc" } });
    expect(pending).toHaveLength(6);
    // Another one crashed after claiming a message, long ago (its lease has expired)…
    const crashed = pending[0];
    await prisma.emailMessage.update({
      where: { id: crashed.id },
      data: { status: "sending", claimedAt: new Date(Date.now() - MAIL_QUEUE.leaseMs - 60_000), claimToken: "arrete", attempts: 1 },
    });
    // …and a third is sending one right now: its lease holds.
    const busy = pending[1];
    await prisma.emailMessage.update({
      where: { id: busy.id },
      data: { status: "sending", claimedAt: new Date(), claimToken: "en-cours", attempts: 1 },
    });

    expect(await deliverPendingMail()).toEqual({ sent: 5, retry: 0 });
    expect(smtp.messages.some((m) => m.parsed.messageId === busy.messageId)).toBe(false);
    expect(await prisma.emailMessage.findUniqueOrThrow({ where: { id: crashed.id } })).toMatchObject({ status: "sent", attempts: 2 });

    // The busy sender never finished either: once its lease is over, the message goes out.
    expect(await deliverPendingMail({ now: later(MAIL_QUEUE.leaseMs + 1_000) })).toEqual({ sent: 1, retry: 0 });
    expect(deliveries(smtp.messages, 10)).toEqual(Array(10).fill(1));
    expect(smtp.messages.map((m) => m.parsed.messageId).sort()).toEqual(rows.map((r) => r.messageId).sort());
  });

  it("without SMTP_URL, records the message as not delivered and sends nothing", async () => {
    process.env.SMTP_URL = "";
    resetEnvCache();
    try {
      const { id } = await sendMail(mail(1));
      await settleMail();
      expect(await deliverPendingMail()).toEqual({ sent: 0, retry: 0 });
      expect(await prisma.emailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "recorded", attempts: 0 });
    } finally {
      process.env.SMTP_URL = smtp.url;
      resetEnvCache();
    }
  });
});
