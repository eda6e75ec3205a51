// Consultations of the network, the staff's side: create and edit a consultation, its questions
// (add, edit, move, remove — fixed once an association has answered), publish it. Audited.
import type { Prisma } from "~/generated/prisma/client";
import { prisma, writeTransaction } from "~/db.server";
import { recordAudit } from "~/lib/audit.server";
import { DomainError, notFoundError } from "~/lib/domain-error";
import type { Tx } from "~/lib/transaction";
import { QUESTIONS_FIXED_MESSAGE, type ChoiceOption, type QuestionDefinition, type QuestionKind } from "~/network/consultation-labels";
import { choiceLines, type ConsultationInput, type QuestionInput } from "~/network/consultation-schemas";

type Actor = { id: string };

export { QUESTIONS_FIXED_MESSAGE };

export const questionSelect = {
  id: true,
  position: true,
  kind: true,
  label: true,
  help: true,
  required: true,
  options: true,
  scaleMin: true,
  scaleMax: true,
  scaleMinLabel: true,
  scaleMaxLabel: true,
} satisfies Prisma.ConsultationQuestionSelect;

type QuestionRow = Prisma.ConsultationQuestionGetPayload<{ select: typeof questionSelect }>;

/** The options JSON as stored, read defensively. */
export function readOptions(value: Prisma.JsonValue): ChoiceOption[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((o) =>
    o && typeof o === "object" && !Array.isArray(o) && typeof o.id === "string" && typeof o.label === "string"
      ? [{ id: o.id, label: o.label }]
      : [],
  );
}

export function toQuestionDefinition(row: QuestionRow): QuestionDefinition {
  return {
    id: row.id,
    kind: row.kind as QuestionKind,
    label: row.label,
    help: row.help,
    required: row.required,
    options: readOptions(row.options),
    scaleMin: row.scaleMin,
    scaleMax: row.scaleMax,
    scaleMinLabel: row.scaleMinLabel,
    scaleMaxLabel: row.scaleMaxLabel,
  };
}

export async function listConsultations() {
  return prisma.consultation.findMany({
    orderBy: [{ opensAt: "desc" }, { createdAt: "desc" }],
    select: {
      id: true,
      title: true,
      opensAt: true,
      closesAt: true,
      publishedAt: true,
      _count: { select: { responses: true, questions: true } },
    },
  });
}

/** A consultation with its questions in order, for the staff's page; null when unknown. */
export async function getConsultationForStaff(id: string) {
  const row = await prisma.consultation.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      description: true,
      opensAt: true,
      closesAt: true,
      publishedAt: true,
      eventId: true,
      event: { select: { title: true, slug: true } },
      questions: { select: questionSelect, orderBy: { position: "asc" } },
      _count: { select: { responses: true } },
    },
  });
  if (!row) return null;
  return { ...row, questions: row.questions.map(toQuestionDefinition), answerCount: row._count.responses };
}

/** Events a consultation may be tied to (the annual meeting…), latest first. */
export async function eventChoices() {
  const events = await prisma.event.findMany({
    orderBy: { startsAt: "desc" },
    take: 100,
    select: { id: true, title: true, startsAt: true },
  });
  return events.map((e) => ({ id: e.id, title: e.title, startsAt: e.startsAt }));
}

async function checkEvent(tx: Tx, eventId: string | undefined) {
  if (!eventId) return null;
  const event = await tx.event.findUnique({ where: { id: eventId }, select: { id: true } });
  if (!event) throw new DomainError("Événement lié : choisissez un événement dans la liste.", { field: "eventId" });
  return event.id;
}

export async function createConsultation(input: ConsultationInput, actor: Actor) {
  return writeTransaction(async (tx) => {
    const eventId = await checkEvent(tx, input.eventId);
    const consultation = await tx.consultation.create({
      data: {
        title: input.title,
        description: input.description,
        opensAt: input.opensAt,
        closesAt: input.closesAt,
        eventId,
        createdById: actor.id,
      },
      select: { id: true },
    });
    await recordAudit(tx, { entityType: "consultation", entityId: consultation.id, actorId: actor.id, action: "consultation_created" });
    return consultation;
  });
}

export async function updateConsultation(id: string, input: ConsultationInput, actor: Actor) {
  await writeTransaction(async (tx) => {
    const existing = await tx.consultation.findUnique({ where: { id }, select: { id: true } });
    if (!existing) throw notFoundError();
    const eventId = await checkEvent(tx, input.eventId);
    await tx.consultation.update({
      where: { id },
      data: { title: input.title, description: input.description, opensAt: input.opensAt, closesAt: input.closesAt, eventId },
    });
    await recordAudit(tx, { entityType: "consultation", entityId: id, actorId: actor.id, action: "consultation_updated" });
  });
}

/** Refuses any change to the questions once an association has answered. */
async function lockQuestions(tx: Tx, consultationId: string) {
  const consultation = await tx.consultation.findUnique({
    where: { id: consultationId },
    select: { id: true, _count: { select: { responses: true } } },
  });
  if (!consultation) throw notFoundError();
  if (consultation._count.responses > 0) throw new DomainError(QUESTIONS_FIXED_MESSAGE, { code: "questions_fixed", status: 409 });
}

