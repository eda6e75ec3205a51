// While the search engine is down (or its index being checked), a synonym edit is still saved,
// and says it was not applied: ensureSearchIndex applies the table's groups when the engine is back.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createSettingsAdmin } from "./test-support";

vi.mock("~/lib/search.server", () => ({ getSearchClient: () => null, getSearchEngineClient: () => null }));

const { prisma } = await import("../db.server");
const { createSynonymGroup, findSynonymGroup } = await import("./synonyms.server");

let admin: { id: string };
beforeAll(async () => {
  admin = await createSettingsAdmin(prisma);
});

describe("a synonym edit while the engine is down", () => {
  it("is saved and reported as not applied yet", async () => {
    const save = await createSynonymGroup({ terms: ["grainothèque", "troc de graines"] }, admin);
    expect(save.applied).toBe(false);
    expect(await findSynonymGroup(prisma, save.group.id)).toEqual(save.group);
  });
});
