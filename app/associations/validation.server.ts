// Validation of a sign-up by an administrator: validated (and published in the directory) or refused.
import { enqueueSearchSync } from "../../search/sync";
import type { SessionUser } from "~/accounts/auth.server";
import { prisma, writeTransaction } from "~/db.server";
import { absoluteUrl, enqueueMail, kickMailQueue } from "~/mail/mail.server";
import { recordAudit } from "~/lib/audit.server";
import { notFoundError } from "~/lib/domain-error";
import { associationRefusedEmail, associationValidatedEmail } from "~/associations/emails";
import { representativeEmails } from "~/associations/recipients.server";
import { syncSearchNow } from "~/associations/search-sync.server";

/**
 * Publishes a pending (or refused) association in the directory. Read and checked in the write
 * transaction: the same decision sent twice writes, and sends, once.
 */
export async function validateAssociation(associationId: string, actor: SessionUser) {
  const association = await writeTransaction(async (tx) => {
    const current = await tx.association.findUnique({
      where: { id: associationId },
      select: { id: true, status: true, name: true, slug: true },
    });
    if (!current) throw notFoundError();
    if (current.status === "validated") {
      // Validated already (the same decision sent twice): no second audit entry or e-mail; the
      // directory entry is refreshed all the same (idempotent).
      await enqueueSearchSync(tx, [associationId]);
      return { id: current.id, name: current.name, slug: current.slug, already: true };
    }
    const updated = await tx.association.update({
      where: { id: associationId },
      data: { status: "validated", validatedAt: new Date(), refusalReason: null },
      select: { id: true, name: true, slug: true },
    });
    await recordAudit(tx, {
      entityType: "association",
      entityId: associationId,
      actorId: actor.id,
      action: "validation",
      fromState: current.status,
      toState: "validated",
    });
    await enqueueSearchSync(tx, [associationId]);
    // Queued with the change: committed together, so a crash right after cannot lose the notice.
    const email = associationValidatedEmail({
      associationName: updated.name,
      directoryUrl: absoluteUrl(`/annuaire/${updated.slug}`),
      spaceUrl: absoluteUrl("/espace"),
    });
    for (const to of await representativeEmails(associationId, tx)) await enqueueMail(tx, { to, ...email });
    return { ...updated, already: false };
  });
  await syncSearchNow([associationId]);
  if (!association.already) void kickMailQueue();
  return association;
}

/**
 * Refuses an association, with the reason its representatives receive. Read and checked in the
 * write transaction, as a validation is: refused already (the same decision sent twice), nothing
 * is written or sent again and the first reason stands.
 */
export async function refuseAssociation(associationId: string, reason: string, actor: SessionUser) {
  const association = await writeTransaction(async (tx) => {
    const current = await tx.association.findUnique({ where: { id: associationId }, select: { id: true, status: true, name: true } });
    if (!current) throw notFoundError();
    if (current.status === "refused") {
      await enqueueSearchSync(tx, [associationId]);
      return { id: current.id, name: current.name, already: true };
    }
    const updated = await tx.association.update({
      where: { id: associationId },
      data: { status: "refused", refusalReason: reason },
      select: { id: true, name: true },
    });
    await recordAudit(tx, {
      entityType: "association",
      entityId: associationId,
      actorId: actor.id,
      action: "refus",
      fromState: current.status,
      toState: "refused",
      comment: reason,
    });
    await enqueueSearchSync(tx, [associationId]);
    const email = associationRefusedEmail({ associationName: updated.name, reason, spaceUrl: absoluteUrl("/espace") });
    for (const to of await representativeEmails(associationId, tx)) await enqueueMail(tx, { to, ...email });
    return { ...updated, already: false };
  });
  await syncSearchNow([associationId]);
  if (!association.already) void kickMailQueue();
  return association;
}

export async function listAssociationsByStatus(status: "pending" | "validated" | "refused", take = 200) {
  return prisma.association.findMany({
    where: { status },
    orderBy: { createdAt: "asc" },
    take,
    select: {
      id: true,
      name: true,
      acronym: true,
      slug: true,
      rna: true,
      siret: true,
      socialObject: true,
      district: true,
      createdAt: true,
      status: true,
      refusalReason: true,
      memberships: { where: { isRepresentative: true }, select: { title: true, user: { select: { name: true, email: true } } } },
    },
  });
}

export async function countAssociationsByStatus() {
  const groups = await prisma.association.groupBy({ by: ["status"], _count: { _all: true } });
  return Object.fromEntries(groups.map((g) => [g.status, g._count._all])) as Partial<Record<string, number>>;
}
