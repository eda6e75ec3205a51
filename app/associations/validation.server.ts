// Validation of a sign-up by an administrator: validated (and published in the directory) or refused.
import { enqueueSearchSync } from "../../search/sync";
import type { SessionUser } from "~/accounts/auth.server";
import { prisma, writeTransaction } from "~/db.server";
import { absoluteUrl, sendMail } from "~/mail/mail.server";
import { notFound } from "~/lib/http.server";
import { representativeEmails } from "~/associations/recipients.server";
import { syncSearchNow } from "~/associations/search-sync.server";

export async function validateAssociation(associationId: string, actor: SessionUser) {
  const association = await writeTransaction(async (tx) => {
    const current = await tx.association.findUnique({
      where: { id: associationId },
      select: { id: true, status: true, name: true, slug: true },
    });
    if (!current) throw notFound();
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
    await tx.auditEvent.create({
      data: {
        entityType: "association",
        entityId: associationId,
        actorId: actor.id,
        action: "validation",
        fromState: current.status,
        toState: "validated",
      },
    });
    await enqueueSearchSync(tx, [associationId]);
    return { ...updated, already: false };
  });
  await syncSearchNow([associationId]);
  if (association.already) return association;
  for (const to of await representativeEmails(associationId)) {
    await sendMail({
      to,
      subject: `${association.name} est validée`,
      text: [
        "Bonjour,",
        "",
        `L'inscription de « ${association.name} » au réseau des associations du CCAS est validée.`,
        `Elle apparaît désormais dans l'annuaire : ${absoluteUrl(`/annuaire/${association.slug}`)}`,
        "",
        `Complétez son profil et suivez vos démarches dans votre espace : ${absoluteUrl("/espace")}`,
      ].join("\n"),
    });
  }
  return association;
}

export async function refuseAssociation(associationId: string, reason: string, actor: SessionUser) {
  const association = await writeTransaction(async (tx) => {
    const current = await tx.association.findUnique({ where: { id: associationId }, select: { status: true } });
    if (!current) throw notFound();
    const updated = await tx.association.update({
      where: { id: associationId },
      data: { status: "refused", refusalReason: reason },
      select: { id: true, name: true },
    });
    await tx.auditEvent.create({
      data: {
        entityType: "association",
        entityId: associationId,
        actorId: actor.id,
        action: "refus",
        fromState: current.status,
        toState: "refused",
        comment: reason,
      },
    });
    await enqueueSearchSync(tx, [associationId]);
    return updated;
  });
  await syncSearchNow([associationId]);
  for (const to of await representativeEmails(associationId)) {
    await sendMail({
      to,
      subject: `Inscription de ${association.name} refusée`,
      text: [
        "Bonjour,",
        "",
        `L'inscription de « ${association.name} » au réseau des associations du CCAS n'a pas été validée, pour le motif suivant :`,
        "",
        reason,
        "",
        `Vous pouvez corriger le profil depuis votre espace et nous contacter : ${absoluteUrl("/espace")}`,
      ].join("\n"),
    });
  }
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
