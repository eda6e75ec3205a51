// The project budget: balance, in-kind lines, the call's bounds.
import { describe, expect, it } from "vitest";
import { budgetTotals, projectBudgetSchema } from "./budget";

describe("project budget", () => {
  const balanced = { c60: "1 000", c64: "9 000", p74_ccas: "5 000", p74_commune: "3 000", p75: "2000", c86: "500", p87: "500" };

  it("accepts a balanced budget and computes the totals with in-kind lines", () => {
    expect(projectBudgetSchema({ minAmountCents: 1_000_00, maxAmountCents: 10_000_00 }).safeParse(balanced).success).toBe(true);
    expect(budgetTotals(balanced)).toMatchObject({ chargesCents: 10_500_00, incomeCents: 10_500_00, ccasCents: 5_000_00 });
  });

  it("refuses an unbalanced budget, naming both totals", () => {
    const result = projectBudgetSchema().safeParse({ ...balanced, p75: "1 999,99" });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message).join()).toMatch(/pas équilibré.*10\s500.*10\s499,99/);
  });

  it("refuses in-kind contributions that do not match their use", () => {
    const result = projectBudgetSchema().safeParse({ ...balanced, c86: "600", p87: "400", p75: "2 200" });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message).join()).toContain("contributions en nature");
  });

  it("keeps the CCAS amount within the call's bounds", () => {
    const bounds = { minAmountCents: 6_000_00, maxAmountCents: 10_000_00 };
    const low = projectBudgetSchema(bounds).safeParse(balanced);
    expect(low.success).toBe(false);
    expect(low.error!.issues.find((i) => i.path[0] === "p74_ccas")?.message).toMatch(/compris entre 6\s000\s€ et 10\s000\s€/);
    const high = projectBudgetSchema({ minAmountCents: 1_000_00, maxAmountCents: 4_999_99 }).safeParse(balanced);
    expect(high.success).toBe(false);
    expect(projectBudgetSchema({ minAmountCents: 5_000_00, maxAmountCents: 5_000_00 }).safeParse(balanced).success).toBe(true);
  });
});
