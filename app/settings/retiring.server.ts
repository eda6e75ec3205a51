// Retiring a term: it is no longer offered in forms and filters, but it keeps its history (the
// slug stays on the associations and records that hold it, its label still names them). In the
// same step its associations can move to another active term: districts move the association,
// fields and publics replace the slug in the association's list without making a duplicate.
import { enqueueSearchSync } from "../../search/sync";
import type { SessionUser } from "~/accounts/auth.server";
import { prisma, writeTransaction, type Tx } from "~/db.server";
import { recordAudit } from "~/lib/audit.server";
import { DomainError } from "~/lib/domain-error";
import { TAXONOMY_KIND_LABELS, type TaxonomyKind } from "~/settings/taxonomy";
import { afterTaxonomyChange, associationsUsing, findTerm, type TermKey } from "~/settings/terms.server";

type Actor = Pick<SessionUser, "id">;

/** How many associations (any status) still name the term. */
export async function termUsage(key: TermKey, db: Tx = prisma) {
  return (await associationsUsing(db, key)).length;
}

/** How many associations name each term of a kind: slug → count. */
export async function usageCounts(kind: TaxonomyKind): Promise<Record<string, number>> {
  const rows =
    kind === "district"
      ? (await prisma.association.groupBy({ by: ["district"], _count: { _all: true } })).map((r) => [r.district, r._count._all] as const)
      : kind === "field"
        ? (await prisma.associationField.groupBy({ by: ["slug"], _count: { _all: true } })).map((r) => [r.slug, r._count._all] as const)
        : (await prisma.associationPublic.groupBy({ by: ["slug"], _count: { _all: true } })).map((r) => [r.slug, r._count._all] as const);
  return Object.fromEntries(rows);
}

/** Moves every association from one term to another of the same kind; returns the associations changed. */
async function reassign(tx: Tx, from: TermKey, toSlug: string): Promise<string[]> {
  const ids = await associationsUsing(tx, from);
  if (ids.length === 0) return [];
  if (from.kind === "district") {
    await tx.association.updateMany({ where: { district: from.slug }, data: { district: toSlug } });
    return ids;
  }
  // AssociationField and AssociationPublic have the same shape.
  const links = (from.kind === "field" ? tx.associationField : tx.associationPublic) as unknown as Tx["associationField"];
  // Those that already have the target lose the old slug; the others have it replaced.
  const having = await links.findMany({ where: { slug: toSlug, associationId: { in: ids } }, select: { associationId: true } });
  await links.deleteMany({ where: { slug: from.slug, associationId: { in: having.map((r) => r.associationId) } } });
  await links.updateMany({ where: { slug: from.slug }, data: { slug: toSlug } });
  return ids;
}

/**
 * Retires a term (when it is still active) and, with `reassignTo`, moves its associations to that
 * active term of the same kind, in one transaction. The last active term of a kind stays.
 * On a term retired already, only the reassignment happens.
 */
export async function retireTerm(key: TermKey, { reassignTo }: { reassignTo?: string }, actor: Actor) {
  const { singular } = TAXONOMY_KIND_LABELS[key.kind];
  const result = await writeTransaction(async (tx) => {
    const term = await findTerm(tx, key);
    if (reassignTo !== undefined) {
      const target = await tx.taxonomyTerm.findUnique({ where: { kind_slug: { kind: key.kind, slug: reassignTo } } });
      if (!target || target.retiredAt !== null || target.slug === key.slug)
        throw new DomainError(`Choisissez un autre ${singular}, parmi ceux qui sont proposés.`, {
          code: "invalid_target",
          field: "reassignTo",
        });
    }
    const wasActive = term.retiredAt === null;
    if (!wasActive && reassignTo === undefined)
      throw new DomainError(`Ce ${singular} est déjà retiré : choisissez à quel ${singular} rattacher ses associations.`, {
        code: "already_retired",
        field: "reassignTo",
      });
    if (wasActive) {
      const others = await tx.taxonomyTerm.count({ where: { kind: key.kind, retiredAt: null, NOT: { slug: key.slug } } });
      if (others === 0)
        throw new DomainError(`C'est le dernier ${singular} en service : ajoutez-en un autre avant de retirer « ${term.label} ».`, {
          code: "last_term",
        });
      await tx.taxonomyTerm.update({ where: { kind_slug: key }, data: { retiredAt: new Date() }, select: { slug: true } });
    }
    const moved = reassignTo !== undefined ? await reassign(tx, key, reassignTo) : [];
    await recordAudit(tx, {
      entityType: "taxonomy",
      entityId: `${key.kind}:${key.slug}`,
      actorId: actor.id,
      action: wasActive ? "retrait" : "réaffectation",
      fromState: wasActive ? "actif" : "retiré",
      toState: "retiré",
      comment: reassignTo !== undefined ? `${moved.length} association(s) réaffectée(s) à ${key.kind}:${reassignTo}` : null,
    });
    for (const associationId of moved)
      await recordAudit(tx, {
        entityType: "association",
        entityId: associationId,
        actorId: actor.id,
        action: "réaffectation",
        fromState: `${key.kind}:${key.slug}`,
        toState: `${key.kind}:${reassignTo}`,
      });
    await enqueueSearchSync(tx, moved);
    return { label: term.label, retired: wasActive, moved: moved.length, movedIds: moved };
  });
  await afterTaxonomyChange(result.movedIds);
  return { label: result.label, retired: result.retired, moved: result.moved };
}
