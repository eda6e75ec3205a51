// Calls for projects ("appels à projets"): the administrator writes and publishes them;
// the public reads them; a published call closes by itself at its closing time.
import { renderMarkdown } from "~/lib/markdown.server";
import type { SessionUser } from "~/accounts/auth.server";
import { prisma, writeTransaction, type Tx } from "~/db.server";
import { notFound } from "~/lib/http.server";
import { fromParisInputValue } from "~/lib/format";
import { slugify } from "~/lib/slug";
import { criteriaFromInput, type CallInput } from "~/calls/schemas";
import { CALL_STATUSES, CALL_STATUS_LABELS, CALL_TRANSITIONS, type CallStatus } from "~/calls/call-status";

export { CALL_STATUSES, CALL_STATUS_LABELS, CALL_TRANSITIONS };
export type { CallStatus };

type CallTiming = { status: string; opensAt: Date; closesAt: Date };

/** The status as it is now: a published call whose closing time has passed is closed. */
export function effectiveCallStatus(call: CallTiming, now = new Date()): CallStatus {
  if (call.status === "publie" && call.closesAt.getTime() <= now.getTime()) return "clos";
  return call.status as CallStatus;
}

/** Open for applications: published, opened, not yet closed (server clock). */
export function isCallOpen(call: CallTiming, now = new Date()): boolean {
  return effectiveCallStatus(call, now) === "publie" && call.opensAt.getTime() <= now.getTime();
}

