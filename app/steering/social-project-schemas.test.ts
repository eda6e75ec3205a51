// The social project's forms: the period's checks and the attachment select's values.
import { describe, expect, it } from "vitest";
import { attachmentSchema, attachmentToValue, parseAttachmentValue, socialProjectSchema } from "./social-project-schemas";

const errorsOf = (input: Record<string, unknown>) => {
  const result = socialProjectSchema.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("socialProjectSchema", () => {
  it("takes a period typed as text, a blank adoption date and description", () => {
    expect(
      socialProjectSchema.parse({ title: " Projet social 2027-2031 ", startYear: "2027", endYear: "2031", adoptedOn: "", description: "" }),
    ).toEqual({ title: "Projet social 2027-2031", startYear: 2027, endYear: 2031, adoptedOn: undefined, description: undefined });
  });

  it("refuses a period that ends before it starts, or lasts more than 10 years, in French beside the last year", () => {
    expect(errorsOf({ title: "P", startYear: "2030", endYear: "2029" })).toEqual({
      endYear: "Dernière année : elle ne peut pas précéder la première année.",
    });
    expect(errorsOf({ title: "P", startYear: "2030", endYear: "2040" })).toEqual({
      endYear: "Dernière année : un projet social couvre 10 ans au plus.",
    });
    expect(errorsOf({ title: "P", startYear: "deux mille", endYear: "2031", adoptedOn: "2026-02-31" })).toMatchObject({
      startYear: "Première année : indiquez une année.",
      adoptedOn: "Date d'adoption : cette date n'existe pas.",
    });
  });
});

describe("the attachment select", () => {
  it("reads none, an axis, or an axis and its projet phare, and refuses anything else", () => {
    expect(parseAttachmentValue("")).toEqual({ axisId: null, flagshipId: null });
    expect(parseAttachmentValue("ax1")).toEqual({ axisId: "ax1", flagshipId: null });
    expect(parseAttachmentValue(attachmentToValue("ax1", "fl2"))).toEqual({ axisId: "ax1", flagshipId: "fl2" });
    expect(attachmentSchema.parse({}).attachment).toBe("");
    expect(attachmentSchema.safeParse({ attachment: "a:b:c" }).success).toBe(false);
    expect(attachmentSchema.safeParse({ attachment: "<script>" }).success).toBe(false);
  });
});
