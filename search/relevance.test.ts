// Relevance pieces of issue 19 (docs/decisions/034): synonyms from data, the 200-character cut,
// highlight offsets, French order of the empty query — against a real database and a real Meilisearch.
import { beforeAll, describe, expect, it } from "vitest";
import { createAssociation } from "../prisma/factories/association";
import { buildSynonyms } from "./settings";
import { highlightRanges } from "./highlights";
import { HIGHLIGHT_POST as E, HIGHLIGHT_PRE as S } from "./engine";

const { prisma } = await import("../app/db.server");
const { parseDirectoryQuery, searchAssociations, truncateQuery } = await import("../app/associations/directory.server");
const { getSearchClient } = await import("../app/lib/search.server");
const { applyIndexSettings } = await import("./engine");
const { reindexAll, synonymGroupsOf } = await import("./sync");
const { getTaxonomy } = await import("../app/settings/taxonomy.server");

const client = getSearchClient()!;

beforeAll(async () => {
  await applyIndexSettings(client);
});

describe("synonyms as data", () => {
  it("every term of a group stands for the others, lowercased, a term of two groups gets both", () => {
    expect(
      buildSynonyms([
        ["Dettes", " surendettement ", "budget"],
        ["budget", "argent"],
      ]),
    ).toEqual({
      dettes: ["surendettement", "budget"],
      surendettement: ["dettes", "budget"],
      budget: ["dettes", "surendettement", "argent"],
      argent: ["budget"],
    });
  });

  it("the data migration gives every install the default groups, and the engine uses the table's groups", async () => {
    const groups = await synonymGroupsOf(prisma);
    expect(groups.length).toBeGreaterThanOrEqual(20);
    expect(groups).toContainEqual(expect.arrayContaining(["dettes", "surendettement", "impayés"]));
    await prisma.searchSynonym.create({ data: { id: "test-zorglub", terms: ["zorglubette", "potager"] } });
    try {
      await createAssociation(prisma, { name: "Les Carrés Verts", socialObject: "Un potager partagé au pied des immeubles." });
      await reindexAll(prisma, client);
      const { hits } = await searchAssociations({ q: "zorglubette", fields: [], publics: [], districts: [], page: 1, perPage: 20 });
      expect(hits.map((h) => h.name)).toContain("Les Carrés Verts");
    } finally {
      await prisma.searchSynonym.delete({ where: { id: "test-zorglub" } });
    }
  });
});

describe("a query over 200 characters", () => {
  it("is cut at a word boundary and says so; a short one is untouched", () => {
    const long = `${"logement ".repeat(24)}hébergement`; // 216 characters
    const cut = truncateQuery(long);
    expect(cut.truncated).toBe(true);
    expect(cut.q.length).toBeLessThanOrEqual(200);
    expect(cut.q.endsWith("logement")).toBe(true);
    expect(truncateQuery("  aide alimentaire ")).toEqual({ q: "aide alimentaire", truncated: false });
    expect(truncateQuery("x".repeat(250))).toEqual({ q: "x".repeat(200), truncated: true });
  });

  it("reaches the directory query instead of being emptied", async () => {
    const query = parseDirectoryQuery(new URLSearchParams({ q: "logement ".repeat(30) }), await getTaxonomy());
    expect(query.truncated).toBe(true);
    expect(query.q.startsWith("logement logement")).toBe(true);
  });
});

describe("highlights as offsets", () => {
  it("gives UTF-16 offsets into the plain text", () => {
    const plain = "Les Restos du Cœur — repas";
    const marked = `Les ${S}Restos${E} du ${S}Cœur${E} — ${S}repas${E}`;
    const ranges = highlightRanges(marked);
    expect(ranges).toEqual([
      [4, 10],
      [14, 18],
      [21, 26],
    ]);
    expect(ranges.map(([a, b]) => plain.slice(a, b))).toEqual(["Restos", "Cœur", "repas"]);
    expect(highlightRanges("rien")).toEqual([]);
    expect(highlightRanges(null)).toEqual([]);
  });
});

describe("the empty query", () => {
  it("lists in French alphabetical order", async () => {
    const prefix = `Zyx${Date.now().toString(36)}`;
    for (const suffix of ["Accessibilité", "Élan", "Accès", "Eau", "Ferme"]) {
      await createAssociation(prisma, { name: `${prefix} ${suffix}`, socialObject: "Ordre alphabétique." });
    }
    await reindexAll(prisma, client);
    const result = await searchAssociations({ q: "", fields: [], publics: [], districts: [], page: 1, perPage: 2000 });
    const names = result.hits.map((h) => h.name).filter((n) => n.startsWith(prefix));
    expect(names.map((n) => n.slice(prefix.length + 1))).toEqual(["Accès", "Accessibilité", "Eau", "Élan", "Ferme"]);
  });
});
