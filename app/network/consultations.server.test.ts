// Consultations on a real SQLite database: staff build the questions (fixed once answered),
// publish; one answer per association, editable until the closing; results, the CSV export
// (formula-safe) and the retention rule for who submitted an answer.
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { createAssociation } from "../../prisma/factories/association";
import { createEvent } from "../../prisma/factories/event";
import { createConsultation } from "../../prisma/factories/network";
import { addMembership, createUser } from "../../prisma/factories/user";

const { prisma } = await import("../db.server");
const {
  createConsultation: create,
  moveQuestion,
  publishConsultation,
  removeQuestion,
  saveQuestion,
  getConsultationForStaff,
  QUESTIONS_FIXED_MESSAGE,
} = await import("./consultations.server");
const {
  consultationForAssociation,
  consultationsForAssociation,
  consultationsOfEvent,
  forgetConsultationRespondents,
  saveAnswers,
  associationConsultationAnswers,
} = await import("./consultation-answers.server");
const { consultationCsv, consultationResults } = await import("./consultation-results.server");
const { exportAssociationData, retentionCleanup } = await import("../accounts/personal-data.server");

const DAY = 24 * 3600_000;
const question = (over: Record<string, unknown> = {}) => ({
  kind: "single" as const,
  label: "Question",
  required: false,
  choices: "Oui\nNon",
  ...over,
});

async function member() {
  const association = await createAssociation(prisma);
  const user = await createUser(prisma);
  await addMembership(prisma, user.id, association.id, true);
  return { association, user };
}

describe("building a consultation", () => {
  it("adds, edits, moves and removes questions, keeps choice ids, publishes only with a question, audited", async () => {
    const staff = await createUser(prisma, { role: "staff" });
    const now = Date.now();
    const { id } = await create(
      { title: "Rencontre annuelle", description: "", opensAt: new Date(now), closesAt: new Date(now + DAY) },
      staff,
    );
    await expect(publishConsultation(id, staff)).rejects.toMatchObject({ code: "no_question" });
    const a = await saveQuestion(id, { ...question({ label: "A", choices: "Oui\nNon" }) }, staff);
    await saveQuestion(
      id,
      { ...question({ kind: "scale", label: "B", scaleMin: "1", scaleMax: "5", choices: "ignoré\nignoré 2" }) },
      staff,
    );
    await saveQuestion(id, { ...question({ kind: "text", label: "C" }) }, staff);
    await saveQuestion(id, { ...question({ questionId: a.questionId, label: "A bis", choices: "Non\nPeut-être\nOui" }) }, staff);
    await moveQuestion(id, a.questionId, "down", staff);
    let c = await getConsultationForStaff(id);
    expect(c?.questions.map((q) => q.label)).toEqual(["B", "A bis", "C"]);
    expect(c?.questions[0].options).toEqual([]);
    expect(c?.questions[0]).toMatchObject({ scaleMin: 1, scaleMax: 5 });
    // Kept labels keep their id; the new one gets a fresh id.
    expect(c?.questions[1].options).toEqual([
      { id: "c2", label: "Non" },
      { id: "c3", label: "Peut-être" },
      { id: "c1", label: "Oui" },
    ]);
    await removeQuestion(id, c!.questions[0].id, staff);
    c = await getConsultationForStaff(id);
    expect(c?.questions.map((q) => q.label)).toEqual(["A bis", "C"]);
    await publishConsultation(id, staff);
    expect((await prisma.consultation.findUniqueOrThrow({ where: { id } })).publishedAt).not.toBeNull();
    const audit = await prisma.auditEvent.findMany({ where: { entityType: "consultation", entityId: id } });
    expect(audit.map((e) => e.action)).toContain("consultation_published");
  });

  it("fixes the questions once an association has answered", async () => {
    const staff = await createUser(prisma, { role: "staff" });
    const consultation = await createConsultation(prisma);
    const { association, user } = await member();
    await saveAnswers({
      consultationId: consultation.id,
      associationId: association.id,
      userId: user.id,
      answers: [{ questionId: consultation.questions[0].id, value: "c1" }],
    });
    await expect(saveQuestion(consultation.id, question(), staff)).rejects.toMatchObject({ message: QUESTIONS_FIXED_MESSAGE, status: 409 });
    await expect(removeQuestion(consultation.id, consultation.questions[0].id, staff)).rejects.toMatchObject({ code: "questions_fixed" });
    await expect(moveQuestion(consultation.id, consultation.questions[0].id, "down", staff)).rejects.toMatchObject({
      code: "questions_fixed",
    });
  });
});

