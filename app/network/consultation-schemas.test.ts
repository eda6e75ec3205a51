// The answer form's schema, built from the questions: choice ids checked against the options,
// the scale's bounds, required questions, the free text's length; and the question form's rules.
import { describe, expect, it } from "vitest";
import { answerField, type QuestionDefinition } from "./consultation-labels";
import { answerSchemaFor, consultationSchema, questionSchema } from "./consultation-schemas";

const base = { help: "", scaleMin: null, scaleMax: null, scaleMinLabel: null, scaleMaxLabel: null, options: [] };
const questions: QuestionDefinition[] = [
  {
    ...base,
    id: "s",
    kind: "single",
    label: "Unique",
    required: true,
    options: [
      { id: "c1", label: "Oui" },
      { id: "c2", label: "Non" },
    ],
  },
  {
    ...base,
    id: "m",
    kind: "multiple",
    label: "Multiple",
    required: false,
    options: [
      { id: "c1", label: "A" },
      { id: "c2", label: "B" },
      { id: "c3", label: "C" },
    ],
  },
  { ...base, id: "e", kind: "scale", label: "Échelle", required: true, scaleMin: 1, scaleMax: 5 },
  { ...base, id: "t", kind: "text", label: "Libre", required: false },
];
const schema = answerSchemaFor(questions);
const f = answerField;

describe("answerSchemaFor", () => {
  it("reads a complete answer, multiple choices in the options' order, the scale as a number", () => {
    const result = schema.safeParse({ [f("s")]: "c2", [f("m")]: ["c3", "c1"], [f("e")]: "4", [f("t")]: "  Plus de locaux  " });
    expect(result.success && result.data).toEqual([
      { questionId: "s", value: "c2" },
      { questionId: "m", value: ["c1", "c3"] },
      { questionId: "e", value: 4 },
      { questionId: "t", value: "Plus de locaux" },
    ]);
  });

  it("leaves unanswered optional questions out and takes a lone checkbox value as a list", () => {
    const result = schema.safeParse({ [f("s")]: "c1", [f("m")]: "c2", [f("e")]: "1", [f("t")]: "" });
    expect(result.success && result.data).toEqual([
      { questionId: "s", value: "c1" },
      { questionId: "m", value: ["c2"] },
      { questionId: "e", value: 1 },
    ]);
  });

  it("says which required question is missing", () => {
    const result = schema.safeParse({ [f("s")]: "", [f("e")]: "3" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      [f("s"), "« Unique » : cette question demande une réponse."],
    ]);
  });

  it("refuses a choice id the question does not offer and a scale out of bounds", () => {
    const result = schema.safeParse({ [f("s")]: "c9", [f("m")]: ["c1", "zz"], [f("e")]: "6" });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path[0]);
    expect(paths).toEqual(expect.arrayContaining([f("s"), f("m"), f("e")]));
    expect(schema.safeParse({ [f("s")]: "c1", [f("e")]: "0" }).success).toBe(false);
    expect(schema.safeParse({ [f("s")]: "c1", [f("e")]: "2.5" }).success).toBe(false);
    expect(schema.safeParse({ [f("s")]: "c1", [f("e")]: { x: 1 } }).success).toBe(false);
  });

  it("limits a free text to 2000 characters", () => {
    expect(schema.safeParse({ [f("s")]: "c1", [f("e")]: "2", [f("t")]: "x".repeat(2000) }).success).toBe(true);
    expect(schema.safeParse({ [f("s")]: "c1", [f("e")]: "2", [f("t")]: "x".repeat(2001) }).success).toBe(false);
  });
});

describe("the staff's forms", () => {
  it("asks for a closing after the opening", () => {
    const result = consultationSchema.safeParse({ title: "Rencontre", opensAt: "2027-01-10T10:00", closesAt: "2027-01-09T10:00" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ["closesAt"],
      message: "Clôture : la consultation doit se clore après son ouverture.",
    });
  });

  it("asks for 2 to 12 distinct choices and a sound scale", () => {
    const choice = (choices: string) => questionSchema.safeParse({ kind: "single", label: "Q", choices });
    expect(choice("Oui\nNon").success).toBe(true);
    expect(choice("Oui").success).toBe(false);
    expect(choice("Oui\noui").success).toBe(false);
    expect(choice(Array.from({ length: 13 }, (_, i) => `Choix ${i}`).join("\n")).success).toBe(false);
    const scale = (scaleMin: string, scaleMax: string) => questionSchema.safeParse({ kind: "scale", label: "Q", scaleMin, scaleMax });
    expect(scale("1", "5").success).toBe(true);
    expect(scale("5", "1").success).toBe(false);
    expect(scale("", "5").success).toBe(false);
    expect(scale("0", "20").success).toBe(false);
  });
});
