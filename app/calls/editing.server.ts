// Writing a call for projects from the administrator's form: its columns, fields of
// intervention, reviewers and criteria.
import type { SessionUser } from "~/accounts/auth.server";
import { prisma, writeTransaction, type Tx } from "~/db.server";
import { recordAudit } from "~/lib/audit.server";
import { DomainError, notFoundError } from "~/lib/domain-error";
import { fromParisInputValue } from "~/lib/format";
import { slugify } from "~/lib/slug";
import { serializeRequiredAttachments } from "~/calls/required-attachments";
import { criteriaFromInput, type CallInput } from "~/calls/schemas";

async function uniqueCallSlug(title: string, excludeId?: string) {
  const base = slugify(title) || "appel-a-projets";
  for (let i = 0; i < 1000; i++) {
    const candidate = i === 0 ? base : `${base}-${i + 1}`;
    const taken = await prisma.call.findUnique({ where: { slug: candidate }, select: { id: true } });
    if (!taken || taken.id === excludeId) return candidate;
  }
  throw new Error("Impossible de trouver une adresse libre pour cet appel.");
}

async function callColumns(input: CallInput) {
  const staff = await prisma.user.findMany({
    where: { id: { in: input.reviewerIds }, role: { in: ["staff", "admin"] } },
    select: { id: true },
  });
  if (staff.length !== new Set(input.reviewerIds).size)
    throw new DomainError("Les instructeur·rices doivent être des comptes du CCAS.", { code: "reviewer_not_staff", field: "reviewerIds" });
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
      financialYear: input.financialYear,
      requiredAttachments: serializeRequiredAttachments(input.requiredAttachments),
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
    await recordAudit(tx, { entityType: "call", entityId: call.id, actorId: actor.id, action: "création", toState: "brouillon" });
    return call;
  });
}

/**
 * Edits a call. Criteria are replaced only while no score refers to them (once review has
 * started, their labels and weights stay as scored).
 */
export async function updateCallFromInput(callId: string, input: CallInput, actor: SessionUser) {
  const current = await prisma.call.findUnique({ where: { id: callId }, select: { status: true, _count: { select: { dossiers: true } } } });
  if (!current) throw notFoundError();
  const { columns, reviewerIds } = await callColumns(input);
  const scored = await prisma.score.count({ where: { criterion: { callId } } });
  return writeTransaction(async (tx) => {
    const call = await tx.call.update({ where: { id: callId }, data: columns, select: { id: true, title: true } });
    await writeCallChildren(tx, callId, input, reviewerIds);
    if (scored === 0) {
      // The indicators a criterion refers to stay with the criterion at the same place.
      const links = await tx.criterionIndicator.findMany({
        where: { criterion: { callId } },
        select: { indicatorId: true, criterion: { select: { position: true } } },
      });
      await tx.criterion.deleteMany({ where: { callId } });
      await tx.criterion.createMany({ data: criteriaFromInput(input).map((c, position) => ({ ...c, callId, position })) });
      const created = await tx.criterion.findMany({ where: { callId }, select: { id: true, position: true } });
      const byPosition = new Map(created.map((c) => [c.position, c.id]));
      const kept = links.flatMap((l) => {
        const criterionId = byPosition.get(l.criterion.position);
        return criterionId ? [{ criterionId, indicatorId: l.indicatorId }] : [];
      });
      if (kept.length) await tx.criterionIndicator.createMany({ data: kept });
    }
    await recordAudit(tx, { entityType: "call", entityId: callId, actorId: actor.id, action: "modification" });
    return { ...call, criteriaKept: scored > 0 };
  });
}
