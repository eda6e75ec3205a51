// Consultations of the network: the words pages and exports show (no zod, browser-safe).
export const QUESTION_KINDS = ["single", "multiple", "scale", "text"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = {
  single: "Choix unique",
  multiple: "Choix multiple",
  scale: "Échelle",
  text: "Réponse libre",
};

export type ConsultationState = "brouillon" | "a_venir" | "ouverte" | "close";

export const CONSULTATION_STATE_LABELS: Record<ConsultationState, string> = {
  brouillon: "Brouillon",
  a_venir: "À venir",
  ouverte: "Ouverte",
  close: "Close",
};

export function consultationState(
  c: { publishedAt: Date | string | null; opensAt: Date | string; closesAt: Date | string },
  now = new Date(),
): ConsultationState {
  if (!c.publishedAt) return "brouillon";
  if (now < new Date(c.opensAt)) return "a_venir";
  if (now < new Date(c.closesAt)) return "ouverte";
  return "close";
}

export const CHOICES_MIN = 2;
export const CHOICES_MAX = 12;
export const TEXT_ANSWER_MAX = 2000;

export type ChoiceOption = { id: string; label: string };

/** One question as the answer form and the results need it. */
export type QuestionDefinition = {
  id: string;
  kind: QuestionKind;
  label: string;
  help: string;
  required: boolean;
  options: ChoiceOption[];
  scaleMin: number | null;
  scaleMax: number | null;
  scaleMinLabel: string | null;
  scaleMaxLabel: string | null;
};

/** The form field of a question's answer. */
export const answerField = (questionId: string) => `q_${questionId}`;

/** "1 association" / "3 associations". */
export function countLabel(count: number, singular: string, plural = `${singular}s`) {
  return `${count.toLocaleString("fr-FR")} ${count > 1 ? plural : singular}`;
}

export const QUESTIONS_FIXED_MESSAGE =
  "Les questions ne peuvent plus changer : au moins une association a déjà répondu. Vous pouvez encore modifier le titre, la présentation et les dates.";
