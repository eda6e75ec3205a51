// The reminders of expert opinions, swept by a background job (server/jobs.ts): an unanswered
// request is reminded once a couple of days before its deadline, and once when the deadline has
// passed. `remindedAt` says where it stands, and each reminder is a conditional update on it, so
// a run repeated, or two processes at once, send each reminder once.
import { prisma, writeTransaction, type Prisma } from "~/db.server";
import { kickMailQueue } from "~/mail/mail.server";
import { sendOpinionReminder } from "./opinions.server";

/** How long before the deadline the first reminder goes. */
export const REMIND_BEFORE_MS = 2 * 24 * 60 * 60 * 1000;

export async function sendDueOpinionReminders(now = new Date()) {
  const open = {
    answeredAt: null,
    cancelledAt: null,
    dossier: { state: { in: ["en_construction", "en_instruction"] } },
  } satisfies Prisma.ExpertOpinionWhereInput;
  const [soon, overdue] = await Promise.all([
    // Deadline within two days, asked earlier than that, not reminded since the window opened.
    prisma.expertOpinion.findMany({
      where: { ...open, dueAt: { gt: now, lte: new Date(now.getTime() + REMIND_BEFORE_MS) } },
      select: { id: true, dueAt: true, createdAt: true, remindedAt: true },
    }),
    // Deadline passed, not reminded since.
    prisma.expertOpinion.findMany({ where: { ...open, dueAt: { lte: now } }, select: { id: true, dueAt: true, remindedAt: true } }),
  ]);
  let sent = 0;
  for (const o of soon) {
    const windowOpens = o.dueAt.getTime() - REMIND_BEFORE_MS;
    if (o.createdAt.getTime() >= windowOpens) continue;
    if (o.remindedAt && o.remindedAt.getTime() >= windowOpens) continue;
    if (await writeTransaction((tx) => sendOpinionReminder(tx, o, "soon", now, null))) sent++;
  }
  for (const o of overdue) {
    if (o.remindedAt && o.remindedAt >= o.dueAt) continue;
    if (await writeTransaction((tx) => sendOpinionReminder(tx, o, "overdue", now, null))) sent++;
  }
  if (sent) void kickMailQueue();
  return { sent };
}
