import { describe, expect, it } from "vitest";
import { formatIndicatorValue, indicatorGroupKey, indicatorValueSchema, isAdditiveUnit, parseIndicatorValue } from "~/steering/indicators";

describe("indicator values", () => {
  it("reads French and dotted decimals, and refuses the rest", () => {
    expect(parseIndicatorValue("1 234,5")).toBe(1234.5);
    expect(parseIndicatorValue("12.25")).toBe(12.25);
    expect(parseIndicatorValue("-3")).toBeNull();
    expect(parseIndicatorValue("1,234")).toBeNull();
    expect(parseIndicatorValue("douze")).toBeNull();
  });

  it("says what is wrong in French, and caps a share at 100 %", () => {
    const target = indicatorValueSchema("Personnes accompagnées", "personnes", true);
    expect(target.safeParse("").error?.issues[0].message).toBe("Personnes accompagnées : ce champ est obligatoire.");
    expect(target.safeParse("120").data).toBe(120);
    const share = indicatorValueSchema("Part de femmes", "pourcentage", false);
    expect(share.safeParse("").data).toBeUndefined();
    expect(share.safeParse("120").error?.issues[0].message).toBe("Part de femmes : une part s'exprime entre 0 et 100 %.");
  });

  it("formats with the unit, singular or plural", () => {
    expect(formatIndicatorValue(1234.5, "personnes")).toBe("1\u202f234,5 personnes");
    expect(formatIndicatorValue(1, "heures")).toBe("1 heure");
    expect(formatIndicatorValue(45, "pourcentage")).toBe("45 %");
    expect(formatIndicatorValue(null, "heures")).toBe("—");
  });

  it("groups the same measure across calls, and never adds shares", () => {
    expect(indicatorGroupKey({ name: "Personnes  accompagnées", unit: "personnes", kind: "resultats" })).toBe(
      indicatorGroupKey({ name: "personnes accompagnees", unit: "personnes", kind: "resultats" }),
    );
    expect(indicatorGroupKey({ name: "Heures", unit: "heures", kind: "moyens" })).not.toBe(
      indicatorGroupKey({ name: "Heures", unit: "heures", kind: "resultats" }),
    );
    expect(isAdditiveUnit("personnes")).toBe(true);
    expect(isAdditiveUnit("pourcentage")).toBe(false);
  });
});
