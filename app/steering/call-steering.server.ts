// A call's place in the social project: the axes and projets phares of the project covering its
// financial year that it serves (a projet phare implies its axis).
import { prisma, writeTransaction, type Db } from "~/db.server";
import { recordAudit } from "~/lib/audit.server";
import { DomainError, notFoundError } from "~/lib/domain-error";
import type { Tx } from "~/lib/transaction";
import type { CallSteeringInput } from "./social-project-schemas";
import { periodLabel, projectForYear } from "./social-project.server";

type Reader = Db | Tx;

async function tiesOf(callId: string, db: Reader) {
  const [axes, flagships] = await Promise.all([
    db.callAxis.findMany({ where: { callId }, select: { axisId: true } }),
    db.callFlagship.findMany({ where: { callId }, select: { flagshipId: true } }),
  ]);
  return { axisIds: axes.map((a) => a.axisId), flagshipIds: flagships.map((f) => f.flagshipId) };
}

/** The call editor's « Projet social » section: the project of the call's year and what the call serves. */
export async function getCallSteering(callId: string, db: Reader = prisma) {
  const call = await db.call.findUnique({ where: { id: callId }, select: { id: true, financialYear: true } });
  if (!call) throw notFoundError("Cet appel n'existe pas.");
  const [project, ties] = await Promise.all([projectForYear(call.financialYear, db), tiesOf(callId, db)]);
  const known = new Set(project?.axes.flatMap((a) => [a.id, ...a.flagships.map((f) => f.id)]) ?? []);
  return {
    financialYear: call.financialYear,
    project: project ? { ...project, period: periodLabel(project) } : null,
    axisIds: ties.axisIds.filter((id) => known.has(id)),
    flagshipIds: ties.flagshipIds.filter((id) => known.has(id)),
    /** Ties to another project's axes (the call's year changed since): saving the section drops them. */
    staleTies: ties.axisIds.filter((id) => !known.has(id)).length + ties.flagshipIds.filter((id) => !known.has(id)).length,
  };
}

/** Replaces what the call serves; every id must belong to the project covering its financial year. */
export async function saveCallSteering(callId: string, input: CallSteeringInput, actor: { id: string }) {
  return writeTransaction(async (tx) => {
    const call = await tx.call.findUnique({ where: { id: callId }, select: { id: true, financialYear: true } });
    if (!call) throw notFoundError("Cet appel n'existe pas.");
    const project = await projectForYear(call.financialYear, tx);
    if (!project) {
      throw new DomainError(`Aucun projet social ne couvre l'exercice ${call.financialYear} : créez-le d'abord.`, { code: "no_project" });
    }
    const axes = new Map(project.axes.map((a) => [a.id, a]));
    const flagships = new Map(project.axes.flatMap((a) => a.flagships.map((f) => [f.id, f] as const)));
    const unknown = [...input.axisIds.filter((id) => !axes.has(id)), ...input.flagshipIds.filter((id) => !flagships.has(id))];
    if (unknown.length) {
      throw new DomainError(
        `Un axe ou un projet phare choisi n'appartient pas au projet social ${periodLabel(project)}. Rechargez la page et recommencez.`,
        { code: "not_in_project", field: "axisIds" },
      );
    }
    const flagshipIds = [...new Set(input.flagshipIds)];
    // A projet phare implies its axis.
    const axisIds = [...new Set([...input.axisIds, ...flagshipIds.map((id) => flagships.get(id)!.axisId)])];
    await tx.callFlagship.deleteMany({ where: { callId } });
    await tx.callAxis.deleteMany({ where: { callId } });
    for (const axisId of axisIds) await tx.callAxis.create({ data: { callId, axisId } });
    for (const flagshipId of flagshipIds) await tx.callFlagship.create({ data: { callId, flagshipId } });
    const numbers = axisIds.map((id) => axes.get(id)!.number).sort((a, b) => a - b);
    await recordAudit(tx, {
      entityType: "call",
      entityId: callId,
      actorId: actor.id,
      action: "social_project_ties_saved",
      comment: axisIds.length
        ? `Axes ${numbers.join(", ")}${
            flagshipIds.length
              ? ` ; projets phares n°${flagshipIds
                  .map((id) => flagships.get(id)!.number)
                  .sort((a, b) => a - b)
                  .join(", ")}`
              : ""
          }`
        : "Aucun axe",
    });
    return { axisCount: axisIds.length, flagshipCount: flagshipIds.length };
  });
}

/** The public call page's « Dans le projet social »: the axes served, each with its projets phares served. */
export async function publicCallSteering(callId: string, db: Reader = prisma) {
  const [axes, flagships] = await Promise.all([
    db.callAxis.findMany({
      where: { callId },
      select: {
        axis: { select: { id: true, number: true, title: true, project: { select: { title: true, startYear: true, endYear: true } } } },
      },
    }),
    db.callFlagship.findMany({
      where: { callId },
      select: { flagship: { select: { id: true, number: true, title: true, axisId: true } } },
    }),
  ]);
  if (!axes.length) return null;
  const project = axes[0].axis.project;
  return {
    project: { title: project.title, period: periodLabel(project) },
    axes: axes
      .map(({ axis }) => ({
        id: axis.id,
        number: axis.number,
        title: axis.title,
        flagships: flagships
          .map((f) => f.flagship)
          .filter((f) => f.axisId === axis.id)
          .sort((a, b) => a.number - b.number)
          .map(({ id, number, title }) => ({ id, number, title })),
      }))
      .sort((a, b) => a.number - b.number),
  };
}

/**
 * Where a subsidy of this call is attached, when the call says it unambiguously: its one projet
 * phare (and that one's axis), else its one axis; null otherwise. Only ties to the project
 * covering `year` count.
 */
export async function attachmentFromCall(callId: string, year: number, db: Reader = prisma) {
  const project = await projectForYear(year, db);
  if (!project) return { axisId: null, flagshipId: null };
  const [axes, flagships] = await Promise.all([
    db.callAxis.findMany({ where: { callId, axis: { projectId: project.id } }, select: { axisId: true } }),
    db.callFlagship.findMany({
      where: { callId, flagship: { projectId: project.id } },
      select: { flagship: { select: { id: true, axisId: true } } },
    }),
  ]);
  if (flagships.length === 1) return { axisId: flagships[0].flagship.axisId, flagshipId: flagships[0].flagship.id };
  if (axes.length === 1) return { axisId: axes[0].axisId, flagshipId: null };
  return { axisId: null, flagshipId: null };
}
