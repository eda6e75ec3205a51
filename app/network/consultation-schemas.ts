// Consultations of the network: the staff's forms (the consultation, one question) and the
// association's answer form, built from the questions the database holds. The same schemas run
// in the browser and in the actions.
import * as z from "zod";
import { nameText, optionalText, parisDateTime, requiredText } from "~/lib/validation";
import {
  answerField,
  CHOICES_MAX,
  CHOICES_MIN,
  QUESTION_KINDS,
  TEXT_ANSWER_MAX,
  type QuestionDefinition,
} from "~/network/consultation-labels";

const ticked = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

export const consultationSchema = z
  .object({
    title: nameText("Titre", 150),
    description: z.preprocess(
      (v) => (v === undefined || v === null ? "" : v),
      z.string().trim().max(5000, "Présentation : 5000 caractères au maximum."),
    ),
    opensAt: parisDateTime("Ouverture"),
    closesAt: parisDateTime("Clôture"),
    eventId: z.preprocess((v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined), z.string().max(64).optional()),
  })
  .superRefine((v, ctx) => {
    if (v.closesAt <= v.opensAt)
      ctx.addIssue({ code: "custom", path: ["closesAt"], message: "Clôture : la consultation doit se clore après son ouverture." });
  });

export type ConsultationInput = z.output<typeof consultationSchema>;

const scaleBound = (label: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z.union([z.literal(""), z.string().regex(/^-?\d{1,3}$/, `${label} : indiquez un nombre entier.`)]).optional(),
  );

/** One question; the choices are typed one per line. */
export const questionSchema = z
  .object({
    questionId: z.preprocess((v) => (typeof v === "string" && v !== "" ? v : undefined), z.string().max(64).optional()),
    kind: z.enum(QUESTION_KINDS, { error: "Type de question : choisissez un type dans la liste." }),
    label: requiredText("Intitulé", 300),
    help: optionalText("Aide", 500),
    required: ticked,
    choices: optionalText("Choix proposés", 5000),
    scaleMin: scaleBound("Minimum de l'échelle"),
    scaleMax: scaleBound("Maximum de l'échelle"),
    scaleMinLabel: optionalText("Libellé du minimum", 60),
    scaleMaxLabel: optionalText("Libellé du maximum", 60),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "single" || v.kind === "multiple") {
      const lines = choiceLines(v.choices);
      if (lines.length < CHOICES_MIN || lines.length > CHOICES_MAX)
        ctx.addIssue({
          code: "custom",
          path: ["choices"],
          message: `Choix proposés : de ${CHOICES_MIN} à ${CHOICES_MAX} choix, un par ligne.`,
        });
      else if (new Set(lines.map((l) => l.toLowerCase())).size !== lines.length)
        ctx.addIssue({ code: "custom", path: ["choices"], message: "Choix proposés : chaque choix ne figure qu'une fois." });
      else if (lines.some((l) => l.length > 200))
        ctx.addIssue({ code: "custom", path: ["choices"], message: "Choix proposés : 200 caractères au maximum par choix." });
    }
    if (v.kind === "scale") {
      if (!v.scaleMin) ctx.addIssue({ code: "custom", path: ["scaleMin"], message: "Minimum de l'échelle : ce champ est obligatoire." });
      if (!v.scaleMax) ctx.addIssue({ code: "custom", path: ["scaleMax"], message: "Maximum de l'échelle : ce champ est obligatoire." });
      if (v.scaleMin && v.scaleMax) {
        const min = Number(v.scaleMin);
        const max = Number(v.scaleMax);
        if (max <= min)
          ctx.addIssue({ code: "custom", path: ["scaleMax"], message: "Maximum de l'échelle : il doit dépasser le minimum." });
        else if (max - min > 10)
          ctx.addIssue({
            code: "custom",
            path: ["scaleMax"],
            message: "Maximum de l'échelle : 11 graduations au plus (par exemple de 0 à 10).",
          });
      }
    }
  });

export type QuestionInput = z.output<typeof questionSchema>;

/** The choices typed in the textarea, one per line, blank lines left out. */
export function choiceLines(text: string | undefined): string[] {
  return (text ?? "")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
}

export const missingAnswerMessage = (label: string) => `« ${label} » : cette question demande une réponse.`;

const blank = (v: unknown) => v === undefined || v === null || v === false || (typeof v === "string" && v.trim() === "");

function answerSchema(q: QuestionDefinition): z.ZodType<unknown> {
  const name = `« ${q.label} »`;
  const ids = q.options.map((o) => o.id);
  switch (q.kind) {
    case "single": {
      const known = z.string().refine((v) => ids.includes(v), `${name} : choisissez une réponse dans la liste.`);
      return z.preprocess(
        (v) => (blank(v) ? undefined : Array.isArray(v) ? v[0] : v),
        q.required ? z.string({ error: missingAnswerMessage(q.label) }).pipe(known) : known.optional(),
      );
    }
    case "multiple":
      return z.preprocess(
        (v) => (blank(v) ? [] : Array.isArray(v) ? v : [v]),
        z
          .array(z.string().refine((v) => ids.includes(v), `${name} : choisissez des réponses dans la liste.`))
          .min(q.required ? 1 : 0, missingAnswerMessage(q.label))
          .transform((list) => ids.filter((id) => list.includes(id))),
      );
    case "scale": {
      const min = q.scaleMin ?? 1;
      const max = q.scaleMax ?? 5;
      const inRange = z
        .string()
        .regex(/^-?\d+$/, `${name} : choisissez une valeur de ${min} à ${max}.`)
        .transform(Number)
        .pipe(
          z
            .number()
            .int()
            .min(min, `${name} : choisissez une valeur de ${min} à ${max}.`)
            .max(max, `${name} : choisissez une valeur de ${min} à ${max}.`),
        );
      return z.preprocess(
        (v) => (blank(v) ? undefined : Array.isArray(v) ? v[0] : v),
        q.required ? z.string({ error: missingAnswerMessage(q.label) }).pipe(inRange) : inRange.optional(),
      );
    }
    case "text": {
      const text = z.string().trim().max(TEXT_ANSWER_MAX, `${name} : ${TEXT_ANSWER_MAX} caractères au maximum.`);
      return z.preprocess(
        (v) => (blank(v) ? undefined : Array.isArray(v) ? v[0] : v),
        q.required ? z.string({ error: missingAnswerMessage(q.label) }).pipe(text.min(1, missingAnswerMessage(q.label))) : text.optional(),
      );
    }
  }
}

export type AnswerValue = string | string[] | number;
export type AnswerInput = { questionId: string; value: AnswerValue }[];

/**
 * The answer form's schema: one field per question (`q_<questionId>`), choice ids checked against
 * the question's options, a scale within its bounds, required questions present. Its output is
 * the answers given (an unanswered optional question is left out).
 */
export function answerSchemaFor(questions: readonly QuestionDefinition[]) {
  const fields: Record<string, z.ZodType> = {};
  for (const q of questions) fields[answerField(q.id)] = answerSchema(q);
  return z.object(fields).transform((parsed): AnswerInput => {
    const v = parsed as Record<string, unknown>;
    const answers: AnswerInput = [];
    for (const q of questions) {
      const value = v[answerField(q.id)] as AnswerValue | undefined;
      if (value === undefined || (Array.isArray(value) && value.length === 0) || value === "") continue;
      answers.push({ questionId: q.id, value });
    }
    return answers;
  });
}
