// A call's life: the administrator moves it from state to state; a published call past its
// closing time is closed by the background job.
import type { SessionUser } from "~/accounts/auth.server";
import { prisma, writeTransaction } from "~/db.server";
import { recordAudit } from "~/lib/audit.server";
import { notFoundError } from "~/lib/domain-error";
import { CALL_STATUS_LABELS, CALL_TRANSITIONS, callTimingSelect, type CallStatus } from "~/calls/call-status";

export async function changeCallStatus(callId: string, to: CallStatus, actor: SessionUser | null) {
  const call = await prisma.call.findUnique({ where: { id: callId }, select: callTimingSelect });
  if (!call) throw notFoundError();
  const from = call.status;
  if (!CALL_TRANSITIONS[from]?.includes(to))
    return { ok: false as const, message: `Un appel « ${CALL_STATUS_LABELS[from]} » ne peut pas passer à « ${CALL_STATUS_LABELS[to]} ».` };
  // The conditional move and its audit row together: of several requests at once, one moves it.
  return writeTransaction(async (tx) => {
    const updated = await tx.call.updateMany({
      where: { id: callId, status: from },
      data: { status: to, ...(to === "publie" ? { publishedAt: new Date() } : {}) },
    });
    if (updated.count !== 1) return { ok: false as const, message: "L'appel a changé entre-temps : rechargez la page." };
    await recordAudit(tx, {
      entityType: "call",
      entityId: callId,
      actorId: actor?.id ?? null,
      action: "changement d'état",
      fromState: from,
      toState: to,
    });
    return { ok: true as const };
  });
}

/** The background job: published calls past their closing time become closed. */
export async function closeDueCalls(now = new Date()) {
  const due = await prisma.call.findMany({ where: { status: "publie", closesAt: { lte: now } }, select: { id: true } });
  for (const call of due) {
    await writeTransaction(async (tx) => {
      const done = await tx.call.updateMany({ where: { id: call.id, status: "publie" }, data: { status: "clos" } });
      if (done.count === 1)
        await recordAudit(tx, {
          entityType: "call",
          entityId: call.id,
          action: "clôture automatique",
          fromState: "publie",
          toState: "clos",
        });
    });
  }
  return due.length;
}
