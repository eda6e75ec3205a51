// The dossier's targets, stored as ProjectIndicator rows (dossierId): one per indicator of the
// call (its name, kind and unit copied) and the association's own. Read and written scoped by
// the association; written only while the dossier is editable, in one write transaction.
import type { SessionUser } from "~/accounts/auth.server";
import { prisma, writeTransaction, type Tx } from "~/db.server";
import { assertEditable } from "~/dossiers/refusals";
import { getDossierForMember } from "~/dossiers/reading.server";
import { DomainError } from "~/lib/domain-error";
import { callIndicatorSelect } from "~/steering/call-indicators.server";
import { MAX_OWN_INDICATORS, type TargetsOutput } from "~/steering/dossier-indicators";

export const projectIndicatorSelect = {
  id: true,
  callIndicatorId: true,
  name: true,
  kind: true,
  unit: true,
  target: true,
  position: true,
} as const;

/** A dossier's indicators in order: the call's first (in the call's order), then the association's own. */
export async function listDossierIndicators(dossierId: string, db: Pick<Tx, "projectIndicator"> = prisma) {
  return db.projectIndicator.findMany({
    where: { dossierId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: projectIndicatorSelect,
  });
}

/** What the step shows: the call's indicators, the targets given, the association's own indicators. */
export async function getTargetsStep(associationId: string, dossierId: string) {
  const dossier = await getDossierForMember(associationId, dossierId);
  const [callIndicators, rows] = await Promise.all([
    prisma.callIndicator.findMany({
      where: { callId: dossier.call.id },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: callIndicatorSelect,
    }),
    listDossierIndicators(dossier.id),
  ]);
  return {
    dossier,
    callIndicators,
    stored: rows.filter((r) => r.callIndicatorId !== null),
    own: rows.filter((r) => r.callIndicatorId === null),
  };
}

/** Saves the step's targets (already validated by `indicatorTargetsSchema`). */
export async function saveDossierTargets(
  access: { associationId: string; user: SessionUser },
  dossierId: string,
  input: TargetsOutput,
  nextStep: string,
) {
  return writeTransaction(async (tx) => {
    await tx.dossier.updateMany({ where: { id: dossierId, associationId: access.associationId }, data: { updatedAt: new Date() } });
    const dossier = await getDossierForMember(access.associationId, dossierId, tx);
    assertEditable(dossier, "Ce dossier est en cours d'instruction : il n'est plus modifiable.");
    const callIndicators = await tx.callIndicator.findMany({
      where: { callId: dossier.call.id },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: callIndicatorSelect,
    });
    const given = new Map(input.targets.map((t) => [t.callIndicatorId, t.target]));
    for (const [position, indicator] of callIndicators.entries()) {
      // An indicator added to the call after the form was shown keeps no target until the next save.
      const target = given.has(indicator.id) ? (given.get(indicator.id) ?? null) : undefined;
      const copy = { name: indicator.name, kind: indicator.kind, unit: indicator.unit, position };
      await tx.projectIndicator.upsert({
        where: { dossierId_callIndicatorId: { dossierId: dossier.id, callIndicatorId: indicator.id } },
        create: { dossierId: dossier.id, callIndicatorId: indicator.id, ...copy, target: target ?? null },
        update: { ...copy, ...(target === undefined ? {} : { target }) },
      });
    }
    const existing = await tx.projectIndicator.findMany({ where: { dossierId: dossier.id, callIndicatorId: null }, select: { id: true } });
    const ownIds = new Set(existing.map((e) => e.id));
    const removed = input.removed.filter((id) => ownIds.has(id));
    if (removed.length)
      await tx.projectIndicator.deleteMany({ where: { dossierId: dossier.id, callIndicatorId: null, id: { in: removed } } });
    const kept = input.own.filter((o) => o.id === null || (ownIds.has(o.id) && !removed.includes(o.id)));
    if (kept.length > MAX_OWN_INDICATORS)
      throw new DomainError(`Ajoutez au plus ${MAX_OWN_INDICATORS} indicateurs propres.`, { code: "too_many_own_indicators" });
    for (const [index, own] of kept.entries()) {
      const data = { name: own.name, kind: own.kind, unit: own.unit, target: own.target, position: callIndicators.length + index };
      if (own.id) await tx.projectIndicator.update({ where: { id: own.id }, data });
      else await tx.projectIndicator.create({ data: { dossierId: dossier.id, callIndicatorId: null, ...data } });
    }
    await tx.dossier.update({
      where: { id: dossier.id, associationId: access.associationId },
      data: { currentStep: nextStep, updatedById: access.user.id },
    });
  });
}
