// The step schemas: required fields and their French messages, integers.
import { describe, expect, it } from "vitest";
import { humanResourcesSchema, identificationSchema } from "./schemas";

describe("step schemas", () => {
  it("requires identification fields and reports them in French", () => {
    const result = identificationSchema.safeParse({ name: "", rna: "W251000001" });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => i.message).join(" ");
    expect(messages).toContain("Nom de l'association : ce champ est obligatoire.");
  });

  it("refuses a non-integer head count", () => {
    const ok = { adherents: "12", benevoles: "3", volontaires: "0", salaries: "1", etpt: "0,8" };
    expect(humanResourcesSchema.safeParse(ok).success).toBe(true);
    const bad = humanResourcesSchema.safeParse({ ...ok, benevoles: "trois" });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0].path).toEqual(["benevoles"]);
  });
});
