// The CCAS staff's moderation of the network: hide a post or a message with a reason (its author
// association reads it), show it again, and handle the members' abuse reports — « Masquer »
// (upheld: the post or message is hidden, the resolution is its reason) or « Classer sans suite »
// (dismissed). Each reporter hears of the outcome by e-mail; every change has its audit line.
// Handled reports are deleted a year after handling (docs/retention.md).
import { writeTransaction, prisma, type Tx } from "~/db.server";
import { recordAudit } from "~/lib/audit.server";
import { DomainError, notFoundError } from "~/lib/domain-error";
import { absoluteUrl, enqueueMail, kickMailQueue } from "~/mail/mail.server";
import { loadPortalSettings } from "~/settings/portal-settings.server";
import { postHiddenEmail, reportOutcomeEmail } from "./moderation-emails";

const DAY = 24 * 3600_000;

/** How long a handled report is kept (its reporter's identity and reason), in days. */
export const HANDLED_REPORT_RETENTION_DAYS = 365;

type Staff = { id: string };

const ccasName = async (tx: Tx) => (await loadPortalSettings(tx)).name;

/** The author association's page of its post (built by the posts part). */
export function ownPostPath(associationId: string, postId: string) {
  return `/espace/associations/${associationId}/reseau/${postId}`;
}

async function hidePostIn(tx: Tx, postId: string, reason: string, staff: Staff) {
  const post = await tx.networkPost.findUnique({
    where: { id: postId },
    select: { id: true, title: true, associationId: true, hiddenAt: true },
  });
  if (!post) throw notFoundError("Cette annonce n'existe pas.");
  await tx.networkPost.update({ where: { id: post.id }, data: { hiddenAt: new Date(), hiddenReason: reason, hiddenById: staff.id } });
  await recordAudit(tx, { entityType: "network_post", entityId: post.id, actorId: staff.id, action: "masquage_annonce", comment: reason });
  const members = await tx.membership.findMany({
    where: { associationId: post.associationId, user: { disabledAt: null } },
    select: { user: { select: { email: true } } },
  });
  const email = postHiddenEmail(
    { title: post.title, reason, ccasName: await ccasName(tx) },
    absoluteUrl(ownPostPath(post.associationId, post.id)),
  );
  for (const m of members) await enqueueMail(tx, { to: m.user.email, ...email });
}

async function hideMessageIn(tx: Tx, messageId: string, reason: string, staff: Staff) {
  const message = await tx.conversationMessage.findUnique({ where: { id: messageId }, select: { id: true } });
  if (!message) throw notFoundError("Ce message n'existe pas.");
  await tx.conversationMessage.update({
    where: { id: message.id },
    data: { hiddenAt: new Date(), hiddenReason: reason, hiddenById: staff.id },
  });
  await recordAudit(tx, {
    entityType: "conversation_message",
    entityId: message.id,
    actorId: staff.id,
    action: "masquage_message",
    comment: reason,
  });
}

/** Hides a post from the network (hidden again: the new reason replaces the old); its author association is told why. */
export async function hidePost(input: { postId: string; reason: string }, staff: Staff) {
  await writeTransaction((tx) => hidePostIn(tx, input.postId, input.reason, staff));
  void kickMailQueue();
}

/** Shows a hidden post again (the reason is cleared). */
export async function unhidePost(input: { postId: string }, staff: Staff) {
  await writeTransaction(async (tx) => {
    const post = await tx.networkPost.findUnique({ where: { id: input.postId }, select: { id: true, hiddenAt: true } });
    if (!post) throw notFoundError("Cette annonce n'existe pas.");
    if (!post.hiddenAt) throw new DomainError("Cette annonce n'est pas masquée.", { code: "not_hidden", status: 409 });
    await tx.networkPost.update({ where: { id: post.id }, data: { hiddenAt: null, hiddenReason: null, hiddenById: null } });
    await recordAudit(tx, { entityType: "network_post", entityId: post.id, actorId: staff.id, action: "affichage_annonce" });
  });
}

