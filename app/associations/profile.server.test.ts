// Profile edits and the search index, against a real SQLite database and a real Meilisearch.
import { beforeAll, describe, expect, it } from "vitest";
import { createAssociation } from "../../prisma/factories/association";
import { getDocument } from "../../search/engine";
import { processSearchOutbox, reindexAll } from "../../search/sync";
import { resetEnvCache } from "../env.server";
import { baseProfile, createAdmin } from "./test-support";

const { prisma } = await import("../db.server");
const { updateAssociationProfile } = await import("./profile.server");
const { searchAssociations } = await import("./directory.server");
const { searchSyncSettled, syncSearchSoon } = await import("./search-sync.server");
const { enqueueSearchSync } = await import("../../search/sync");
const { getSearchClient } = await import("../lib/search.server");
const { createSearchClient, applyIndexSettings } = await import("../../search/engine");

const client = getSearchClient()!;
let admin: Awaited<ReturnType<typeof createAdmin>>;

beforeAll(async () => {
  await applyIndexSettings(client);
  admin = await createAdmin(prisma);
});

describe("profile edits and the search index", () => {
  it("answers without waiting for the engine, and the change is searchable once the sync it started ends", async () => {
    const association = await createAssociation(prisma, { name: "Amicale des Tilleuls" });
    await reindexAll(prisma, client);
    const outcome = await updateAssociationProfile(
      association.id,
      {
        ...baseProfile,
        name: "Amicale des Tilleuls",
        socialObject: "Ateliers de réparation de bicyclettes pour tous.",
        fields: ["mobilite"],
      },
      admin,
    );
    expect(["synced", "pending"]).toContain(outcome);
    await searchSyncSettled();
    const result = await searchAssociations({ q: "bicyclettes", fields: ["mobilite"], publics: [], districts: [], page: 1, perPage: 20 });
    expect(result.hits.map((h) => h.id)).toContain(association.id);
    expect(await prisma.searchSyncJob.count({ where: { associationId: association.id, doneAt: null } })).toBe(0);
  });

  it("a save the engine has not confirmed within the wait answers pending; the sync still ends and empties the outbox", async () => {
    const association = await createAssociation(prisma, { name: "Les Jardins Suspendus" });
    await reindexAll(prisma, client);
    await prisma.association.update({ where: { id: association.id }, data: { socialObject: "Des potagers sur les toits-terrasses." } });
    await enqueueSearchSync(prisma, [association.id]);
    expect(await syncSearchSoon([association.id], 0)).toBe("pending");
    await searchSyncSettled();
    expect(await prisma.searchSyncJob.count({ where: { associationId: association.id, doneAt: null } })).toBe(0);
    const result = await searchAssociations({ q: "toits-terrasses", fields: [], publics: [], districts: [], page: 1, perPage: 20 });
    expect(result.engine).toBe("meilisearch");
    expect(result.hits.map((h) => h.id)).toContain(association.id);
  });

  it("keeps the save and records the re-index when Meilisearch is unreachable, then replays it", async () => {
    const association = await createAssociation(prisma, { name: "Le Repair Café" });
    await reindexAll(prisma, client);
    const realHost = process.env.MEILI_HOST;
    process.env.MEILI_HOST = "http://127.0.0.1:9"; // nothing listens there
    resetEnvCache();
    try {
      const outcome = await updateAssociationProfile(
        association.id,
        { ...baseProfile, name: "Le Repair Café", socialObject: "Réparer les grille-pains ensemble.", fields: ["entraide-benevolat"] },
        admin,
      );
      expect(outcome).toBe("pending");
      await searchSyncSettled();
      const saved = await prisma.association.findUnique({ where: { id: association.id } });
      expect(saved?.socialObject).toBe("Réparer les grille-pains ensemble.");
      const pending = await prisma.searchSyncJob.findFirst({ where: { associationId: association.id, doneAt: null } });
      expect(pending?.attempts).toBe(1);
      expect(pending?.lastError).toBeTruthy();
      // The directory still answers, from the database.
      const fallback = await searchAssociations({ q: "grille-pains", fields: [], publics: [], districts: [], page: 1, perPage: 20 });
      expect(fallback.engine).toBe("database");
      expect(fallback.hits.map((h) => h.id)).toContain(association.id);
    } finally {
      process.env.MEILI_HOST = realHost;
      resetEnvCache();
    }
    const replay = await processSearchOutbox(prisma, createSearchClient({ host: realHost!, apiKey: process.env.MEILI_MASTER_KEY }));
    expect(replay.failed).toBe(0);
    const document = await getDocument(client, association.id);
    expect(document?.socialObject).toBe("Réparer les grille-pains ensemble.");
  });
});

describe("opening hours on save", () => {
  const profile = {
    ...baseProfile,
    name: "Le Jardin Partagé",
    socialObject: "Jardiner ensemble au pied des immeubles.",
    fields: ["lutte-isolement" as const],
  };

  it("stores the form's OSM string; a save without the block leaves the hours alone", async () => {
    const association = await createAssociation(prisma, { name: "Le Jardin Partagé", openingHours: "" });
    await updateAssociationProfile(association.id, { ...profile, openingHours: "We 14:00-18:00; PH off" }, admin);
    expect((await prisma.association.findUniqueOrThrow({ where: { id: association.id } })).openingHours).toBe("We 14:00-18:00; PH off");
    await updateAssociationProfile(association.id, profile, admin);
    expect((await prisma.association.findUniqueOrThrow({ where: { id: association.id } })).openingHours).toBe("We 14:00-18:00; PH off");
    await updateAssociationProfile(association.id, { ...profile, openingHours: "" }, admin);
    expect((await prisma.association.findUniqueOrThrow({ where: { id: association.id } })).openingHours).toBe("");
  });

  it("keeps hours the form cannot show while the form is left empty, replaces them once it is filled", async () => {
    const association = await createAssociation(prisma, { name: "Le Jardin d'Hiver", openingHours: "Jan-Mar Mo 09:00-12:00" });
    await updateAssociationProfile(association.id, { ...profile, openingHours: "" }, admin);
    expect((await prisma.association.findUniqueOrThrow({ where: { id: association.id } })).openingHours).toBe("Jan-Mar Mo 09:00-12:00");
    await updateAssociationProfile(association.id, { ...profile, openingHours: "Mo 09:00-12:00" }, admin);
    expect((await prisma.association.findUniqueOrThrow({ where: { id: association.id } })).openingHours).toBe("Mo 09:00-12:00");
  });
});
