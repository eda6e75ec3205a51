// The social project as reference data: list, create and edit projects (their periods never
// overlap), and find the one covering a year. Axes and projets phares: ./axes.server.ts.
import type { Prisma } from "~/generated/prisma/client";
import { prisma, writeTransaction, type Db } from "~/db.server";
import { recordAudit } from "~/lib/audit.server";
import { DomainError, notFoundError } from "~/lib/domain-error";
import type { Tx } from "~/lib/transaction";
import { periodLabel } from "./social-project-labels";
import type { SocialProjectInput } from "./social-project-schemas";

type Reader = Db | Tx;

export const socialProjectSelect = {
  id: true,
  title: true,
  startYear: true,
  endYear: true,
  adoptedOn: true,
  description: true,
  axes: {
    orderBy: { number: "asc" },
    select: {
      id: true,
      number: true,
      title: true,
      description: true,
      flagships: { orderBy: { number: "asc" }, select: { id: true, number: true, title: true, axisId: true } },
    },
  },
} satisfies Prisma.SocialProjectSelect;

export type SocialProjectView = Prisma.SocialProjectGetPayload<{ select: typeof socialProjectSelect }>;

export { periodLabel };

export async function listSocialProjects(db: Reader = prisma) {
  const projects = await db.socialProject.findMany({
    orderBy: { startYear: "desc" },
    select: { id: true, title: true, startYear: true, endYear: true, adoptedOn: true, _count: { select: { axes: true, flagships: true } } },
  });
  return projects.map(({ _count, ...p }) => ({ ...p, axisCount: _count.axes, flagshipCount: _count.flagships }));
}

/** The project whose period covers `year` (periods never overlap), with its axes and projets phares. */
export async function projectForYear(year: number, db: Reader = prisma): Promise<SocialProjectView | null> {
  if (!Number.isInteger(year)) return null;
  return db.socialProject.findFirst({
    where: { startYear: { lte: year }, endYear: { gte: year } },
    orderBy: { startYear: "asc" },
    select: socialProjectSelect,
  });
}

/** One project for its editor, with what refers to each axis and projet phare. */
export async function getSocialProject(id: string, db: Reader = prisma) {
  const project = await db.socialProject.findUnique({ where: { id }, select: socialProjectSelect });
  if (!project) throw notFoundError("Ce projet social n'existe pas.");
  const axisIds = project.axes.map((a) => a.id);
  const [callAxes, callFlagships, subsidies] = await Promise.all([
    db.callAxis.groupBy({ by: ["axisId"], where: { axisId: { in: axisIds } }, _count: { _all: true } }),
    db.callFlagship.groupBy({ by: ["flagshipId"], where: { flagship: { projectId: id } }, _count: { _all: true } }),
    db.subsidy.findMany({ where: { axisId: { in: axisIds } }, select: { axisId: true, flagshipId: true } }),
  ]);
  const callsOfAxis = new Map(callAxes.map((c) => [c.axisId, c._count._all]));
  const callsOfFlagship = new Map(callFlagships.map((c) => [c.flagshipId, c._count._all]));
  const count = (key: "axisId" | "flagshipId", value: string) => subsidies.filter((s) => s[key] === value).length;
  return {
    ...project,
    axes: project.axes.map((a) => ({
      ...a,
      calls: callsOfAxis.get(a.id) ?? 0,
      subsidies: count("axisId", a.id),
      flagships: a.flagships.map((f) => ({ ...f, calls: callsOfFlagship.get(f.id) ?? 0, subsidies: count("flagshipId", f.id) })),
    })),
  };
}

async function refuseOverlap(tx: Tx, input: { startYear: number; endYear: number }, exceptId?: string) {
  const other = await tx.socialProject.findFirst({
    where: { startYear: { lte: input.endYear }, endYear: { gte: input.startYear }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { title: true, startYear: true, endYear: true },
  });
  if (other) {
    throw new DomainError(
      `Période : elle chevauche celle du projet « ${other.title} » (${periodLabel(other)}). Deux projets sociaux ne peuvent pas couvrir la même année.`,
      { code: "period_overlap", field: "startYear" },
    );
  }
}

const toDate = (day: string | undefined) => (day ? new Date(`${day}T12:00:00Z`) : null);

const projectData = (input: SocialProjectInput) => ({
  title: input.title,
  startYear: input.startYear,
  endYear: input.endYear,
  adoptedOn: toDate(input.adoptedOn),
  description: input.description ?? "",
});

export async function createSocialProject(input: SocialProjectInput, actor: { id: string }) {
  return writeTransaction(async (tx) => {
    await refuseOverlap(tx, input);
    const project = await tx.socialProject.create({
      data: projectData(input),
    });
    await recordAudit(tx, {
      entityType: "settings",
      entityId: project.id,
      actorId: actor.id,
      action: "social_project_created",
      comment: `${project.title} (${periodLabel(project)})`,
    });
    return project;
  });
}

export async function updateSocialProject(id: string, input: SocialProjectInput, actor: { id: string }) {
  return writeTransaction(async (tx) => {
    const before = await tx.socialProject.findUnique({ where: { id }, select: { id: true, startYear: true, endYear: true } });
    if (!before) throw notFoundError("Ce projet social n'existe pas.");
    await refuseOverlap(tx, input, id);
    await refuseOrphanedAttachments(tx, id, input);
    const project = await tx.socialProject.update({
      where: { id },
      data: projectData(input),
    });
    await recordAudit(tx, {
      entityType: "settings",
      entityId: id,
      actorId: actor.id,
      action: "social_project_updated",
      fromState: periodLabel(before),
      toState: periodLabel(project),
      comment: project.title,
    });
    return project;
  });
}

/** A shorter period may not leave a call or a subsidy tied to the project outside it. */
async function refuseOrphanedAttachments(tx: Tx, projectId: string, period: { startYear: number; endYear: number }) {
  const outside = { OR: [{ financialYear: { lt: period.startYear } }, { financialYear: { gt: period.endYear } }] };
  const [call, subsidy] = await Promise.all([
    tx.call.findFirst({
      where: {
        AND: [outside, { OR: [{ axes: { some: { axis: { projectId } } } }, { flagships: { some: { flagship: { projectId } } } }] }],
      },
      select: { title: true, financialYear: true },
    }),
    tx.subsidy.findFirst({ where: { ...outside, axis: { projectId } }, select: { number: true, financialYear: true } }),
  ]);
  if (call) {
    throw new DomainError(
      `Période : l'appel « ${call.title} » (exercice ${call.financialYear}) est rattaché à ce projet et sortirait de sa période.`,
      { code: "period_excludes_call", field: "startYear" },
    );
  }
  if (subsidy) {
    throw new DomainError(
      `Période : la subvention ${subsidy.number} (exercice ${subsidy.financialYear}) est rattachée à ce projet et sortirait de sa période.`,
      { code: "period_excludes_subsidy", field: "startYear" },
    );
  }
}