/** Hides a message of a conversation: both sides then read « Message masqué par le CCAS » and the reason. */
export async function hideMessage(input: { messageId: string; reason: string }, staff: Staff) {
  await writeTransaction((tx) => hideMessageIn(tx, input.messageId, input.reason, staff));
}

/** Shows a hidden message again. */
export async function unhideMessage(input: { messageId: string }, staff: Staff) {
  await writeTransaction(async (tx) => {
    const message = await tx.conversationMessage.findUnique({ where: { id: input.messageId }, select: { id: true, hiddenAt: true } });
    if (!message) throw notFoundError("Ce message n'existe pas.");
    if (!message.hiddenAt) throw new DomainError("Ce message n'est pas masqué.", { code: "not_hidden", status: 409 });
    await tx.conversationMessage.update({ where: { id: message.id }, data: { hiddenAt: null, hiddenReason: null, hiddenById: null } });
    await recordAudit(tx, { entityType: "conversation_message", entityId: message.id, actorId: staff.id, action: "affichage_message" });
  });
}

type Outcome = { status: "upheld" | "dismissed"; resolution: string | null };

/**
 * Closes the report and every other open report of the same post or message with the same outcome
 * (one decision on one content), and tells each reporter. Only an open report can be handled.
 */
async function closeReports(tx: Tx, reportId: string, outcome: Outcome, staff: Staff) {
  const report = await tx.abuseReport.findUnique({
    where: { id: reportId },
    select: { id: true, status: true, postId: true, messageId: true },
  });
  if (!report) throw notFoundError("Ce signalement n'existe pas.");
  if (report.status !== "open") throw new DomainError("Ce signalement a déjà été traité.", { code: "already_handled", status: 409 });
  const target = report.postId ? { postId: report.postId } : { messageId: report.messageId };
  const reports = await tx.abuseReport.findMany({
    where: { status: "open", ...target },
    select: { id: true, reporter: { select: { email: true, disabledAt: true } } },
  });
  const now = new Date();
  await tx.abuseReport.updateMany({
    where: { id: { in: reports.map((r) => r.id) }, status: "open" },
    data: { status: outcome.status, resolution: outcome.resolution, handledById: staff.id, handledAt: now },
  });
  const email = reportOutcomeEmail({
    upheld: outcome.status === "upheld",
    what: report.postId ? "post" : "message",
    resolution: outcome.resolution,
    ccasName: await ccasName(tx),
  });
  for (const r of reports) {
    await recordAudit(tx, {
      entityType: "abuse_report",
      entityId: r.id,
      actorId: staff.id,
      action: outcome.status === "upheld" ? "signalement_retenu" : "signalement_classe",
      fromState: "open",
      toState: outcome.status,
      comment: outcome.resolution,
    });
    if (r.reporter && !r.reporter.disabledAt) await enqueueMail(tx, { to: r.reporter.email, ...email });
  }
  return report;
}

/** « Masquer »: the reported post or message is hidden with the resolution as its reason. */
export async function upholdReport(input: { reportId: string; resolution: string }, staff: Staff) {
  await writeTransaction(async (tx) => {
    const report = await closeReports(tx, input.reportId, { status: "upheld", resolution: input.resolution }, staff);
    if (report.postId) await hidePostIn(tx, report.postId, input.resolution, staff);
    else if (report.messageId) await hideMessageIn(tx, report.messageId, input.resolution, staff);
  });
  void kickMailQueue();
}

/** « Classer sans suite »: nothing is hidden; the reporter is told, with the resolution if one is given. */
export async function dismissReport(input: { reportId: string; resolution: string | null }, staff: Staff) {
  await writeTransaction((tx) => closeReports(tx, input.reportId, { status: "dismissed", resolution: input.resolution }, staff));
  void kickMailQueue();
}

/** Retention: handled reports go a year after their handling (open ones stay until handled). */
export async function purgeHandledAbuseReports(now = new Date()) {
  const { count } = await prisma.abuseReport.deleteMany({
    where: { status: { not: "open" }, handledAt: { lt: new Date(now.getTime() - HANDLED_REPORT_RETENTION_DAYS * DAY) } },
  });
  return count;
}
