// A subsidy's attachment to the social project: an axis, or an axis and one of its projets phares,
// of the project covering the subsidy's financial year. Checked here, whatever the form sent.
import { prisma, writeTransaction, type Db } from "~/db.server";
import { recordAudit } from "~/lib/audit.server";
import { DomainError } from "~/lib/domain-error";
import type { Tx } from "~/lib/transaction";
import { attachmentToValue, parseAttachmentValue } from "./social-project-schemas";
import { periodLabel, projectForYear, type SocialProjectView } from "./social-project.server";

type Reader = Db | Tx;

/** The select's options: each axis, then each of its projets phares under it. */
export function attachmentOptions(project: SocialProjectView | null) {
  if (!project) return [];
  return project.axes.flatMap((a) => [
    { value: a.id, label: `Axe ${a.number} – ${a.title}` },
    ...a.flagships.map((f) => ({ value: `${a.id}:${f.id}`, label: `Axe ${a.number} › projet phare n°${f.number} – ${f.title}` })),
  ]);
}

/** Every project's options, labelled with its period (the grant form's year is still being typed). */
export async function attachmentOptionsByPeriod(db: Reader = prisma) {
  const projects = await db.socialProject.findMany({
    orderBy: { startYear: "asc" },
    select: { startYear: true, endYear: true, id: true },
  });
  const views = await Promise.all(projects.map((p) => projectForYear(p.startYear, db)));
  return views.flatMap((p) =>
    p ? attachmentOptions(p).map((o) => ({ value: o.value, label: `Projet social ${periodLabel(p)} · ${o.label}` })) : [],
  );
}

/** The chosen value, checked against the project covering `year`: the axis is its, the projet phare the axis's. */
export async function resolveAttachment(db: Reader, year: number, value: string) {
  const { axisId, flagshipId } = parseAttachmentValue(value);
  if (!axisId) return { axisId: null, flagshipId: null, label: null };
  const project = await projectForYear(year, db);
  const axis = project?.axes.find((a) => a.id === axisId);
  if (!project || !axis) {
    throw new DomainError(
      project
        ? `Rattachement : choisissez un axe du projet social ${periodLabel(project)}, qui couvre l'exercice ${year}.`
        : `Rattachement : aucun projet social ne couvre l'exercice ${year}.`,
      { code: "attachment_not_in_project", field: "attachment" },
    );
  }
  if (!flagshipId) return { axisId, flagshipId: null, label: `Axe ${axis.number}` };
  const flagship = axis.flagships.find((f) => f.id === flagshipId);
  if (!flagship) {
    throw new DomainError(`Rattachement : ce projet phare ne relève pas de l'axe ${axis.number}.`, {
      code: "flagship_not_in_axis",
      field: "attachment",
    });
  }
  return { axisId, flagshipId, label: `Axe ${axis.number} › projet phare n°${flagship.number}` };
}

/** The staff subsidy page's section « Rattachement au projet social ». */
export async function getSubsidyAttachment(subsidy: { financialYear: number; axisId: string | null; flagshipId: string | null }) {
  const project = await projectForYear(subsidy.financialYear);
  return {
    project: project ? { id: project.id, title: project.title, period: periodLabel(project) } : null,
    options: attachmentOptions(project),
    value: attachmentToValue(subsidy.axisId, subsidy.flagshipId),
  };
}

export async function setSubsidyAttachment(subsidyId: string, value: string, actor: { id: string }) {
  return writeTransaction(async (tx) => {
    const subsidy = await tx.subsidy.findUnique({
      where: { id: subsidyId },
      select: { id: true, financialYear: true, axisId: true, flagshipId: true },
    });
    if (!subsidy) throw new DomainError("Subvention introuvable.", { code: "subsidy_not_found" });
    const before = await resolveAttachment(tx, subsidy.financialYear, attachmentToValue(subsidy.axisId, subsidy.flagshipId)).catch(
      () => null,
    );
    const next = await resolveAttachment(tx, subsidy.financialYear, value);
    await tx.subsidy.update({ where: { id: subsidy.id }, data: { axisId: next.axisId, flagshipId: next.flagshipId } });
    await recordAudit(tx, {
      entityType: "subsidy",
      entityId: subsidy.id,
      actorId: actor.id,
      action: "social_project_attached",
      fromState: before?.label ?? "non rattachée",
      toState: next.label ?? "non rattachée",
    });
    return next;
  });
}
