// A call's indicators, the administrator's side: add, edit, remove, reorder, and the indicators
// each criterion refers to. Once a dossier of the call has been deposited, an indicator's kind
// and unit are what dossiers answered: they no longer change, and no indicator is removed.
import type { SessionUser } from "~/accounts/auth.server";
import { prisma, writeTransaction, type Tx } from "~/db.server";
import { recordAudit } from "~/lib/audit.server";
import { DomainError, notFoundError } from "~/lib/domain-error";
import { MAX_CALL_INDICATORS, type CallIndicatorInput } from "~/steering/call-indicator-schemas";

export const callIndicatorSelect = {
  id: true,
  name: true,
  kind: true,
  unit: true,
  targetRequired: true,
  description: true,
  position: true,
} as const;

const LOCKED_MESSAGE = "Un dossier de cet appel a déjà été déposé";

/** Whether a dossier of the call has been deposited (its indicators' kind and unit are then fixed). */
export async function callHasDeposits(callId: string, db: Pick<Tx, "dossier"> = prisma) {
  return (await db.dossier.count({ where: { callId, submittedAt: { not: null } } })) > 0;
}

/** The call, its indicators in order and its criteria with the indicators they refer to; 404 when no such call. */
export async function getCallIndicatorsForAdmin(callId: string) {
  const call = await prisma.call.findUnique({
    where: { id: callId },
    select: {
      id: true,
      title: true,
      indicators: { orderBy: [{ position: "asc" }, { id: "asc" }], select: callIndicatorSelect },
      criteria: {
        orderBy: { position: "asc" },
        select: { id: true, label: true, indicators: { select: { indicatorId: true } } },
      },
    },
  });
  if (!call) throw notFoundError();
  return {
    call: { id: call.id, title: call.title },
    indicators: call.indicators,
    criteria: call.criteria.map((c) => ({ id: c.id, label: c.label, indicatorIds: c.indicators.map((i) => i.indicatorId) })),
    locked: await callHasDeposits(callId),
  };
}

/** What associations see before starting: the call's indicators, with the criteria that refer to them. */
export async function listCallIndicators(callId: string) {
  return prisma.callIndicator.findMany({
    where: { callId },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { ...callIndicatorSelect, criteria: { select: { criterion: { select: { id: true, label: true } } } } },
  });
}

async function indicatorOf(tx: Tx, callId: string, indicatorId: string) {
  const indicator = await tx.callIndicator.findFirst({ where: { id: indicatorId, callId }, select: callIndicatorSelect });
  if (!indicator) throw new DomainError("Cet indicateur n'existe plus : rechargez la page.", { code: "indicator_not_found", status: 409 });
  return indicator;
}

function audit(tx: Tx, callId: string, actor: SessionUser, comment: string) {
  return recordAudit(tx, { entityType: "call", entityId: callId, actorId: actor.id, action: "indicateurs", comment });
}

export async function addCallIndicator(callId: string, input: CallIndicatorInput, actor: SessionUser) {
  return writeTransaction(async (tx) => {
    const call = await tx.call.findUnique({ where: { id: callId }, select: { id: true, _count: { select: { indicators: true } } } });
    if (!call) throw notFoundError();
    if (call._count.indicators >= MAX_CALL_INDICATORS)
      throw new DomainError(`Un appel compte au plus ${MAX_CALL_INDICATORS} indicateurs.`, { code: "too_many_indicators" });
    const last = await tx.callIndicator.aggregate({ where: { callId }, _max: { position: true } });
    const created = await tx.callIndicator.create({
      data: { callId, ...input, description: input.description ?? "", position: (last._max.position ?? -1) + 1 },
      select: callIndicatorSelect,
    });
    await audit(tx, callId, actor, `Indicateur ajouté : ${created.name}`);
    return created;
  });
}

