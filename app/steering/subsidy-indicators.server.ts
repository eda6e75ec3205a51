// Indicators staff give a subsidy granted outside any call (ProjectIndicator with subsidyId), so its
// compte rendu asks for their values. A subsidy from a dossier has its dossier's indicators instead.
import { writeTransaction, type Tx } from "~/db.server";
import { recordAudit } from "~/lib/audit.server";
import { subsidyRefusal } from "~/subsidies/errors";
import { MAX_SUBSIDY_INDICATORS } from "~/steering/agreement-schemas";
import type { IndicatorKind, IndicatorUnit } from "~/steering/indicators";

export type SubsidyIndicatorInput = { name: string; kind: IndicatorKind; unit: IndicatorUnit; target: number | null };

async function subsidyOutsideCalls(tx: Tx, subsidyId: string) {
  const subsidy = await tx.subsidy.findUnique({ where: { id: subsidyId }, select: { id: true, dossierId: true } });
  if (!subsidy) throw subsidyRefusal("subsidy_not_found", "Subvention introuvable.");
  if (subsidy.dossierId) {
    throw subsidyRefusal(
      "indicators_from_dossier",
      "Cette subvention vient d'un dossier : ses indicateurs sont ceux du dossier (objectifs donnés par l'association).",
    );
  }
  return subsidy;
}

async function indicatorOf(tx: Tx, subsidyId: string, indicatorId: string) {
  const indicator = await tx.projectIndicator.findFirst({
    where: { id: indicatorId, subsidyId },
    include: { _count: { select: { results: true } } },
  });
  if (!indicator) throw subsidyRefusal("indicator_not_found", "Cet indicateur n'existe pas (ou plus) pour cette subvention.");
  return indicator;
}

export async function addSubsidyIndicator(subsidyId: string, input: SubsidyIndicatorInput, actor: { id: string }) {
  return writeTransaction(async (tx) => {
    await subsidyOutsideCalls(tx, subsidyId);
    const count = await tx.projectIndicator.count({ where: { subsidyId } });
    if (count >= MAX_SUBSIDY_INDICATORS) {
      throw subsidyRefusal("too_many_indicators", `Une subvention suit ${MAX_SUBSIDY_INDICATORS} indicateurs au plus.`, "name");
    }
    const last = await tx.projectIndicator.aggregate({ where: { subsidyId }, _max: { position: true } });
    const indicator = await tx.projectIndicator.create({ data: { subsidyId, ...input, position: (last._max.position ?? -1) + 1 } });
    await recordAudit(tx, {
      entityType: "subsidy",
      entityId: subsidyId,
      actorId: actor.id,
      action: "indicator_added",
      comment: input.name,
    });
    return indicator;
  });
}

export async function updateSubsidyIndicator(subsidyId: string, indicatorId: string, input: SubsidyIndicatorInput, actor: { id: string }) {
  return writeTransaction(async (tx) => {
    await subsidyOutsideCalls(tx, subsidyId);
    const indicator = await indicatorOf(tx, subsidyId, indicatorId);
    if (indicator._count.results > 0 && (indicator.unit !== input.unit || indicator.kind !== input.kind)) {
      throw subsidyRefusal(
        "indicator_reported",
        `« ${indicator.name} » a déjà une valeur dans un compte rendu : son type et son unité ne peuvent plus changer.`,
        "unit",
      );
    }
    await tx.projectIndicator.update({ where: { id: indicatorId }, data: input });
    await recordAudit(tx, {
      entityType: "subsidy",
      entityId: subsidyId,
      actorId: actor.id,
      action: "indicator_updated",
      comment: input.name,
    });
  });
}

export async function removeSubsidyIndicator(subsidyId: string, indicatorId: string, actor: { id: string }) {
  return writeTransaction(async (tx) => {
    await subsidyOutsideCalls(tx, subsidyId);
    const indicator = await indicatorOf(tx, subsidyId, indicatorId);
    if (indicator._count.results > 0) {
      throw subsidyRefusal(
        "indicator_reported",
        `« ${indicator.name} » a déjà une valeur dans un compte rendu : il ne peut plus être retiré.`,
      );
    }
    await tx.projectIndicator.delete({ where: { id: indicatorId } });
    await recordAudit(tx, {
      entityType: "subsidy",
      entityId: subsidyId,
      actorId: actor.id,
      action: "indicator_removed",
      comment: indicator.name,
    });
  });
}
