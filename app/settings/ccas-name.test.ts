import { describe, expect, it } from "vitest";
import { ofCcas, theCcas } from "./ccas-name";

describe("the CCAS's name in a sentence", () => {
  it("gives a CCAS, a CIAS or a centre its article", () => {
    expect(theCcas("CCAS de Dole")).toBe("le CCAS de Dole");
    expect(theCcas("CIAS du Grand Dole", { start: true })).toBe("Le CIAS du Grand Dole");
    expect(ofCcas("CCAS de Dole")).toBe("du CCAS de Dole");
    expect(ofCcas("Centre communal d'action sociale de Dole")).toBe("du Centre communal d'action sociale de Dole");
  });

  it("leaves another name bare, eliding de before a vowel", () => {
    expect(theCcas("Ville de Dole", { start: true })).toBe("Ville de Dole");
    expect(ofCcas("Ville de Dole")).toBe("de Ville de Dole");
    expect(ofCcas("Espace solidarité")).toBe("d'Espace solidarité");
  });
});