describe("answering", () => {
  it("keeps one answer per association, replaced when edited, and lists it for that association only", async () => {
    const consultation = await createConsultation(prisma);
    const [single, text] = consultation.questions;
    const { association, user } = await member();
    const other = await member();
    const first = await saveAnswers({
      consultationId: consultation.id,
      associationId: association.id,
      userId: user.id,
      answers: [
        { questionId: single.id, value: "c1" },
        { questionId: text.id, value: "Des locaux" },
      ],
    });
    expect(first.created).toBe(true);
    const second = await saveAnswers({
      consultationId: consultation.id,
      associationId: association.id,
      userId: user.id,
      answers: [{ questionId: single.id, value: "c2" }],
    });
    expect(second.created).toBe(false);
    const responses = await prisma.consultationResponse.findMany({
      where: { consultationId: consultation.id },
      include: { answers: true },
    });
    expect(responses).toHaveLength(1);
    expect(responses[0].answers.map((a) => a.value)).toEqual(["c2"]);
    const mine = await consultationForAssociation(consultation.id, association.id);
    expect(mine?.values).toMatchObject({ [`q_${single.id}`]: "c2", [`q_${text.id}`]: "" });
    const theirs = await consultationForAssociation(consultation.id, other.association.id);
    expect(theirs?.answeredAt).toBeNull();
    expect((await consultationsForAssociation(other.association.id)).find((c) => c.id === consultation.id)?.answeredAt).toBeNull();
  });

  it("refuses answers after the closing, and shows neither drafts nor consultations not yet open", async () => {
    const { association, user } = await member();
    const closed = await createConsultation(prisma, { opensAt: new Date(Date.now() - 10 * DAY), closesAt: new Date(Date.now() - DAY) });
    await expect(
      saveAnswers({
        consultationId: closed.id,
        associationId: association.id,
        userId: user.id,
        answers: [{ questionId: closed.questions[0].id, value: "c1" }],
      }),
    ).rejects.toMatchObject({ code: "closed", message: "La consultation est close : les réponses ne peuvent plus être modifiées." });
    const draft = await createConsultation(prisma, { published: false });
    const later = await createConsultation(prisma, { opensAt: new Date(Date.now() + DAY), closesAt: new Date(Date.now() + 5 * DAY) });
    expect(await consultationForAssociation(draft.id, association.id)).toBeNull();
    expect(await consultationForAssociation(later.id, association.id)).toBeNull();
    await expect(
      saveAnswers({ consultationId: draft.id, associationId: association.id, userId: user.id, answers: [] }),
    ).rejects.toMatchObject({ status: 404 });
    const listed = (await consultationsForAssociation(association.id)).map((c) => c.id);
    expect(listed).not.toContain(draft.id);
    expect(listed).not.toContain(later.id);
    expect(listed).not.toContain(closed.id);
  });

  it("refuses an answer to a question of another consultation", async () => {
    const { association, user } = await member();
    const one = await createConsultation(prisma);
    const two = await createConsultation(prisma);
    await expect(
      saveAnswers({
        consultationId: one.id,
        associationId: association.id,
        userId: user.id,
        answers: [{ questionId: two.questions[0].id, value: "c1" }],
      }),
    ).rejects.toMatchObject({ code: "stale_questions" });
  });
});

describe("an event's consultations", () => {
  it("lists the published, opened consultations tied to the event only", async () => {
    const event = await createEvent(prisma, { audience: "associations" });
    const tied = await createConsultation(prisma, { eventId: event.id });
    await createConsultation(prisma, { eventId: event.id, published: false });
    await createConsultation(prisma, { eventId: event.id, opensAt: new Date(Date.now() + DAY), closesAt: new Date(Date.now() + 2 * DAY) });
    await createConsultation(prisma);
    expect(await consultationsOfEvent(event.id)).toEqual([expect.objectContaining({ id: tied.id, state: "ouverte" })]);
  });
});

