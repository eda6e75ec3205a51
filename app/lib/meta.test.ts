import { describe, expect, it } from "vitest";
import { ccasName, pageTitle } from "./meta";

const dole = { name: "CCAS de Dole", longName: "Centre communal d'action sociale de Dole", logoUrl: null };

describe("page titles", () => {
  it("end with the name of the CCAS the root loader read from the settings", () => {
    const matches = [
      { id: "root", data: { user: null, flash: null, ccas: dole } },
      { id: "routes/annuaire._index", data: {} },
    ];
    expect(pageTitle(matches, "Annuaire des associations")).toBe("Annuaire des associations – CCAS de Dole");
    expect(pageTitle(matches, "Annuaire des associations")).not.toMatch(/Besançon/);
  });

  it("fall back to a neutral name when the root loader failed", () => {
    expect(ccasName([{ id: "root", data: undefined }])).toBe("CCAS");
    expect(pageTitle([], "Connexion")).toBe("Connexion – CCAS");
  });
});
