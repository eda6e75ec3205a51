// The database fallback's matching: what issue 19 found it missed (accented words, typos, synonyms,
// common words matching everything), on plain texts.
import { describe, expect, it } from "vitest";
import { boundedDistance, markWords, normalizeWord, prepareQuery, rankRows, wordMatch } from "./fallback-ranking";

// searchText's four lines: name, labels, social object, description.
const texts = [
  "epicerie solidaire planoise\naide alimentaire familles\ndistribuer des colis aux familles\n",
  "toit commun\nhebergement et logement\nheberger les personnes sans domicile\n",
  "point conseil budget\nbudget et surendettement\naccompagner les menages\n",
  "le fil d'argent\nlutte contre l'isolement\nrompre l'isolement des personnes agees\n",
];
const groups = [
  ["dettes", "surendettement", "impayés"],
  ["sdf", "sans domicile", "sans abri"],
];
const names = (q: string) => rankRows(texts, prepareQuery(q, groups)).map((r) => texts[r.index].split("\n")[0]);

describe("the fallback's matching", () => {
  it("finds words accented in the stored text from a query without accents, and the reverse", () => {
    expect(names("hebergement")).toEqual(["toit commun"]);
    expect(names("épicerie")).toEqual(["epicerie solidaire planoise"]);
  });

  it("tolerates a typo as the engine's budget allows, and takes plurals and the last word as a prefix", () => {
    expect(names("logemnt")).toEqual(["toit commun"]);
    expect(names("isolemment")).toEqual(["le fil d'argent"]);
    expect(names("colis famille")).toEqual(["epicerie solidaire planoise"]);
    expect(names("surendet")).toEqual(["point conseil budget"]);
    expect(wordMatch("cas", "sac", false)).toBe(0); // three letters: no typo
    expect(boundedDistance("logemnet", "logement", 1)).toBe(1); // a transposition is one typo
  });

  it("expands synonym groups, phrases included", () => {
    expect(names("dettes")).toEqual(["point conseil budget"]);
    expect(names("sdf")).toEqual(["toit commun"]);
    expect(names("sans abri")).toEqual(["toit commun"]);
  });

  it("drops common words, which alone matched every row, and keeps the rows matching the most of the query", () => {
    // Nothing but common words: searched as typed, so only the rows that hold them.
    expect(names("chaque personne").sort()).toEqual(["le fil d'argent", "toit commun"]);
    expect(names("chaque personne agee")).toEqual(["le fil d'argent"]);
    // No row has both needs: the rows with one each, not nothing.
    expect(names("colis pour les personnes agees").sort()).toEqual(["epicerie solidaire planoise", "le fil d'argent"]);
    expect(prepareQuery("les", []).units).toHaveLength(1); // nothing but stop words: kept
  });

  it("marks the words that matched, never as HTML", () => {
    const [hit] = rankRows(texts, prepareQuery("hébergement", groups));
    expect(markWords("Héberger <b>", hit.matchedWords, "[", "]")).toBe("Héberger <b>");
    expect(markWords("Hébergement et logement", new Set([normalizeWord("hébergement")]), "[", "]")).toBe("[Hébergement] et logement");
  });
});