describe("results and export", () => {
  it("counts choices, the scale's distribution and mean, lists free texts, and neutralises formulas in the CSV", async () => {
    const consultation = await createConsultation(prisma, {
      questions: [
        { kind: "single", label: "Présent ?", options: ["Oui", "Non"], required: true },
        { kind: "multiple", label: "Thèmes", options: ["Locaux", "Bénévoles", "Subventions"] },
        { kind: "scale", label: "Satisfaction", scaleMin: 1, scaleMax: 5 },
        { kind: "text", label: "Attentes" },
      ],
    });
    const [single, multiple, scale, text] = consultation.questions;
    const x = await member();
    const y = await member();
    await saveAnswers({
      consultationId: consultation.id,
      associationId: x.association.id,
      userId: x.user.id,
      answers: [
        { questionId: single.id, value: "c1" },
        { questionId: multiple.id, value: ["c1", "c2"] },
        { questionId: scale.id, value: 4 },
        { questionId: text.id, value: '=HYPERLINK("http://x")' },
      ],
    });
    await saveAnswers({
      consultationId: consultation.id,
      associationId: y.association.id,
      userId: y.user.id,
      answers: [
        { questionId: single.id, value: "c1" },
        { questionId: multiple.id, value: ["c2"] },
        { questionId: scale.id, value: 5 },
      ],
    });
    const results = await consultationResults(consultation.id);
    expect(results?.respondents).toBe(2);
    const [r1, r2, r3, r4] = results!.results;
    expect(r1.kind !== "text" && r1.bars).toEqual([
      { label: "Oui", count: 2, percent: 100 },
      { label: "Non", count: 0, percent: 0 },
    ]);
    expect(r2.kind !== "text" && r2.bars.map((b) => b.count)).toEqual([1, 2, 0]);
    expect(r3.kind === "scale" && r3.mean).toBe(4.5);
    expect(r3.kind === "scale" && r3.bars.map((b) => b.count)).toEqual([0, 0, 0, 1, 1]);
    expect(r4.kind === "text" && r4.texts).toEqual([{ association: x.association.name, text: '=HYPERLINK("http://x")' }]);

    const csv = (await consultationCsv(consultation.id))!.csv;
    const lines = csv
      .replace(/^\ufeff/, "")
      .trim()
      .split("\n");
    expect(lines[0]).toBe("Association;Date de réponse;Présent ?;Thèmes;Satisfaction;Attentes");
    expect(lines).toHaveLength(3);
    const xLine = lines.find((l) => l.includes(x.association.name))!;
    expect(xLine).toContain(';Oui;"Locaux ; Bénévoles";4;');
    expect(xLine).toContain(`'=HYPERLINK`);
    expect(xLine).not.toMatch(/;"?=HYPERLINK/);
  });
});

describe("retention and the association's data", () => {
  it("forgets who submitted an answer a year after the closing, keeps the answer, and exports it to its association", async () => {
    const old = await createConsultation(prisma, { opensAt: new Date(Date.now() - 500 * DAY), closesAt: new Date(Date.now() - 400 * DAY) });
    const recent = await createConsultation(prisma);
    const { association, user } = await member();
    for (const c of [old, recent]) {
      await prisma.consultationResponse.create({
        data: {
          consultationId: c.id,
          associationId: association.id,
          submittedById: user.id,
          answers: { create: [{ questionId: c.questions[0].id, value: "c1" }] },
        },
      });
    }
    expect(await forgetConsultationRespondents()).toBeGreaterThanOrEqual(1);
    const rows = await prisma.consultationResponse.findMany({ where: { associationId: association.id }, include: { answers: true } });
    expect(rows.find((r) => r.consultationId === old.id)).toMatchObject({ submittedById: null });
    expect(rows.find((r) => r.consultationId === old.id)?.answers).toHaveLength(1);
    expect(rows.find((r) => r.consultationId === recent.id)).toMatchObject({ submittedById: user.id });
    const exported = await associationConsultationAnswers(association.id);
    expect(exported).toHaveLength(2);
    expect(exported[0].answers[0]).toEqual({ question: old.questions[0].label, answer: "Oui" });
  });

  it("is applied by the retention cleanup, and the association's ZIP holds its answers", async () => {
    const old = await createConsultation(prisma, { opensAt: new Date(Date.now() - 500 * DAY), closesAt: new Date(Date.now() - 400 * DAY) });
    const { association, user } = await member();
    const response = await prisma.consultationResponse.create({
      data: {
        consultationId: old.id,
        associationId: association.id,
        submittedById: user.id,
        answers: { create: [{ questionId: old.questions[1].id, value: "Un local <b>plus grand</b>" }] },
      },
    });
    expect((await retentionCleanup()).consultationRespondents).toBeGreaterThanOrEqual(1);
    expect((await prisma.consultationResponse.findUniqueOrThrow({ where: { id: response.id } })).submittedById).toBeNull();
    const zip = unzipSync(await exportAssociationData(association.id));
    const exported = JSON.parse(strFromU8(zip["consultations.json"])) as {
      consultation: string;
      answers: { question: string; answer: unknown }[];
    }[];
    expect(exported).toEqual([
      expect.objectContaining({
        consultation: old.title,
        answers: [{ question: old.questions[1].label, answer: "Un local <b>plus grand</b>" }],
      }),
    ]);
  });
});
