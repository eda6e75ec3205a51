// Consultations of the network: the results staff read (counts, percentages, scale distribution
// and mean, free texts with the association's name) and the CSV export, one row per association.
import { prisma } from "~/db.server";
import { formatDateTime } from "~/lib/format";
import { toCsv } from "~/lib/spreadsheet.server";
import type { QuestionDefinition } from "~/network/consultation-labels";
import { getConsultationForStaff } from "~/network/consultations.server";

export type Bar = { label: string; count: number; percent: number };

export type QuestionResult =
  | { question: QuestionDefinition; kind: "single" | "multiple"; answered: number; bars: Bar[] }
  | { question: QuestionDefinition; kind: "scale"; answered: number; bars: Bar[]; mean: number | null }
  | { question: QuestionDefinition; kind: "text"; answered: number; texts: { association: string; text: string }[] };

async function responsesOf(consultationId: string) {
  return prisma.consultationResponse.findMany({
    where: { consultationId },
    orderBy: { association: { name: "asc" } },
    select: {
      updatedAt: true,
      association: { select: { name: true } },
      answers: { select: { questionId: true, value: true } },
    },
  });
}

const percent = (count: number, total: number) => (total === 0 ? 0 : Math.round((count / total) * 1000) / 10);

/** The results of a consultation, question by question; null when unknown. */
export async function consultationResults(consultationId: string) {
  const consultation = await getConsultationForStaff(consultationId);
  if (!consultation) return null;
  const responses = await responsesOf(consultationId);
  const results: QuestionResult[] = consultation.questions.map((question) => {
    const given = responses.flatMap((r) => {
      const answer = r.answers.find((a) => a.questionId === question.id);
      return answer ? [{ association: r.association.name, value: answer.value }] : [];
    });
    const answered = given.length;
    if (question.kind === "single" || question.kind === "multiple") {
      const bars = question.options.map((o) => {
        const count = given.filter((g) => (Array.isArray(g.value) ? g.value.includes(o.id) : g.value === o.id)).length;
        return { label: o.label, count, percent: percent(count, answered) };
      });
      return { question, kind: question.kind, answered, bars };
    }
    if (question.kind === "scale") {
      const min = question.scaleMin ?? 1;
      const max = question.scaleMax ?? 5;
      const values = given.map((g) => g.value).filter((v): v is number => typeof v === "number");
      const bars: Bar[] = [];
      for (let v = min; v <= max; v += 1) {
        const count = values.filter((x) => x === v).length;
        bars.push({ label: String(v), count, percent: percent(count, answered) });
      }
      const mean = values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
      return { question, kind: "scale", answered, bars, mean };
    }
    return {
      question,
      kind: "text",
      answered,
      texts: given.map((g) => ({ association: g.association, text: typeof g.value === "string" ? g.value : "" })),
    };
  });
  return { consultation, respondents: responses.length, results };
}

/** An answer as a spreadsheet cell: choice labels, the scale's number, the text. */
function cell(question: QuestionDefinition, value: unknown): string | number {
  const label = (id: unknown) => question.options.find((o) => o.id === id)?.label ?? "";
  if (value === undefined || value === null) return "";
  if (question.kind === "single") return label(value);
  if (question.kind === "multiple") return Array.isArray(value) ? value.map(label).join(" ; ") : "";
  if (question.kind === "scale") return typeof value === "number" ? value : "";
  return typeof value === "string" ? value : "";
}

/** One row per association: its name, the date of its answer, one column per question (neutralised cells). */
export async function consultationCsv(consultationId: string) {
  const consultation = await getConsultationForStaff(consultationId);
  if (!consultation) return null;
  const responses = await responsesOf(consultationId);
  const header = ["Association", "Date de réponse", ...consultation.questions.map((q) => q.label)];
  const rows = responses.map((r) => [
    r.association.name,
    formatDateTime(r.updatedAt),
    ...consultation.questions.map((q) => cell(q, r.answers.find((a) => a.questionId === q.id)?.value)),
  ]);
  return { consultation, csv: toCsv(header, rows, { delimiter: ";", bom: true }) };
}
