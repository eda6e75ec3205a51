// A social project's axes (numbered 1, 2… in their order) and projets phares (numbered across the
// project, under one axis): add, edit, order, move, remove. What a call or a subsidy refers to
// cannot be removed: the refusal names who refers to it.
import { writeTransaction } from "~/db.server";
import { recordAudit } from "~/lib/audit.server";
import { DomainError, notFoundError } from "~/lib/domain-error";
import type { Tx } from "~/lib/transaction";
import type { AxisInput, FlagshipInput } from "./social-project-schemas";

type Actor = { id: string };

async function axisOf(tx: Tx, projectId: string, axisId: string) {
  const axis = await tx.socialAxis.findFirst({ where: { id: axisId, projectId }, select: { id: true, number: true, title: true } });
  if (!axis) throw new DomainError("Cet axe n'existe pas (ou plus) dans ce projet social. Rechargez la page.", { code: "axis_not_found" });
  return axis;
}

async function flagshipOf(tx: Tx, projectId: string, flagshipId: string) {
  const flagship = await tx.flagshipProject.findFirst({
    where: { id: flagshipId, projectId },
    select: { id: true, number: true, title: true, axisId: true },
  });
  if (!flagship) {
    throw new DomainError("Ce projet phare n'existe pas (ou plus) dans ce projet social. Rechargez la page.", {
      code: "flagship_not_found",
    });
  }
  return flagship;
}

const audit = (tx: Tx, projectId: string, actor: Actor, action: string, comment: string) =>
  recordAudit(tx, { entityType: "settings", entityId: projectId, actorId: actor.id, action, comment });

async function projectExists(tx: Tx, projectId: string) {
  const project = await tx.socialProject.findUnique({ where: { id: projectId }, select: { id: true } });
  if (!project) throw notFoundError("Ce projet social n'existe pas.");
}

export async function addAxis(projectId: string, input: AxisInput, actor: Actor) {
  return writeTransaction(async (tx) => {
    await projectExists(tx, projectId);
    const last = await tx.socialAxis.findFirst({ where: { projectId }, orderBy: { number: "desc" }, select: { number: true } });
    const axis = await tx.socialAxis.create({
      data: { projectId, number: (last?.number ?? 0) + 1, title: input.title, description: input.description ?? "" },
    });
    await audit(tx, projectId, actor, "social_axis_added", `Axe ${axis.number} : ${axis.title}`);
    return axis;
  });
}

export async function updateAxis(projectId: string, axisId: string, input: AxisInput, actor: Actor) {
  return writeTransaction(async (tx) => {
    const axis = await axisOf(tx, projectId, axisId);
    await tx.socialAxis.update({ where: { id: axis.id }, data: { title: input.title, description: input.description ?? "" } });
    await audit(tx, projectId, actor, "social_axis_updated", `Axe ${axis.number} : ${input.title}`);
  });
}

/** Swaps the axis with its neighbour: numbers are the order. */
export async function moveAxis(projectId: string, axisId: string, direction: "up" | "down", actor: Actor) {
  return writeTransaction(async (tx) => {
    const axis = await axisOf(tx, projectId, axisId);
    const neighbour = await tx.socialAxis.findFirst({
      where: { projectId, number: direction === "up" ? { lt: axis.number } : { gt: axis.number } },
      orderBy: { number: direction === "up" ? "desc" : "asc" },
      select: { id: true, number: true },
    });
    if (!neighbour) return;
    // Through a free number: (projectId, number) is unique.
    await tx.socialAxis.update({ where: { id: axis.id }, data: { number: -1 } });
    await tx.socialAxis.update({ where: { id: neighbour.id }, data: { number: axis.number } });
    await tx.socialAxis.update({ where: { id: axis.id }, data: { number: neighbour.number } });
    await audit(tx, projectId, actor, "social_axis_moved", `${axis.title} : axe ${axis.number} → ${neighbour.number}`);
  });
}

/** Who refers to these axes or projets phares, said in a sentence (or null when nobody does). */
async function referencesOf(tx: Tx, where: { axisId?: string; flagshipId?: string }) {
  const callWhere = where.axisId
    ? { OR: [{ axes: { some: { axisId: where.axisId } } }, { flagships: { some: { flagship: { axisId: where.axisId } } } }] }
    : { flagships: { some: { flagshipId: where.flagshipId } } };
  const subsidyWhere = where.axisId ? { axisId: where.axisId } : { flagshipId: where.flagshipId };
  const [calls, callCount, subsidies, subsidyCount] = await Promise.all([
    tx.call.findMany({ where: callWhere, select: { title: true }, orderBy: { title: "asc" }, take: 3 }),
    tx.call.count({ where: callWhere }),
    tx.subsidy.findMany({ where: subsidyWhere, select: { number: true }, orderBy: { number: "asc" }, take: 3 }),
    tx.subsidy.count({ where: subsidyWhere }),
  ]);
  const parts: string[] = [];
  const more = (shown: number, total: number) => (total > shown ? ` et ${total - shown} autre${total - shown > 1 ? "s" : ""}` : "");
  if (callCount) {
    parts.push(
      `${callCount > 1 ? "les appels" : "l'appel"} ${calls.map((c) => `« ${c.title} »`).join(", ")}${more(calls.length, callCount)}`,
    );
  }
  if (subsidyCount) {
    parts.push(
      `${subsidyCount > 1 ? "les subventions" : "la subvention"} ${subsidies.map((s) => s.number).join(", ")}${more(subsidies.length, subsidyCount)}`,
    );
  }
  if (!parts.length) return null;
  return `${parts.join(" et ")} y ${callCount + subsidyCount > 1 ? "sont rattachés" : "est rattaché"}`;
}