/** The options of a choice question: a kept line keeps its id, a new one gets the next free id. */
function optionsFor(input: QuestionInput, previous: ChoiceOption[]): ChoiceOption[] {
  if (input.kind !== "single" && input.kind !== "multiple") return [];
  const used = new Set(previous.map((o) => o.id));
  let next = previous.length + 1;
  return choiceLines(input.choices).map((label) => {
    const same = previous.find((o) => o.label === label);
    if (same) return same;
    while (used.has(`c${next}`)) next += 1;
    const id = `c${next}`;
    used.add(id);
    return { id, label };
  });
}

function questionColumns(input: QuestionInput, previous: ChoiceOption[]) {
  const scale = input.kind === "scale";
  return {
    kind: input.kind,
    label: input.label,
    help: input.help ?? "",
    required: input.required,
    options: optionsFor(input, previous),
    scaleMin: scale ? Number(input.scaleMin) : null,
    scaleMax: scale ? Number(input.scaleMax) : null,
    scaleMinLabel: scale ? (input.scaleMinLabel ?? null) : null,
    scaleMaxLabel: scale ? (input.scaleMaxLabel ?? null) : null,
  };
}

/** Adds a question at the end, or changes the one named by `input.questionId`. */
export async function saveQuestion(consultationId: string, input: QuestionInput, actor: Actor) {
  return writeTransaction(async (tx) => {
    await lockQuestions(tx, consultationId);
    if (input.questionId) {
      const existing = await tx.consultationQuestion.findFirst({
        where: { id: input.questionId, consultationId },
        select: { options: true },
      });
      if (!existing) throw notFoundError("Cette question n'existe plus. Rechargez la page.");
      await tx.consultationQuestion.update({
        where: { id: input.questionId },
        data: questionColumns(input, readOptions(existing.options)),
      });
      await recordAudit(tx, { entityType: "consultation", entityId: consultationId, actorId: actor.id, action: "question_updated" });
      return { questionId: input.questionId };
    }
    const count = await tx.consultationQuestion.count({ where: { consultationId } });
    if (count >= 50) throw new DomainError("Une consultation compte 50 questions au plus.", { code: "too_many_questions" });
    const last = await tx.consultationQuestion.aggregate({ where: { consultationId }, _max: { position: true } });
    const created = await tx.consultationQuestion.create({
      data: { consultationId, position: (last._max.position ?? -1) + 1, ...questionColumns(input, []) },
      select: { id: true },
    });
    await recordAudit(tx, { entityType: "consultation", entityId: consultationId, actorId: actor.id, action: "question_added" });
    return { questionId: created.id };
  });
}

export async function moveQuestion(consultationId: string, questionId: string, direction: "up" | "down", actor: Actor) {
  await writeTransaction(async (tx) => {
    await lockQuestions(tx, consultationId);
    const questions = await tx.consultationQuestion.findMany({
      where: { consultationId },
      orderBy: { position: "asc" },
      select: { id: true },
    });
    const index = questions.findIndex((q) => q.id === questionId);
    if (index < 0) throw notFoundError("Cette question n'existe plus. Rechargez la page.");
    const target = direction === "up" ? index - 1 : index + 1;
    if (target < 0 || target >= questions.length) return;
    [questions[index], questions[target]] = [questions[target], questions[index]];
    for (const [position, q] of questions.entries()) await tx.consultationQuestion.update({ where: { id: q.id }, data: { position } });
    await recordAudit(tx, { entityType: "consultation", entityId: consultationId, actorId: actor.id, action: "question_moved" });
  });
}

export async function removeQuestion(consultationId: string, questionId: string, actor: Actor) {
  await writeTransaction(async (tx) => {
    await lockQuestions(tx, consultationId);
    const removed = await tx.consultationQuestion.deleteMany({ where: { id: questionId, consultationId } });
    if (removed.count === 0) throw notFoundError("Cette question n'existe plus. Rechargez la page.");
    const rest = await tx.consultationQuestion.findMany({ where: { consultationId }, orderBy: { position: "asc" }, select: { id: true } });
    for (const [position, q] of rest.entries()) await tx.consultationQuestion.update({ where: { id: q.id }, data: { position } });
    await recordAudit(tx, { entityType: "consultation", entityId: consultationId, actorId: actor.id, action: "question_removed" });
  });
}

/** Publishes: the associations see it from its opening. Needs at least one question. */
export async function publishConsultation(id: string, actor: Actor, now = new Date()) {
  await writeTransaction(async (tx) => {
    const consultation = await tx.consultation.findUnique({
      where: { id },
      select: { publishedAt: true, _count: { select: { questions: true } } },
    });
    if (!consultation) throw notFoundError();
    if (consultation.publishedAt) return;
    if (consultation._count.questions === 0)
      throw new DomainError("Ajoutez au moins une question avant de publier la consultation.", { code: "no_question" });
    await tx.consultation.update({ where: { id }, data: { publishedAt: now } });
    await recordAudit(tx, { entityType: "consultation", entityId: id, actorId: actor.id, action: "consultation_published" });
  });
}

/** Back to draft while no association has answered. */
export async function unpublishConsultation(id: string, actor: Actor) {
  await writeTransaction(async (tx) => {
    await lockQuestions(tx, id);
    await tx.consultation.update({ where: { id }, data: { publishedAt: null } });
    await recordAudit(tx, { entityType: "consultation", entityId: id, actorId: actor.id, action: "consultation_unpublished" });
  });
}
