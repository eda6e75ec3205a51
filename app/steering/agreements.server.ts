// A multi-year agreement (CPO): its yearly objectives and the record of each yearly review meeting
// (dialogue de gestion), written by staff, read by both sides; the association is e-mailed when a
// meeting's record is saved. Every change is audited.
import { prisma, writeTransaction, type Tx } from "~/db.server";
import { recordAudit } from "~/lib/audit.server";
import { absoluteUrl, enqueueMail, kickMailQueue } from "~/mail/mail.server";
import { loadPortalSettings } from "~/settings/portal-settings.server";
import { subsidyRefusal } from "~/subsidies/errors";
import { parisDay } from "~/subsidies/rules";
import { associationRecipients } from "~/subsidies/reports.server";
import { MAX_OBJECTIVES_PER_YEAR } from "~/steering/agreement-schemas";
import { reviewMeetingEmail } from "~/steering/emails";
import { indicatorValueSchema } from "~/steering/indicators";
import { ownIndicatorsWhere } from "~/steering/report-indicators.server";

export type ObjectiveInput = { year: number; title: string; indicatorId: string | null; target: number | null };
export type MeetingInput = { year: number; heldOn: string; participants: string; notes: string; decisions?: string };

/** Objectives and meetings of a subsidy, for both sides' pages. */
export async function getAgreement(subsidyId: string) {
  const [objectives, meetings] = await Promise.all([
    prisma.agreementObjective.findMany({
      where: { subsidyId },
      select: { id: true, year: true, title: true, indicatorId: true, target: true, indicator: { select: { name: true, unit: true } } },
      orderBy: [{ year: "asc" }, { position: "asc" }, { createdAt: "asc" }],
    }),
    prisma.reviewMeeting.findMany({
      where: { subsidyId },
      select: { id: true, year: true, heldOn: true, participants: true, notes: true, decisions: true, updatedAt: true },
      orderBy: { year: "asc" },
    }),
  ]);
  return { objectives, meetings };
}

async function agreementOf(tx: Tx, subsidyId: string, year: number, field = "year") {
  const subsidy = await tx.subsidy.findUnique({
    where: { id: subsidyId },
    select: {
      id: true,
      number: true,
      purpose: true,
      associationId: true,
      dossierId: true,
      multiYear: true,
      years: { select: { year: true } },
    },
  });
  if (!subsidy) throw subsidyRefusal("subsidy_not_found", "Subvention introuvable.");
  if (!subsidy.multiYear) {
    throw subsidyRefusal("not_multi_year", "Cette subvention n'est pas une convention pluriannuelle d'objectifs.");
  }
  if (!subsidy.years.some((y) => y.year === year)) {
    const years = subsidy.years.map((y) => y.year).join(", ");
    throw subsidyRefusal("year_outside_agreement", `Année : la convention porte sur ${years}.`, field);
  }
  return subsidy;
}

/** The objective's indicator must be one of the subsidy's, and its target in that indicator's unit. */
async function checkIndicator(tx: Tx, subsidy: { id: string; dossierId: string | null }, input: ObjectiveInput) {
  if (!input.indicatorId) return;
  const indicator = await tx.projectIndicator.findFirst({
    where: { AND: [ownIndicatorsWhere(subsidy), { id: input.indicatorId }] },
    select: { name: true, unit: true },
  });
  if (!indicator) throw subsidyRefusal("indicator_not_found", "Indicateur : choisissez un indicateur de cette subvention.", "indicatorId");
  if (input.target !== null) {
    const checked = indicatorValueSchema("Cible", indicator.unit, false).safeParse(String(input.target));
    if (!checked.success) throw subsidyRefusal("target_invalid", checked.error.issues[0]?.message ?? "Cible invalide.", "target");
  }
}

