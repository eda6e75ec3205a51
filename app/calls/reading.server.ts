// Reading calls for projects: the public's list and page, the calls open to associations,
// the administrator's list and form.
import { renderMarkdown } from "~/lib/markdown.server";
import { prisma } from "~/db.server";
import type { CallStatus } from "~/generated/prisma/enums";
import { notFoundError } from "~/lib/domain-error";
import { callTimingSelect, effectiveCallStatus, isCallOpen } from "~/calls/call-status";

export const callPublicSelect = {
  id: true,
  slug: true,
  title: true,
  summary: true,
  body: true,
  envelopeCents: true,
  financialYear: true,
  minAmountCents: true,
  maxAmountCents: true,
  ...callTimingSelect,
  requiredAttachments: true,
  publishedAt: true,
  fields: { select: { slug: true } },
  criteria: { select: { id: true, label: true, description: true, weight: true }, orderBy: { position: "asc" as const } },
} as const;

const PUBLIC_STATUSES: CallStatus[] = ["publie", "clos", "decisions_publiees"];

export async function listPublicCalls(now = new Date()) {
  const calls = await prisma.call.findMany({
    where: { status: { in: PUBLIC_STATUSES } },
    orderBy: { closesAt: "desc" },
    select: { id: true, slug: true, title: true, summary: true, envelopeCents: true, ...callTimingSelect },
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
      ...callTimingSelect,
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
  if (!call) throw notFoundError();
  return { ...call, effectiveStatus: effectiveCallStatus(call) };
}

export async function listStaffUsers() {
  return prisma.user.findMany({
    where: { role: { in: ["staff", "admin"] }, disabledAt: null },
    orderBy: { name: "asc" },
    select: { id: true, name: true, email: true },
  });
}