export function parseRequiredAttachments(json: string): string[] {
  try {
    const value = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

export const callPublicSelect = {
  id: true,
  slug: true,
  title: true,
  summary: true,
  body: true,
  envelopeCents: true,
  minAmountCents: true,
  maxAmountCents: true,
  opensAt: true,
  closesAt: true,
  status: true,
  requiredAttachments: true,
  publishedAt: true,
  fields: { select: { slug: true } },
  criteria: { select: { id: true, label: true, description: true, weight: true }, orderBy: { position: "asc" as const } },
} as const;

const PUBLIC_STATUSES = ["publie", "clos", "decisions_publiees"];

export async function listPublicCalls(now = new Date()) {
  const calls = await prisma.call.findMany({
    where: { status: { in: PUBLIC_STATUSES } },
    orderBy: { closesAt: "desc" },
    select: { id: true, slug: true, title: true, summary: true, envelopeCents: true, opensAt: true, closesAt: true, status: true },
  });
  const withStatus = calls.map((c) => ({ ...c, effectiveStatus: effectiveCallStatus(c, now), open: isCallOpen(c, now) }));
  return {
    open: withStatus.filter((c) => c.effectiveStatus === "publie").sort((a, b) => a.closesAt.getTime() - b.closesAt.getTime()),
    past: withStatus.filter((c) => c.effectiveStatus !== "publie"),
  };
}

export async function getPublicCall(slug: string, now = new Date()) {
  const call = await prisma.call.findFirst({ where: { slug, status: { in: PUBLIC_STATUSES } }, select: callPublicSelect });
  if (!call) return null;
  return { ...call, effectiveStatus: effectiveCallStatus(call, now), open: isCallOpen(call, now), html: renderMarkdown(call.body) };
}

/** Calls an association can apply to now. */
export async function listOpenCalls(now = new Date()) {
  const calls = await prisma.call.findMany({
    where: { status: "publie", opensAt: { lte: now }, closesAt: { gt: now } },
    orderBy: { closesAt: "asc" },
    select: { id: true, slug: true, title: true, closesAt: true },
  });
  return calls;
}

// ── Administration ─────────────────────────────────────────────────

export async function listCallsForAdmin(now = new Date()) {
  const calls = await prisma.call.findMany({
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      opensAt: true,
      closesAt: true,
      envelopeCents: true,
      _count: { select: { dossiers: true } },
    },
  });
  return calls.map((c) => ({ ...c, effectiveStatus: effectiveCallStatus(c, now) }));
}

export async function getCallForAdmin(callId: string) {
  const call = await prisma.call.findUnique({
    where: { id: callId },
    select: { ...callPublicSelect, reviewers: { select: { userId: true } } },
  });
  if (!call) throw notFound();
  return { ...call, effectiveStatus: effectiveCallStatus(call) };
}

export async function listStaffUsers() {
  return prisma.user.findMany({
    where: { role: { in: ["staff", "admin"] }, disabledAt: null },
    orderBy: { name: "asc" },
    select: { id: true, name: true, email: true },
  });
}

async function uniqueCallSlug(title: string, excludeId?: string) {
  const base = slugify(title) || "appel-a-projets";
  for (let i = 0; i < 1000; i++) {
    const candidate = i === 0 ? base : `${base}-${i + 1}`;
    const taken = await prisma.call.findUnique({ where: { slug: candidate }, select: { id: true } });
    if (!taken || taken.id === excludeId) return candidate;
  }
  throw new Error("Impossible de trouver une adresse libre pour cet appel.");
}

export class CallValidationError extends Error {
  constructor(
    public field: string,
    message: string,
  ) {
    super(message);
  }
}

async function callColumns(input: CallInput) {
  const staff = await prisma.user.findMany({
    where: { id: { in: input.reviewerIds }, role: { in: ["staff", "admin"] } },
    select: { id: true },
  });
  if (staff.length !== new Set(input.reviewerIds).size)
    throw new CallValidationError("reviewerIds", "Les instructeur·rices doivent être des comptes du CCAS.");
  return {
    columns: {
      title: input.title,
      summary: input.summary,
      body: input.body,
      envelopeCents: input.envelope,
      minAmountCents: input.minAmount,
      maxAmountCents: input.maxAmount,
      opensAt: fromParisInputValue(input.opensAt)!,
      closesAt: fromParisInputValue(input.closesAt)!,
      requiredAttachments: JSON.stringify([...new Set(input.requiredAttachments)]),
    },
    reviewerIds: staff.map((s) => s.id),
  };
}

async function writeCallChildren(tx: Tx, callId: string, input: CallInput, reviewerIds: string[]) {
  await tx.callField.deleteMany({ where: { callId } });
  await tx.callField.createMany({ data: [...new Set(input.fields)].map((slug) => ({ callId, slug })) });
  await tx.callReviewer.deleteMany({ where: { callId } });
  await tx.callReviewer.createMany({ data: reviewerIds.map((userId) => ({ callId, userId })) });
}

export async function createCallFromInput(input: CallInput, actor: SessionUser) {
  const { columns, reviewerIds } = await callColumns(input);
  const slug = await uniqueCallSlug(input.title);
  return writeTransaction(async (tx) => {
    const call = await tx.call.create({ data: { ...columns, slug, status: "brouillon" }, select: { id: true, title: true } });
    await writeCallChildren(tx, call.id, input, reviewerIds);
    await tx.criterion.createMany({ data: criteriaFromInput(input).map((c, position) => ({ ...c, callId: call.id, position })) });
    await tx.auditEvent.create({
      data: { entityType: "call", entityId: call.id, actorId: actor.id, action: "création", toState: "brouillon" },
    });
    return call;
  });
}

/**
 * Edits a call. Criteria are replaced only while no score refers to them (once review has
 * started, their labels and weights stay as scored).
 */
export async function updateCallFromInput(callId: string, input: CallInput, actor: SessionUser) {
  const current = await prisma.call.findUnique({ where: { id: callId }, select: { status: true, _count: { select: { dossiers: true } } } });
  if (!current) throw notFound();
  const { columns, reviewerIds } = await callColumns(input);
  const scored = await prisma.score.count({ where: { criterion: { callId } } });
  return writeTransaction(async (tx) => {
    const call = await tx.call.update({ where: { id: callId }, data: columns, select: { id: true, title: true } });
    await writeCallChildren(tx, callId, input, reviewerIds);
    if (scored === 0) {
      await tx.criterion.deleteMany({ where: { callId } });
      await tx.criterion.createMany({ data: criteriaFromInput(input).map((c, position) => ({ ...c, callId, position })) });
    }
    await tx.auditEvent.create({ data: { entityType: "call", entityId: callId, actorId: actor.id, action: "modification" } });
    return { ...call, criteriaKept: scored > 0 };
  });
}

export async function changeCallStatus(callId: string, to: CallStatus, actor: SessionUser | null) {
  const call = await prisma.call.findUnique({ where: { id: callId }, select: { status: true, opensAt: true, closesAt: true } });
  if (!call) throw notFound();
  const from = call.status as CallStatus;
  if (!CALL_TRANSITIONS[from]?.includes(to))
    return { ok: false as const, message: `Un appel « ${CALL_STATUS_LABELS[from]} » ne peut pas passer à « ${CALL_STATUS_LABELS[to]} ».` };
  const updated = await prisma.call.updateMany({
    where: { id: callId, status: from },
    data: { status: to, ...(to === "publie" ? { publishedAt: new Date() } : {}) },
  });
  if (updated.count !== 1) return { ok: false as const, message: "L'appel a changé entre-temps : rechargez la page." };
  await prisma.auditEvent.create({
    data: { entityType: "call", entityId: callId, actorId: actor?.id ?? null, action: "changement d'état", fromState: from, toState: to },
  });
  return { ok: true as const };
}

/** The background job: published calls past their closing time become closed. */
export async function closeDueCalls(now = new Date()) {
  const due = await prisma.call.findMany({ where: { status: "publie", closesAt: { lte: now } }, select: { id: true } });
  for (const call of due) {
    const done = await prisma.call.updateMany({ where: { id: call.id, status: "publie" }, data: { status: "clos" } });
    if (done.count === 1) {
      await prisma.auditEvent.create({
        data: { entityType: "call", entityId: call.id, action: "clôture automatique", fromState: "publie", toState: "clos" },
      });
    }
  }
  return due.length;
}
