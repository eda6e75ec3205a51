// The synonym editor's write side against a real database and a real Meilisearch: a term in
// one group only, 500 groups at most, every change audited, and the engine searching with the
// new groups a moment later.
import { beforeAll, describe, expect, it } from "vitest";
import { createAssociation } from "../../prisma/factories/association";
import { createSettingsAdmin } from "./test-support";

const { prisma } = await import("../db.server");
const { createSynonymGroup, deleteSynonymGroup, findSynonymGroup, listSynonymGroups, updateSynonymGroup } =
  await import("./synonyms.server");
const { MAX_SYNONYM_GROUPS } = await import("./synonym-schemas");
const { searchAssociations } = await import("../associations/directory.server");
const { getSearchClient } = await import("../lib/search.server");
const { reindexAll } = await import("../../search/sync");
const { indexName } = await import("../../search/settings");

let admin: { id: string };
beforeAll(async () => {
  admin = await createSettingsAdmin(prisma);
});

const audits = (id: string) =>
  prisma.auditEvent.findMany({ where: { entityType: "settings", entityId: `synonymes:${id}` }, orderBy: { createdAt: "asc" } });

describe("editing the synonym groups", () => {
  it("adds, edits and deletes a group, normalised, each change audited", async () => {
    const { group } = await createSynonymGroup({ terms: ["Grainothèque", " troc de graines ", "grainothèque"] }, admin);
    expect(group.terms).toEqual(["grainothèque", "troc de graines"]);
    expect(await findSynonymGroup(prisma, group.id)).toEqual(group);

    await updateSynonymGroup(group.id, { terms: ["grainothèque", "troc de graines", "semences paysannes"] }, admin);
    expect((await findSynonymGroup(prisma, group.id))?.terms).toEqual(["grainothèque", "troc de graines", "semences paysannes"]);

    await deleteSynonymGroup(group.id, admin);
    expect(await findSynonymGroup(prisma, group.id)).toBeNull();
    expect((await listSynonymGroups(prisma)).some((g) => g.id === group.id)).toBe(false);

    expect(await audits(group.id)).toMatchObject([
      { action: "synonymes ajoutés", actorId: admin.id, toState: "grainothèque, troc de graines" },
      {
        action: "synonymes modifiés",
        fromState: "grainothèque, troc de graines",
        toState: "grainothèque, troc de graines, semences paysannes",
      },
      { action: "synonymes supprimés", fromState: "grainothèque, troc de graines, semences paysannes" },
    ]);
  });

  it("refuses a term another group has, naming the term and that group; a group may keep its own terms", async () => {
    const error = await createSynonymGroup({ terms: ["Colis", "panier"] }, admin).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "term_in_other_group", field: "terms" });
    expect((error as Error).message).toMatch(
      /^« colis » figure déjà dans le groupe « aide alimentaire, banque alimentaire, colis alimentaire, colis/,
    );

    const { group } = await createSynonymGroup({ terms: ["cabas", "sac de courses"] }, admin);
    await expect(updateSynonymGroup(group.id, { terms: ["sac de courses", "cabas", "cabas solidaire"] }, admin)).resolves.toBeTruthy();
    await expect(updateSynonymGroup(group.id, { terms: ["cabas", "repas"] }, admin)).rejects.toMatchObject({ code: "term_in_other_group" });
    expect((await findSynonymGroup(prisma, group.id))?.terms).toEqual(["sac de courses", "cabas", "cabas solidaire"]);
    await deleteSynonymGroup(group.id, admin);
  });

  it("checks the terms again for a caller that skipped the form, and refuses a group gone meanwhile", async () => {
    await expect(createSynonymGroup({ terms: ["seul"] }, admin)).rejects.toMatchObject({ code: "invalid_terms", field: "terms" });
    await expect(createSynonymGroup({ terms: ["a;b", "c"] }, admin)).rejects.toMatchObject({ code: "invalid_terms" });
    await expect(updateSynonymGroup("absent", { terms: ["un", "deux"] }, admin)).rejects.toMatchObject({ code: "synonym_group_not_found" });
    await expect(deleteSynonymGroup("absent", admin)).rejects.toMatchObject({ code: "synonym_group_not_found" });
  });

  it(`refuses a group beyond ${MAX_SYNONYM_GROUPS}`, async () => {
    const existing = await prisma.searchSynonym.count();
    const filler = Array.from({ length: MAX_SYNONYM_GROUPS - existing }, (_, n) => ({
      id: `filler-${n}`,
      terms: [`plein${n}a`, `plein${n}b`],
    }));
    await prisma.searchSynonym.createMany({ data: filler });
    try {
      await expect(createSynonymGroup({ terms: ["un de plus", "encore un"] }, admin)).rejects.toMatchObject({
        code: "too_many_synonym_groups",
      });
    } finally {
      await prisma.searchSynonym.deleteMany({ where: { id: { startsWith: "filler-" } } });
    }
  });
});

describe("the engine after an edit", () => {
  it("finds « colis » for « panier » once the group « colis, panier » is added", async () => {
    const client = getSearchClient()!;
    const association = await createAssociation(prisma, {
      name: "Les Paniers du Doubs",
      socialObject: "Distribue chaque semaine des colis aux familles du quartier.",
    });
    // Named differently from its text: only the synonym can bring it for « panier ».
    await prisma.association.update({ where: { id: association.id }, data: { name: "Solidarité Doubs Est" } });
    await reindexAll(prisma, client);
    const search = async () =>
      (await searchAssociations({ q: "panier", fields: [], publics: [], districts: [], page: 1, perPage: 20 })).hits.map((h) => h.name);
    expect(await search()).not.toContain("Solidarité Doubs Est");

    // « colis » is a default group's term: that group is edited first (one group per term).
    const defaults = (await listSynonymGroups(prisma)).find((g) => g.terms.includes("colis"))!;
    await updateSynonymGroup(defaults.id, { terms: defaults.terms.filter((t) => t !== "colis") }, admin);
    const { applied } = await createSynonymGroup({ terms: ["colis", "panier"] }, admin);
    expect(applied).toBe(true);
    // Accepted, not yet applied: the engine re-indexes in the background.
    await expect.poll(search, { timeout: 10_000, interval: 200 }).toContain("Solidarité Doubs Est");
    expect(await client.index(indexName()).getSynonyms()).toMatchObject({ panier: ["colis"], colis: ["panier"] });
  });
});
