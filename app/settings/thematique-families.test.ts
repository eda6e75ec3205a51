import { describe, expect, it } from "vitest";
import { DI_THEMATIQUES, thematiqueFamily } from "./data-inclusion";
import { THEMATIQUE_FAMILY_LABELS, thematiqueOption } from "./thematique-families";

describe("thématique families", () => {
  it("name every family of the data·inclusion list", () => {
    const families = new Set(DI_THEMATIQUES.map((t) => thematiqueFamily(t.value)));
    expect([...families].filter((f) => !(f in THEMATIQUE_FAMILY_LABELS))).toEqual([]);
    expect(thematiqueOption({ value: "sante--sante-mentale", label: "Santé mentale" }).label).toBe("Santé – Santé mentale");
  });
});