export async function removeAxis(projectId: string, axisId: string, actor: Actor) {
  return writeTransaction(async (tx) => {
    const axis = await axisOf(tx, projectId, axisId);
    const used = await referencesOf(tx, { axisId: axis.id });
    if (used) {
      throw new DomainError(`L'axe ${axis.number} « ${axis.title} » ne peut pas être retiré : ${used}. Retirez d'abord ce rattachement.`, {
        code: "axis_in_use",
      });
    }
    const flagships = await tx.flagshipProject.count({ where: { axisId: axis.id } });
    await tx.socialAxis.delete({ where: { id: axis.id } });
    // The axes after it move up one place, in order (the slot below each is free).
    const after = await tx.socialAxis.findMany({ where: { projectId, number: { gt: axis.number } }, orderBy: { number: "asc" } });
    for (const a of after) await tx.socialAxis.update({ where: { id: a.id }, data: { number: a.number - 1 } });
    await audit(
      tx,
      projectId,
      actor,
      "social_axis_removed",
      `Axe ${axis.number} : ${axis.title}${flagships ? ` (${flagships} projet(s) phare(s))` : ""}`,
    );
  });
}

export async function addFlagship(projectId: string, input: FlagshipInput, actor: Actor) {
  return writeTransaction(async (tx) => {
    await projectExists(tx, projectId);
    const axis = await axisOfField(tx, projectId, input.axisId);
    const last = await tx.flagshipProject.findFirst({ where: { projectId }, orderBy: { number: "desc" }, select: { number: true } });
    const flagship = await tx.flagshipProject.create({
      data: { projectId, axisId: axis.id, number: (last?.number ?? 0) + 1, title: input.title },
    });
    await audit(tx, projectId, actor, "flagship_added", `n°${flagship.number} : ${flagship.title} (axe ${axis.number})`);
    return flagship;
  });
}

async function axisOfField(tx: Tx, projectId: string, axisId: string) {
  const axis = await tx.socialAxis.findFirst({ where: { id: axisId, projectId }, select: { id: true, number: true } });
  if (!axis) throw new DomainError("Axe : choisissez un axe de ce projet social.", { code: "axis_not_found", field: "axisId" });
  return axis;
}

/**
 * Edits a projet phare; a move to another axis takes its attachments along: the subsidies tied to
 * it follow it to the new axis, and the calls serving it now serve that axis too.
 */
export async function updateFlagship(projectId: string, flagshipId: string, input: FlagshipInput, actor: Actor) {
  return writeTransaction(async (tx) => {
    const flagship = await flagshipOf(tx, projectId, flagshipId);
    const axis = await axisOfField(tx, projectId, input.axisId);
    await tx.flagshipProject.update({ where: { id: flagship.id }, data: { title: input.title, axisId: axis.id } });
    if (axis.id !== flagship.axisId) {
      await tx.subsidy.updateMany({ where: { flagshipId: flagship.id }, data: { axisId: axis.id } });
      const calls = await tx.callFlagship.findMany({ where: { flagshipId: flagship.id }, select: { callId: true } });
      for (const { callId } of calls) {
        await tx.callAxis.upsert({
          where: { callId_axisId: { callId, axisId: axis.id } },
          create: { callId, axisId: axis.id },
          update: {},
        });
      }
    }
    await audit(
      tx,
      projectId,
      actor,
      axis.id === flagship.axisId ? "flagship_updated" : "flagship_moved",
      `n°${flagship.number} : ${input.title} (axe ${axis.number})`,
    );
  });
}

export async function removeFlagship(projectId: string, flagshipId: string, actor: Actor) {
  return writeTransaction(async (tx) => {
    const flagship = await flagshipOf(tx, projectId, flagshipId);
    const used = await referencesOf(tx, { flagshipId: flagship.id });
    if (used) {
      throw new DomainError(
        `Le projet phare n°${flagship.number} « ${flagship.title} » ne peut pas être retiré : ${used}. Retirez d'abord ce rattachement.`,
        { code: "flagship_in_use" },
      );
    }
    await tx.flagshipProject.delete({ where: { id: flagship.id } });
    await audit(tx, projectId, actor, "flagship_removed", `n°${flagship.number} : ${flagship.title}`);
  });
}