export async function updateCallIndicator(callId: string, indicatorId: string, input: CallIndicatorInput, actor: SessionUser) {
  const locked = await callHasDeposits(callId);
  return writeTransaction(async (tx) => {
    const current = await indicatorOf(tx, callId, indicatorId);
    if (locked && current.kind !== input.kind)
      throw new DomainError(`${LOCKED_MESSAGE} : la nature de « ${current.name} » ne peut plus changer.`, {
        code: "indicator_locked",
        field: "kind",
      });
    if (locked && current.unit !== input.unit)
      throw new DomainError(`${LOCKED_MESSAGE} : l'unité de « ${current.name} » ne peut plus changer.`, {
        code: "indicator_locked",
        field: "unit",
      });
    const updated = await tx.callIndicator.update({
      where: { id: current.id },
      data: { ...input, description: input.description ?? "" },
      select: callIndicatorSelect,
    });
    // Dossiers keep a copy of the name, kind and unit: drafts follow the call, deposited ones keep their name.
    await tx.projectIndicator.updateMany({
      where: { callIndicatorId: current.id, dossier: { is: { submittedAt: null } } },
      data: { name: updated.name, kind: updated.kind, unit: updated.unit },
    });
    await audit(tx, callId, actor, `Indicateur modifié : ${updated.name}`);
    return updated;
  });
}

export async function removeCallIndicator(callId: string, indicatorId: string, actor: SessionUser) {
  const locked = await callHasDeposits(callId);
  return writeTransaction(async (tx) => {
    const current = await indicatorOf(tx, callId, indicatorId);
    if (locked || (await callHasDeposits(callId, tx)))
      throw new DomainError(`${LOCKED_MESSAGE} : l'indicateur « ${current.name} » ne peut plus être retiré.`, { code: "indicator_locked" });
    // Only drafts gave it a target: their answer goes with it.
    await tx.projectIndicator.deleteMany({ where: { callIndicatorId: current.id } });
    await tx.callIndicator.delete({ where: { id: current.id } });
    await audit(tx, callId, actor, `Indicateur retiré : ${current.name}`);
    return current;
  });
}

/** Moves an indicator one place up or down; at either end nothing moves. */
export async function moveCallIndicator(callId: string, indicatorId: string, direction: "up" | "down", actor: SessionUser) {
  return writeTransaction(async (tx) => {
    await indicatorOf(tx, callId, indicatorId);
    const list = await tx.callIndicator.findMany({
      where: { callId },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { id: true, name: true },
    });
    const from = list.findIndex((i) => i.id === indicatorId);
    const to = direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= list.length) return;
    [list[from], list[to]] = [list[to], list[from]];
    for (const [position, item] of list.entries()) await tx.callIndicator.update({ where: { id: item.id }, data: { position } });
    await audit(tx, callId, actor, `Indicateur déplacé : ${list[to].name}`);
  });
}

/** Sets, for every criterion of the call, the indicators it refers to (`links[criterionId]`; absent = none). */
export async function setCriterionIndicators(callId: string, links: Record<string, string[]>, actor: SessionUser) {
  return writeTransaction(async (tx) => {
    const [criteria, indicators] = await Promise.all([
      tx.criterion.findMany({ where: { callId }, select: { id: true } }),
      tx.callIndicator.findMany({ where: { callId }, select: { id: true } }),
    ]);
    const known = new Set(indicators.map((i) => i.id));
    for (const criterion of criteria) {
      const chosen = [...new Set(links[criterion.id] ?? [])];
      if (chosen.some((id) => !known.has(id)))
        throw new DomainError("Un des indicateurs choisis n'existe plus : rechargez la page.", {
          code: "indicator_not_found",
          status: 409,
        });
      await tx.criterionIndicator.deleteMany({ where: { criterionId: criterion.id } });
      if (chosen.length)
        await tx.criterionIndicator.createMany({ data: chosen.map((indicatorId) => ({ criterionId: criterion.id, indicatorId })) });
    }
    await audit(tx, callId, actor, "Critères rattachés aux indicateurs");
  });
}