export async function addObjective(subsidyId: string, input: ObjectiveInput, actor: { id: string }) {
  return writeTransaction(async (tx) => {
    const subsidy = await agreementOf(tx, subsidyId, input.year);
    await checkIndicator(tx, subsidy, input);
    const count = await tx.agreementObjective.count({ where: { subsidyId, year: input.year } });
    if (count >= MAX_OBJECTIVES_PER_YEAR) {
      throw subsidyRefusal(
        "too_many_objectives",
        `Gardez peu d'objectifs : ${MAX_OBJECTIVES_PER_YEAR} au plus pour ${input.year}.`,
        "title",
      );
    }
    const objective = await tx.agreementObjective.create({ data: { subsidyId, ...input, position: count } });
    await recordAudit(tx, {
      entityType: "subsidy",
      entityId: subsidyId,
      actorId: actor.id,
      action: "objective_added",
      comment: `${input.year} : ${input.title}`,
    });
    return objective;
  });
}

async function objectiveOf(tx: Tx, subsidyId: string, objectiveId: string) {
  const objective = await tx.agreementObjective.findFirst({ where: { id: objectiveId, subsidyId } });
  if (!objective) throw subsidyRefusal("objective_not_found", "Cet objectif n'existe pas (ou plus) pour cette convention.");
  return objective;
}

export async function updateObjective(subsidyId: string, objectiveId: string, input: ObjectiveInput, actor: { id: string }) {
  return writeTransaction(async (tx) => {
    const objective = await objectiveOf(tx, subsidyId, objectiveId);
    // The year an objective belongs to does not change: it is another year's objective then.
    const subsidy = await agreementOf(tx, subsidyId, objective.year);
    const data = { ...input, year: objective.year };
    await checkIndicator(tx, subsidy, data);
    await tx.agreementObjective.update({ where: { id: objectiveId }, data });
    await recordAudit(tx, {
      entityType: "subsidy",
      entityId: subsidyId,
      actorId: actor.id,
      action: "objective_updated",
      comment: `${objective.year} : ${input.title}`,
    });
  });
}

export async function removeObjective(subsidyId: string, objectiveId: string, actor: { id: string }) {
  return writeTransaction(async (tx) => {
    const objective = await objectiveOf(tx, subsidyId, objectiveId);
    await tx.agreementObjective.delete({ where: { id: objectiveId } });
    await recordAudit(tx, {
      entityType: "subsidy",
      entityId: subsidyId,
      actorId: actor.id,
      action: "objective_removed",
      comment: `${objective.year} : ${objective.title}`,
    });
  });
}

/** Records (or corrects) the year's review meeting; the association is e-mailed in the same transaction. */
export async function saveReviewMeeting(subsidyId: string, input: MeetingInput, actor: { id: string }) {
  const meeting = await writeTransaction(async (tx) => {
    const subsidy = await agreementOf(tx, subsidyId, input.year);
    const data = {
      heldOn: parisDay(input.heldOn),
      participants: input.participants,
      notes: input.notes,
      decisions: input.decisions ?? "",
      recordedById: actor.id,
    };
    const existing = await tx.reviewMeeting.findUnique({
      where: { subsidyId_year: { subsidyId, year: input.year } },
      select: { id: true },
    });
    const saved = await tx.reviewMeeting.upsert({
      where: { subsidyId_year: { subsidyId, year: input.year } },
      create: { subsidyId, year: input.year, ...data },
      update: data,
    });
    await recordAudit(tx, {
      entityType: "subsidy",
      entityId: subsidyId,
      actorId: actor.id,
      action: existing ? "review_meeting_updated" : "review_meeting_recorded",
      comment: `Dialogue de gestion ${input.year}`,
    });
    const link = absoluteUrl(`/espace/associations/${subsidy.associationId}/subventions/${subsidy.id}`);
    const { name } = await loadPortalSettings(tx);
    const email = reviewMeetingEmail({ year: saved.year, heldOn: saved.heldOn, subsidy }, link, name);
    for (const to of await associationRecipients(subsidy.associationId, tx)) {
      await enqueueMail(tx, { to, ...email });
    }
    return saved;
  });
  void kickMailQueue();
  return meeting;
}
