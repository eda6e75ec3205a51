// The compte rendu's schema with indicator values: the same schema the browser and the action use.
import { describe, expect, it } from "vitest";
import { missingValueMessage, reportSchemaFor, type ReportIndicator } from "./report-schema";

const people: ReportIndicator = {
  id: "ind1",
  name: "Personnes accompagnées",
  kind: "resultats",
  unit: "personnes",
  description: "",
  target: 40,
  required: true,
};
const share: ReportIndicator = {
  id: "ind2",
  name: "Part de femmes",
  kind: "resultats",
  unit: "pourcentage",
  description: "",
  target: null,
  required: false,
};

const base = { qualitative: "Quarante familles accompagnées.", actual_c60: "1 200" };

describe("reportSchemaFor", () => {
  it("refuses a blank required value with the message naming the indicator", () => {
    const result = reportSchemaFor([people, share]).safeParse({ ...base, value_ind1: "  " });
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((i) => i.path[0] === "value_ind1");
    expect(issue?.message).toBe("Indiquez la valeur atteinte pour « Personnes accompagnées ».");
    expect(issue?.message).toBe(missingValueMessage("Personnes accompagnées"));
  });

  it("reports every indicator's value and comment, a blank optional one as null", () => {
    const result = reportSchemaFor([people, share]).parse({ ...base, value_ind1: "42,5", comment_ind1: " Au-delà de l'objectif " });
    expect(result.results).toEqual([
      { indicatorId: "ind1", value: 42.5, comment: "Au-delà de l'objectif" },
      { indicatorId: "ind2", value: null, comment: "" },
    ]);
    expect(result.charges.find((l) => l.code === "60")?.actualCents).toBe(1_200_00);
    expect(result.qualitative).toBe("Quarante familles accompagnées.");
  });

  it("refuses a share above 100 % and a value that is not a number, in French", () => {
    const result = reportSchemaFor([people, share]).safeParse({ ...base, value_ind1: "beaucoup", value_ind2: "120" });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(messages.value_ind1).toContain("indiquez un nombre positif");
    expect(messages.value_ind2).toContain("entre 0 et 100 %");
  });

  it("asks nothing more than the plain report when the project has no indicator", () => {
    const result = reportSchemaFor([]).parse(base);
    expect(result.results).toEqual([]);
  });

  it("still refuses a report without any achieved charge", () => {
    const result = reportSchemaFor([people]).safeParse({ qualitative: "Bilan", value_ind1: "40" });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message)).toContain("Indiquez au moins une charge réalisée.");
  });
});

describe("reportSchemaFor, posted without the field at all", () => {
  it("still refuses a required value that is absent", () => {
    const result = reportSchemaFor([people]).safeParse(base);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message)).toContain("Indiquez la valeur atteinte pour « Personnes accompagnées ».");
  });
});
