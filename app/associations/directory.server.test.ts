// Directory search against a real database (SQLite or PostgreSQL) and a real Meilisearch.
import { beforeAll, describe, expect, it } from "vitest";
import { createAssociation } from "../../prisma/factories/association";
import { reindexAll } from "../../search/sync";

const { prisma } = await import("../db.server");
const { searchAssociations, searchInDatabase } = await import("./directory.server");
const { getSearchClient } = await import("../lib/search.server");
const { applyIndexSettings } = await import("../../search/engine");

const client = getSearchClient()!;

beforeAll(async () => {
  await applyIndexSettings(client);
});

describe("directory search", () => {
  it("tolerates typos, folds accents and ligatures, and knows French social vocabulary", async () => {
    await createAssociation(prisma, {
      name: "Les Restos du Cœur bisontins",
      socialObject: "Aide alimentaire et repas chauds.",
      fields: ["aide-alimentaire"],
    });
    await createAssociation(prisma, {
      name: "Abri de Nuit",
      socialObject: "Hébergement d'urgence des personnes sans domicile.",
      fields: ["hebergement-logement"],
    });
    await reindexAll(prisma, client);
    const search = (q: string) =>
      searchAssociations({ q, fields: [], publics: [], districts: [], page: 1, perPage: 50 }).then((r) => r.hits.map((h) => h.name));
    expect(await search("alimantaire")).toContain("Les Restos du Cœur bisontins");
    expect(await search("coeur")).toContain("Les Restos du Cœur bisontins");
    expect(await search("hebergement")).toContain("Abri de Nuit");
    expect(await search("SDF")).toContain("Abri de Nuit");
  });

  it("falls back on the database whatever the case of the words (SQLite and PostgreSQL alike)", async () => {
    await createAssociation(prisma, { name: "Maison des FEMMES Battantes", socialObject: "Écoute et Accompagnement." });
    const search = (q: string) =>
      searchInDatabase({ q, fields: [], publics: [], districts: [], page: 1, perPage: 50 }).then((r) => r.hits.map((h) => h.name));
    expect(await search("femmes battantes")).toContain("Maison des FEMMES Battantes");
    expect(await search("ACCOMPAGNEMENT")).toContain("Maison des FEMMES Battantes");
  });

  it("counts facets and filters by them", async () => {
    const result = await searchAssociations({ q: "", fields: ["aide-alimentaire"], publics: [], districts: [], page: 1, perPage: 50 });
    expect(result.total).toBeGreaterThan(0);
    expect(result.facets.fields["aide-alimentaire"]).toBe(result.total);
    for (const hit of result.hits) expect(hit.fields).toContain("aide-alimentaire");
  });

  it("highlights with markers, never with HTML from the data", async () => {
    await createAssociation(prisma, { name: "<img src=x onerror=alert(1)> Solidarité", socialObject: "Entraide <b>forte</b>." });
    await reindexAll(prisma, client);
    const result = await searchAssociations({ q: "solidarite", fields: [], publics: [], districts: [], page: 1, perPage: 50 });
    const hit = result.hits.find((h) => h.name.startsWith("<img"));
    expect(hit?.highlighted.name).toContain("\uE000");
    expect(hit?.highlighted.name).not.toContain("<mark>");
  });
});
