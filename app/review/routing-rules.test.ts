// Routing rules as pure functions: each rule, the amount bounds, the order of the groups, no match.
import { describe, expect, it } from "vitest";
import { describeRules, firstMatchingGroup, groupMatches, type RoutingRule } from "./routing-rules";

const none: RoutingRule = { fieldSlug: null, districtSlug: null, minCents: null, maxCents: null };
const subject = { fieldSlugs: ["aide-alimentaire", "lutte-isolement"], districtSlug: "planoise", requestedCents: 12_000_00 };

describe("groupMatches", () => {
  it("holds for every dossier when the group has no rule", () => {
    expect(groupMatches(none, subject)).toBe(true);
    expect(groupMatches(none, { fieldSlugs: [], districtSlug: null, requestedCents: null })).toBe(true);
  });

  it("checks the field among the association's fields", () => {
    expect(groupMatches({ ...none, fieldSlug: "lutte-isolement" }, subject)).toBe(true);
    expect(groupMatches({ ...none, fieldSlug: "hebergement-logement" }, subject)).toBe(false);
  });

  it("checks the association's district", () => {
    expect(groupMatches({ ...none, districtSlug: "planoise" }, subject)).toBe(true);
    expect(groupMatches({ ...none, districtSlug: "velotte" }, subject)).toBe(false);
  });

  it("keeps both amount bounds inclusive, and a dossier without an amount meets neither", () => {
    expect(groupMatches({ ...none, minCents: 12_000_00 }, subject)).toBe(true);
    expect(groupMatches({ ...none, minCents: 12_000_01 }, subject)).toBe(false);
    expect(groupMatches({ ...none, maxCents: 12_000_00 }, subject)).toBe(true);
    expect(groupMatches({ ...none, maxCents: 11_999_99 }, subject)).toBe(false);
    expect(groupMatches({ ...none, minCents: 10_000_00, maxCents: 15_000_00 }, subject)).toBe(true);
    expect(groupMatches({ ...none, minCents: 0 }, { ...subject, requestedCents: null })).toBe(false);
    expect(groupMatches({ ...none, maxCents: 1 }, { ...subject, requestedCents: null })).toBe(false);
  });

  it("needs every rule to hold", () => {
    expect(groupMatches({ ...none, fieldSlug: "aide-alimentaire", districtSlug: "planoise", minCents: 10_000_00 }, subject)).toBe(true);
    expect(groupMatches({ ...none, fieldSlug: "aide-alimentaire", districtSlug: "velotte", minCents: 10_000_00 }, subject)).toBe(false);
    expect(groupMatches({ ...none, fieldSlug: "aide-alimentaire", districtSlug: "planoise", maxCents: 10_000_00 }, subject)).toBe(false);
  });
});

describe("firstMatchingGroup", () => {
  const groups = [
    { id: "catch-all", position: 3, ...none },
    { id: "big", position: 1, ...none, minCents: 10_000_00 },
    { id: "planoise", position: 2, ...none, districtSlug: "planoise" },
  ];

  it("takes the first group by position whose rules hold, whatever the list's order", () => {
    expect(firstMatchingGroup(groups, subject)?.id).toBe("big");
    expect(firstMatchingGroup(groups, { ...subject, requestedCents: 5_000_00 })?.id).toBe("planoise");
    expect(firstMatchingGroup(groups, { ...subject, requestedCents: 5_000_00, districtSlug: "velotte" })?.id).toBe("catch-all");
  });

  it("gives null when no group matches, or when there is none", () => {
    expect(firstMatchingGroup(groups.slice(1), { ...subject, requestedCents: 5_000_00, districtSlug: "velotte" })).toBeNull();
    expect(firstMatchingGroup([], subject)).toBeNull();
  });
});

describe("describeRules", () => {
  const labels = {
    field: (slug: string) => ({ label: slug === "aide-alimentaire" ? "Aide alimentaire" : slug, retired: slug === "ancien" }),
    district: () => ({ label: "Planoise", retired: false }),
  };

  it("says each rule in French, and a retired term as such", () => {
    expect(describeRules({ ...none, fieldSlug: "aide-alimentaire", minCents: 10_000_00 }, labels)).toEqual([
      "Champ d'intervention : Aide alimentaire",
      expect.stringMatching(/^Montant demandé d'au moins 10\s000,00\s€$/),
    ]);
    expect(describeRules({ ...none, fieldSlug: "ancien" }, labels)).toEqual(["Champ d'intervention : ancien (terme retiré)"]);
    expect(describeRules({ ...none, districtSlug: "planoise", minCents: 100, maxCents: 200 }, labels)).toEqual([
      "Quartier : Planoise",
      expect.stringMatching(/^Montant demandé entre 1,00\s€ et 2,00\s€$/),
    ]);
    expect(describeRules(none, labels)).toEqual([]);
  });
});
