// A call's labels ("étiquettes"): created, renamed, recoloured and deleted by the call's
// reviewers and administrators, put on and taken off its dossiers. Every change is audited:
// on the call for the list of labels, on the dossier for a label put or taken off.
import { isUniqueViolation, prisma, writeTransaction, type Prisma, type Tx } from "~/db.server";
import { recordAudit } from "~/lib/audit.server";
import { requireCallAccess, requireDossierAccess, reviewRefusal, type Actor } from "./access.server";
import { LABELS_PER_CALL_MAX, labelColors, type LabelColor } from "./labels";

export const labelChipSelect = { id: true, name: true, color: true } satisfies Prisma.CallLabelSelect;
export type LabelChipData = { id: string; name: string; color: string };

const byPosition = [{ position: "asc" }, { name: "asc" }] satisfies Prisma.CallLabelOrderByWithRelationInput[];

/** The labels of a call, in their order. */
export function callLabels(callId: string, db: Pick<Tx, "callLabel"> = prisma) {
  return db.callLabel.findMany({ where: { callId }, orderBy: byPosition, select: labelChipSelect });
}

/** The management page: the call and its labels, each with how many dossiers carry it. */
export async function getCallLabelsPage(user: Actor, callId: string) {
  await requireCallAccess(user, callId);
  const [call, labels] = await Promise.all([
    prisma.call.findUniqueOrThrow({ where: { id: callId }, select: { id: true, title: true } }),
    prisma.callLabel.findMany({
      where: { callId },
      orderBy: byPosition,
      select: { ...labelChipSelect, _count: { select: { dossiers: true } } },
    }),
  ]);
  return { call, labels: labels.map(({ _count, ...l }) => ({ ...l, dossierCount: _count.dossiers })) };
}

const sameName = (a: string, b: string) => a.localeCompare(b, "fr", { sensitivity: "accent" }) === 0;

async function refuseNameClash(tx: Tx, callId: string, name: string, exceptId?: string) {
  const labels = await tx.callLabel.findMany({ where: { callId }, select: { id: true, name: true } });
  const clash = labels.find((l) => l.id !== exceptId && sameName(l.name, name));
  if (clash) throw nameClash(clash.name);
  return labels;
}

function nameClash(existing: string) {
  return reviewRefusal(`Une étiquette « ${existing} » existe déjà sur cet appel : choisissez un autre nom.`, {
    field: "name",
    code: "label_name_taken",
  });
}

/** A unique index refusing the write means another request created the same name meanwhile. */
async function catchingClash<T>(name: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw nameClash(name);
    throw error;
  }
}

const describe = (name: string, color: string) => `« ${name} » (${labelColors(color).label.toLowerCase()})`;

export async function createCallLabel(user: Actor, callId: string, input: { name: string; color: LabelColor }) {
  await requireCallAccess(user, callId);
  return catchingClash(input.name, () =>
    writeTransaction(async (tx) => {
      const labels = await refuseNameClash(tx, callId, input.name);
      if (labels.length >= LABELS_PER_CALL_MAX) {
        throw reviewRefusal(`Un appel compte au plus ${LABELS_PER_CALL_MAX} étiquettes : supprimez-en une avant d'en créer une autre.`, {
          code: "too_many_labels",
        });
      }
      const label = await tx.callLabel.create({
        data: { callId, name: input.name, color: input.color, position: labels.length },
        select: labelChipSelect,
      });
      await recordAudit(tx, {
        entityType: "call",
        entityId: callId,
        actorId: user.id,
        action: "etiquette_creee",
        comment: `Étiquette ${describe(label.name, label.color)}`,
      });
      return label;
    }),
  );
}

async function labelOfCall(db: Pick<Tx, "callLabel">, callId: string, labelId: string) {
  const label = await db.callLabel.findFirst({ where: { id: labelId, callId }, select: labelChipSelect });
  if (!label) throw reviewRefusal("Cette étiquette n'existe plus sur cet appel. Rechargez la page.", { code: "label_gone" });
  return label;
}

/** Renames and/or recolours a label of the call. */
export async function updateCallLabel(user: Actor, callId: string, input: { labelId: string; name: string; color: LabelColor }) {
  await requireCallAccess(user, callId);
  return catchingClash(input.name, () =>
    writeTransaction(async (tx) => {
      const before = await labelOfCall(tx, callId, input.labelId);
      await refuseNameClash(tx, callId, input.name, before.id);
      if (before.name === input.name && before.color === input.color) return before;
      const after = await tx.callLabel.update({
        where: { id: before.id },
        data: { name: input.name, color: input.color },
        select: labelChipSelect,
      });
      await recordAudit(tx, {
        entityType: "call",
        entityId: callId,
        actorId: user.id,
        action: "etiquette_modifiee",
        comment: `Étiquette ${describe(before.name, before.color)} → ${describe(after.name, after.color)}`,
      });
      return after;
    }),
  );
}

