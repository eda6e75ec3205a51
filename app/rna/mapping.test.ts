// The pure rules of the import: which rows count, how codes map to fields, how a row becomes an entry.
import { describe, expect, it } from "vitest";
import { fieldMatcher, isActive, publicationAllowed } from "./filters";
import { frenchTitleCase, mapRow, rnaTimestamp, streetAddress } from "./mapping";
import { headerProblem, WALDEC_COLUMNS } from "./waldec";
import { waldecRow } from "./test-support";

describe("filters", () => {
  it("is active only with position A and no dissolution date", () => {
    expect(isActive({ position: "A", date_disso: "0001-01-01" })).toBe(true);
    expect(isActive({ position: "A", date_disso: "" })).toBe(true);
    expect(isActive({ position: "A", date_disso: "2020-01-01" })).toBe(false);
    expect(isActive({ position: "D", date_disso: "0001-01-01" })).toBe(false);
    expect(isActive({ position: "S", date_disso: "" })).toBe(false);
  });

  it("publishes only with publiweb 1", () => {
    expect(publicationAllowed({ publiweb: "1" })).toBe(true);
    expect(publicationAllowed({ publiweb: "0" })).toBe(false);
    expect(publicationAllowed({ publiweb: "" })).toBe(false);
  });

  it("maps exact codes, and a family code to its whole family", () => {
    const match = fieldMatcher([
      { slug: "acces-aux-droits", rnaCodes: ["019000"] },
      { slug: "aide-alimentaire", rnaCodes: ["020010"] },
      { slug: "rien", rnaCodes: ["000000", "abc"] },
    ]);
    expect(match(["019040"])).toEqual(["acces-aux-droits"]);
    expect(match(["019000"])).toEqual(["acces-aux-droits"]);
    // A specific code names only itself: 020000 (the family) is not 020010.
    expect(match(["020000"])).toEqual([]);
    expect(match(["020010", "019045"])).toEqual(["acces-aux-droits", "aide-alimentaire"]);
    expect(match(["000000", ""])).toEqual([]);
  });
});

describe("mapping", () => {
  it("writes the street the French way", () => {
    expect(streetAddress(waldecRow({ adrs_numvoie: "3", adrs_repetition: "B", adrs_typevoie: "AV", adrs_libvoie: "DE L'EUROPE" }))).toBe(
      "3 bis avenue de l'Europe",
    );
    expect(frenchTitleCase("SAINT-CLAUDE")).toBe("Saint-Claude");
    expect(frenchTitleCase("Déjà écrit")).toBe("Déjà écrit");
  });

  it("reads maj_time as Paris time", () => {
    expect(rnaTimestamp("2021-07-01 12:00:00")?.toISOString()).toBe("2021-07-01T10:00:00.000Z");
    expect(rnaTimestamp("0001-01-01")).toBeNull();
    expect(rnaTimestamp("")).toBeNull();
  });

  it("keeps a valid SIRET only, drops an acronym equal to the name, cuts what the profile form could not take", () => {
    const mapped = mapRow(waldecRow({ siret: "12345678901234", titre_court: "entraide des quartiers", objet: "x ".repeat(400) }), {
      communeName: "Besançon",
      fields: ["acces-aux-droits"],
    });
    expect(mapped.siret).toBeNull();
    expect(mapped.acronym).toBeNull();
    expect(mapped.socialObject.length).toBeLessThanOrEqual(600);
    expect(mapped.socialObject.endsWith("…")).toBe(true);
    expect(mapRow(waldecRow({ titre: "=HYPERLINK(1)" }), { communeName: "", fields: [] }).name).toBe("HYPERLINK(1)");
  });
});

describe("header", () => {
  it("accepts the published header in any order, refuses another CSV naming what is missing", () => {
    expect(headerProblem([...WALDEC_COLUMNS])).toBeNull();
    expect(headerProblem([...WALDEC_COLUMNS].reverse())).toBeNull();
    expect(headerProblem(["\uFEFFID", ...WALDEC_COLUMNS.slice(1).map((c) => c.toUpperCase())])).toBeNull();
    expect(headerProblem(WALDEC_COLUMNS.filter((c) => c !== "position"))).toMatch(/il manque la colonne « position »/);
    expect(headerProblem(["nom,prenom,email"])).toMatch(/points-virgules/);
  });
});
