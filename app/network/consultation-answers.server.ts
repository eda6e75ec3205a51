// Consultations of the network, the association's side: the consultations it may answer, its one
// answer per consultation (editable until the closing), what its data export holds, and the
// retention rule for who submitted it.
import type { Prisma } from "~/generated/prisma/client";
import { prisma, writeTransaction } from "~/db.server";
import { DomainError, notFoundError } from "~/lib/domain-error";
import { answerField, consultationState, type QuestionDefinition } from "~/network/consultation-labels";
import type { AnswerInput } from "~/network/consultation-schemas";
import { questionSelect, readOptions, toQuestionDefinition } from "~/network/consultations.server";

const DAY = 24 * 3600_000;

/** After this many days past its closing, a consultation's answers forget who submitted them. */
export const RESPONDENT_RETENTION_DAYS = 365;

export const CLOSED_MESSAGE = "La consultation est close : les réponses ne peuvent plus être modifiées.";

/** Open consultations (answered or not) and closed ones this association answered, newest first. */
export async function consultationsForAssociation(associationId: string, now = new Date()) {
  const rows = await prisma.consultation.findMany({
    where: {
      publishedAt: { not: null },
      opensAt: { lte: now },
      OR: [{ closesAt: { gt: now } }, { responses: { some: { associationId } } }],
    },
    orderBy: [{ closesAt: "desc" }],
    select: {
      id: true,
      title: true,
      opensAt: true,
      closesAt: true,
      publishedAt: true,
      responses: { where: { associationId }, select: { updatedAt: true } },
    },
  });
  return rows.map(({ responses, ...c }) => ({ ...c, state: consultationState(c, now), answeredAt: responses[0]?.updatedAt ?? null }));
}

/** What a stored answer puts back in the form's field. */
function formValue(q: QuestionDefinition, value: Prisma.JsonValue): unknown {
  if (q.kind === "multiple") return Array.isArray(value) ? value.map(String) : [];
  if (value === null || typeof value === "object") return "";
  return String(value);
}

/** A consultation as one association sees it (published and opened), with its answer if any; null otherwise. */
export async function consultationForAssociation(consultationId: string, associationId: string, now = new Date()) {
  const row = await prisma.consultation.findFirst({
    where: { id: consultationId, publishedAt: { not: null }, opensAt: { lte: now } },
    select: {
      id: true,
      title: true,
      description: true,
      opensAt: true,
      closesAt: true,
      publishedAt: true,
      event: { select: { title: true, slug: true } },
      questions: { select: questionSelect, orderBy: { position: "asc" } },
      responses: {
        where: { associationId },
        select: { updatedAt: true, answers: { select: { questionId: true, value: true } } },
      },
    },
  });
  if (!row) return null;
  const { responses, questions: rows, ...consultation } = row;
  const questions = rows.map(toQuestionDefinition);
  const response = responses[0] ?? null;
  const values: Record<string, unknown> = {};
  for (const q of questions) {
    const answer = response?.answers.find((a) => a.questionId === q.id);
    values[answerField(q.id)] = answer ? formValue(q, answer.value) : q.kind === "multiple" ? [] : "";
  }
  return {
    ...consultation,
    questions,
    state: consultationState(row, now),
    answeredAt: response?.updatedAt ?? null,
    values,
    answers: response?.answers ?? [],
  };
}

/**
 * Writes the association's answer (replacing the previous one) while the consultation is open.
 * The answers come from `answerSchemaFor` built from the same questions; they are checked again
 * against the database's questions here.
 */
export async function saveAnswers(input: {
  consultationId: string;
  associationId: string;
  userId: string;
  answers: AnswerInput;
  now?: Date;
}) {
  const now = input.now ?? new Date();
  return writeTransaction(async (tx) => {
    const consultation = await tx.consultation.findFirst({
      where: { id: input.consultationId, publishedAt: { not: null }, opensAt: { lte: now } },
      select: { closesAt: true, questions: { select: { id: true } } },
    });
    if (!consultation) throw notFoundError();
    if (consultation.closesAt <= now) throw new DomainError(CLOSED_MESSAGE, { code: "closed", status: 409 });
    const known = new Set(consultation.questions.map((q) => q.id));
    if (input.answers.some((a) => !known.has(a.questionId)))
      throw new DomainError("Les questions ont changé entre-temps. Rechargez la page.", { code: "stale_questions", status: 409 });
    const response = await tx.consultationResponse.upsert({
      where: { consultationId_associationId: { consultationId: input.consultationId, associationId: input.associationId } },
      create: { consultationId: input.consultationId, associationId: input.associationId, submittedById: input.userId },
      update: { submittedById: input.userId, updatedAt: now },
      select: { id: true, createdAt: true, updatedAt: true },
    });
    await tx.consultationAnswer.deleteMany({ where: { responseId: response.id } });
    if (input.answers.length)
      await tx.consultationAnswer.createMany({
        data: input.answers.map((a) => ({ responseId: response.id, questionId: a.questionId, value: a.value })),
      });
    return { created: response.createdAt.getTime() === response.updatedAt.getTime() };
  });
}

/** The association's answers for its data export: each consultation, each question and what it answered. */
export async function associationConsultationAnswers(associationId: string) {
  const responses = await prisma.consultationResponse.findMany({
    where: { associationId },
    orderBy: { createdAt: "asc" },
    select: {
      createdAt: true,
      updatedAt: true,
      consultation: { select: { title: true, opensAt: true, closesAt: true } },
      answers: { select: { value: true, question: { select: { label: true, kind: true, options: true } } } },
    },
  });
  return responses.map((r) => ({
    consultation: r.consultation.title,
    opensAt: r.consultation.opensAt,
    closesAt: r.consultation.closesAt,
    answeredAt: r.createdAt,
    updatedAt: r.updatedAt,
    answers: r.answers.map((a) => {
      const options = readOptions(a.question.options);
      const label = (id: unknown) => options.find((o) => o.id === id)?.label ?? String(id);
      const value = Array.isArray(a.value) ? a.value.map(label) : a.question.kind === "single" ? label(a.value) : a.value;
      return { question: a.question.label, answer: value };
    }),
  }));
}

/** Retention: a year after a consultation closed, its answers no longer say which person sent them. */
export async function forgetConsultationRespondents(now = new Date()) {
  const result = await prisma.consultationResponse.updateMany({
    where: { submittedById: { not: null }, consultation: { closesAt: { lt: new Date(now.getTime() - RESPONDENT_RETENTION_DAYS * DAY) } } },
    data: { submittedById: null },
  });
  return result.count;
}

/** The published consultations tied to an event, once opened (for the event's page). */
export async function consultationsOfEvent(eventId: string, now = new Date()) {
  const rows = await prisma.consultation.findMany({
    where: { eventId, publishedAt: { not: null }, opensAt: { lte: now } },
    orderBy: { opensAt: "asc" },
    select: { id: true, title: true, opensAt: true, closesAt: true, publishedAt: true },
  });
  return rows.map((c) => ({ id: c.id, title: c.title, closesAt: c.closesAt, state: consultationState(c, now) }));
}
