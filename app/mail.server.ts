// Every message is recorded in the database first, then delivered over SMTP when
// SMTP_URL is set. Delivery errors are recorded, never thrown at the user's request.
import nodemailer, { type Transporter } from "nodemailer";
import { prisma } from "~/db.server";
import { getEnv } from "~/env.server";

export type MailAttachment = { filename: string; content: Buffer | string; contentType: string };
export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: MailAttachment[];
  /** Extra parts nodemailer understands, e.g. an iCalendar invitation. */
  icalEvent?: { method: "REQUEST" | "PUBLISH" | "CANCEL"; content: string; filename?: string };
};

let transporter: Transporter | null | undefined;
let transporterUrl: string | undefined;

function getTransporter(): Transporter | null {
  const { SMTP_URL } = getEnv();
  if (!SMTP_URL) return null;
  if (transporter && transporterUrl === SMTP_URL) return transporter;
  transporterUrl = SMTP_URL;
  transporter = nodemailer.createTransport(SMTP_URL);
  return transporter;
}

export async function sendMail(mail: OutgoingMail) {
  const attachmentsMeta = [
    ...(mail.attachments ?? []).map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      size: typeof a.content === "string" ? Buffer.byteLength(a.content) : a.content.length,
    })),
    ...(mail.icalEvent
      ? [{ filename: mail.icalEvent.filename ?? "invitation.ics", contentType: "text/calendar", size: Buffer.byteLength(mail.icalEvent.content) }]
      : []),
  ];
  const record = await prisma.emailMessage.create({
    data: {
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      attachments: attachmentsMeta.length ? JSON.stringify(attachmentsMeta) : null,
    },
    select: { id: true },
  });

  const transport = getTransporter();
  if (!transport) return record;
  try {
    await transport.sendMail({
      from: getEnv().MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      attachments: mail.attachments,
      icalEvent: mail.icalEvent,
    });
    await prisma.emailMessage.update({ where: { id: record.id }, data: { status: "sent", sentAt: new Date() } });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`Envoi du courriel ${record.id} impossible :`, message);
    await prisma.emailMessage.update({ where: { id: record.id }, data: { status: "failed", error: message.slice(0, 500) } });
  }
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
  error: true,
  createdAt: true,
  sentAt: true,
} as const;

export async function listEmails({ page = 1, perPage = 50, to }: { page?: number; perPage?: number; to?: string }) {
  const where = to ? { to: { contains: to } } : {};
  const [items, total] = await Promise.all([
    prisma.emailMessage.findMany({ where, orderBy: { createdAt: "desc" }, skip: (page - 1) * perPage, take: perPage, select: emailSelect }),
    prisma.emailMessage.count({ where }),
  ]);
  return { items, total, page, perPage };
}
