// While the search engine is unreachable, a synonym edit is still saved, and says it was not applied:
// ensureSearchIndex applies the table's groups when the engine is back, and a later edit sends them all.
import { beforeAll, describe, expect, it } from "vitest";
import { createSettingsAdmin } from "./test-support";
import { resetEnvCache } from "../env.server";

const { prisma } = await import("../db.server");
const { createSynonymGroup, findSynonymGroup } = await import("./synonyms.server");
const { getSearchClient } = await import("../lib/search.server");
const { applyIndexSettings } = await import("../../search/engine");
const { ensureSearchIndex } = await import("../../search/sync");
const { indexName } = await import("../../search/settings");

let admin: { id: string };
beforeAll(async () => {
  admin = await createSettingsAdmin(prisma);
});

describe("a synonym edit while the engine is unreachable", () => {
  it("is saved and reported as not applied yet, then applied when the engine's index is checked again", async () => {
    await applyIndexSettings(getSearchClient()!);
    const realHost = process.env.MEILI_HOST;
    process.env.MEILI_HOST = "http://127.0.0.1:9"; // nothing listens there
    resetEnvCache();
    let saved;
    try {
      saved = await createSynonymGroup({ terms: ["grainothèque", "troc de graines"] }, admin);
      expect(saved.applied).toBe(false);
      expect(await findSynonymGroup(prisma, saved.group.id)).toEqual(saved.group);
    } finally {
      process.env.MEILI_HOST = realHost;
      resetEnvCache();
    }
    const client = getSearchClient()!;
    expect(Object.keys(await client.index(indexName()).getSynonyms())).not.toContain("grainothèque");
    await ensureSearchIndex(prisma, client);
    expect(await client.index(indexName()).getSynonyms()).toMatchObject({
      grainothèque: ["troc de graines"],
    });
  });
});
