import { describe, expect, it } from "vitest";
import { isCalendarDay } from "./calendar-day";
import { fromParisInputValue } from "./format";
import { dateInputSchema } from "~/subsidies/schemas";
import { objectSchema } from "~/dossiers/field-schemas";
import { opinionRequestSchema } from "~/review/opinion-schemas";

describe("calendar days", () => {
  it("knows real days from impossible ones", () => {
    expect(isCalendarDay("2028-02-29")).toBe(true);
    expect(isCalendarDay("2027-02-29")).toBe(false);
    expect(isCalendarDay("2026-02-31")).toBe(false);
    expect(isCalendarDay("2026-13-01")).toBe(false);
    expect(isCalendarDay("15/12/2026")).toBe(false);
  });

  it("is refused by every date field of the portal, never rolled over to the next month", () => {
    expect(dateInputSchema("Date de la décision").safeParse("2026-02-31").error?.issues[0].message).toBe(
      "Date de la décision : cette date n'existe pas.",
    );
    expect(dateInputSchema("Date de la décision").safeParse("2026-02-28").success).toBe(true);
    const dossierStep = objectSchema({
      key: "projet",
      label: "Le projet",
      fields: [{ name: "startDate", label: "Date de début", kind: "date", required: true }],
    });
    expect(dossierStep.safeParse({ startDate: "2027-04-31" }).error?.issues[0].message).toBe("Date de début : cette date n'existe pas.");
    expect(dossierStep.safeParse({ startDate: "2027-04-30" }).success).toBe(true);
    const opinion = { expertName: "Jeanne Avis", expertEmail: "jeanne@exemple.test", question: "Votre avis ?", dueOn: "2099-02-30" };
    expect(opinionRequestSchema.safeParse(opinion).error?.issues[0].message).toBe("Date limite : cette date n'existe pas.");
    expect(fromParisInputValue("2027-02-30T10:00")).toBeNull();
    expect(fromParisInputValue("2027-02-28T10:00")?.toISOString()).toBe("2027-02-28T09:00:00.000Z");
  });
});