/** Deletes a label of the call, and so takes it off every dossier; returns how many carried it. */
export async function deleteCallLabel(user: Actor, callId: string, labelId: string) {
  await requireCallAccess(user, callId);
  return writeTransaction(async (tx) => {
    const label = await labelOfCall(tx, callId, labelId);
    const dossierCount = await tx.dossierLabel.count({ where: { labelId } });
    await tx.callLabel.delete({ where: { id: label.id } });
    await recordAudit(tx, {
      entityType: "call",
      entityId: callId,
      actorId: user.id,
      action: "etiquette_supprimee",
      comment: `Étiquette ${describe(label.name, label.color)}, retirée de ${dossierCount} dossier(s)`,
    });
    return { name: label.name, dossierCount };
  });
}

/** How many dossiers carry a label of the call (for the confirmation before deleting it). */
export async function labelForDeletion(user: Actor, callId: string, labelId: string) {
  await requireCallAccess(user, callId);
  const label = await prisma.callLabel.findFirst({
    where: { id: labelId, callId },
    select: { ...labelChipSelect, _count: { select: { dossiers: true } } },
  });
  if (!label) return null;
  return { id: label.id, name: label.name, color: label.color, dossierCount: label._count.dossiers };
}

/**
 * Puts a label of the call on dossiers of the call (ids already checked to be of the call by the
 * caller); a dossier that carries it already is left as it is. Returns the ids newly labelled.
 */
export async function labelDossiers(actor: Actor, callId: string, labelId: string, dossierIds: readonly string[]) {
  return writeTransaction(async (tx) => {
    const label = await labelOfCall(tx, callId, labelId);
    const held = await tx.dossierLabel.findMany({ where: { labelId, dossierId: { in: [...dossierIds] } }, select: { dossierId: true } });
    const already = new Set(held.map((h) => h.dossierId));
    const added = dossierIds.filter((id) => !already.has(id));
    for (const dossierId of added) {
      await tx.dossierLabel.create({ data: { dossierId, labelId } });
      await recordAudit(tx, {
        entityType: "dossier",
        entityId: dossierId,
        actorId: actor.id,
        action: "etiquette_ajoutee",
        comment: `Étiquette « ${label.name} »`,
      });
    }
    return { label, added, already: dossierIds.filter((id) => already.has(id)) };
  });
}

/** Takes a label of the call off dossiers of the call; returns the ids it was taken off. */
export async function unlabelDossiers(actor: Actor, callId: string, labelId: string, dossierIds: readonly string[]) {
  return writeTransaction(async (tx) => {
    const label = await labelOfCall(tx, callId, labelId);
    const held = await tx.dossierLabel.findMany({ where: { labelId, dossierId: { in: [...dossierIds] } }, select: { dossierId: true } });
    const removed = held.map((h) => h.dossierId);
    await tx.dossierLabel.deleteMany({ where: { labelId, dossierId: { in: removed } } });
    for (const dossierId of removed) {
      await recordAudit(tx, {
        entityType: "dossier",
        entityId: dossierId,
        actorId: actor.id,
        action: "etiquette_retiree",
        comment: `Étiquette « ${label.name} »`,
      });
    }
    return { label, removed, absent: dossierIds.filter((id) => !removed.includes(id)) };
  });
}

/** The labels section of the staff dossier page: the dossier's labels and the call's others. */
export async function getDossierLabels(user: Actor, dossierId: string) {
  const dossier = await requireDossierAccess(user, dossierId);
  const [all, held] = await Promise.all([
    callLabels(dossier.callId),
    prisma.dossierLabel.findMany({ where: { dossierId }, select: { labelId: true } }),
  ]);
  const heldIds = new Set(held.map((h) => h.labelId));
  return {
    callId: dossier.callId,
    labels: all.filter((l) => heldIds.has(l.id)),
    available: all.filter((l) => !heldIds.has(l.id)),
  };
}

export async function addDossierLabel(user: Actor, dossierId: string, labelId: string) {
  const dossier = await requireDossierAccess(user, dossierId);
  const { label, added } = await labelDossiers(user, dossier.callId, labelId, [dossierId]);
  return { name: label.name, changed: added.length > 0 };
}

export async function removeDossierLabel(user: Actor, dossierId: string, labelId: string) {
  const dossier = await requireDossierAccess(user, dossierId);
  const { label, removed } = await unlabelDossiers(user, dossier.callId, labelId, [dossierId]);
  return { name: label.name, changed: removed.length > 0 };
}

/** The labels of each dossier of a list, for chips in tables (one query). */
export async function labelsByDossier(dossierIds: readonly string[]): Promise<Map<string, LabelChipData[]>> {
  const rows = await prisma.dossierLabel.findMany({
    where: { dossierId: { in: [...dossierIds] } },
    orderBy: [{ label: { position: "asc" } }, { label: { name: "asc" } }],
    select: { dossierId: true, label: { select: labelChipSelect } },
  });
  const out = new Map<string, LabelChipData[]>();
  for (const r of rows) out.set(r.dossierId, [...(out.get(r.dossierId) ?? []), r.label]);
  return out;
}
