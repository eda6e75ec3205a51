// Routing a dossier to a reviewer group of its call: on the first deposit (inside the deposit's
// transaction), again on demand for a call's dossiers without a group, and by hand from the
// dossier page. Every assignment leaves an audit line on the dossier.
import { writeTransaction, type Tx } from "~/db.server";
import { recordAudit } from "~/lib/audit.server";
import { notFoundError } from "~/lib/domain-error";
import { requireCallAccess, requireDossierAccess, reviewRefusal, type Actor } from "./access.server";
import { firstMatchingGroup, NO_GROUP_LABEL } from "./routing-rules";

const ROUTING_ACTION = "routage";

/**
 * Gives the dossier the first group of its call whose rules it meets (its association's fields
 * and district as they are now, the amount requested), when it has none yet. Called in
 * `submitDossier`'s transaction at the first deposit; a dossier matching no group stays without.
 * Returns the group given, or null.
 */
export async function assignReviewGroup(tx: Tx, dossierId: string, actorId: string | null = null) {
  const dossier = await tx.dossier.findUnique({
    where: { id: dossierId },
    select: {
      callId: true,
      reviewGroupId: true,
      requestedCents: true,
      association: { select: { district: true, fields: { select: { slug: true } } } },
    },
  });
  if (!dossier || dossier.reviewGroupId !== null) return null;
  const groups = await tx.reviewGroup.findMany({
    where: { callId: dossier.callId },
    orderBy: { position: "asc" },
    select: { id: true, name: true, position: true, fieldSlug: true, districtSlug: true, minCents: true, maxCents: true },
  });
  const group = firstMatchingGroup(groups, {
    fieldSlugs: dossier.association.fields.map((f) => f.slug),
    districtSlug: dossier.association.district,
    requestedCents: dossier.requestedCents,
  });
  if (!group) return null;
  // Conditional: a group given meanwhile (by hand) is kept.
  const updated = await tx.dossier.updateMany({ where: { id: dossierId, reviewGroupId: null }, data: { reviewGroupId: group.id } });
  if (updated.count !== 1) return null;
  await recordAudit(tx, {
    entityType: "dossier",
    entityId: dossierId,
    actorId,
    action: ROUTING_ACTION,
    comment: `Attribué au groupe « ${group.name} » par les règles de routage.`,
  });
  return { id: group.id, name: group.name };
}

/** Staff move a dossier to another group of its call, or to none (`groupId` null). */
export async function reassignDossier(user: Actor, dossierId: string, groupId: string | null) {
  await requireDossierAccess(user, dossierId);
  return writeTransaction(async (tx) => {
    const dossier = await tx.dossier.findUnique({
      where: { id: dossierId },
      select: { callId: true, reviewGroupId: true, reviewGroup: { select: { name: true } } },
    });
    if (!dossier) throw notFoundError();
    const target = groupId
      ? await tx.reviewGroup.findFirst({ where: { id: groupId, callId: dossier.callId }, select: { id: true, name: true } })
      : null;
    if (groupId && !target)
      throw reviewRefusal("Ce groupe n'existe pas (ou plus) pour cet appel à projets : rechargez la page.", { field: "groupId" });
    if ((target?.id ?? null) === dossier.reviewGroupId)
      throw reviewRefusal("Le dossier est déjà dans ce groupe.", { field: "groupId", code: "same_group" });
    const updated = await tx.dossier.updateMany({
      where: { id: dossierId, reviewGroupId: dossier.reviewGroupId },
      data: { reviewGroupId: target?.id ?? null },
    });
    if (updated.count !== 1)
      throw reviewRefusal("Le groupe du dossier vient d'être changé par quelqu'un d'autre. Rechargez la page.", { code: "state_changed" });
    const from = dossier.reviewGroup?.name ?? NO_GROUP_LABEL;
    const to = target?.name ?? NO_GROUP_LABEL;
    await recordAudit(tx, {
      entityType: "dossier",
      entityId: dossierId,
      actorId: user.id,
      action: ROUTING_ACTION,
      comment: `Groupe changé : « ${from} » → « ${to} ».`,
    });
    return { name: to };
  });
}

/**
 * Applies the call's rules again to its deposited dossiers that have no group (after groups
 * were created or changed). Dossiers with a group keep it. Returns how many found one.
 */
export async function reapplyRouting(user: Actor, callId: string) {
  await requireCallAccess(user, callId);
  return writeTransaction(async (tx) => {
    const dossiers = await tx.dossier.findMany({
      where: { callId, reviewGroupId: null, state: { not: "brouillon" } },
      select: { id: true },
    });
    let assigned = 0;
    for (const d of dossiers) if (await assignReviewGroup(tx, d.id, user.id)) assigned++;
    await recordAudit(tx, {
      entityType: "call",
      entityId: callId,
      actorId: user.id,
      action: "routage_reapplique",
      comment: `${assigned} dossier(s) sur ${dossiers.length} sans groupe ont trouvé un groupe.`,
    });
    return { assigned, withoutGroup: dossiers.length };
  });
}
