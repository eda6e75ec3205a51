// Saved filters of the queue: only known parameters are stored, names are unique per user,
// a user has at most MAX_SAVED_FILTERS, and deletes only their own. Following a dossier too.
import { describe, expect, it } from "vitest";
import { normaliseQueueQuery } from "./queue-query";
import { reviewFixture } from "./test-support";

const { world, newDossier } = await reviewFixture();
const { prisma } = await import("../db.server");
const { deleteSavedFilter, listSavedFilters, saveFilter } = await import("./saved-filters.server");
const { dossierFollowers, followDossier, unfollowDossier } = await import("./follows.server");
const { MAX_SAVED_FILTERS } = await import("./routing-schemas");

describe("the query string kept", () => {
  it("drops unknown parameters and values, and the defaults, in one order", () => {
    expect(
      normaliseQueueQuery("?tri=montant&pirate=1&onglet=suivis&etat=accepte&appel=abc123&moi=1&champ=aide-alimentaire&groupe=sans"),
    ).toBe("onglet=suivis&appel=abc123&etat=accepte&champ=aide-alimentaire&groupe=sans&moi=1&tri=montant");
    expect(normaliseQueueQuery("etat=inconnu&onglet=nulle-part&tri=hasard&champ=<script>&appel=a%20b&moi=oui")).toBe("");
    expect(normaliseQueueQuery("onglet=tous&tri=depot_recent")).toBe("");
  });
});

describe("saved filters", () => {
  it("stores the re-read query string, never an unknown parameter", async () => {
    const saved = await saveFilter(world.reviewerA, { name: "Mes gros dossiers", query: "onglet=a-suivre&tri=montant&x=<b>y</b>" });
    expect(saved.query).toBe("onglet=a-suivre&tri=montant");
    expect((await prisma.savedFilter.findUniqueOrThrow({ where: { id: saved.id } })).query).toBe("onglet=a-suivre&tri=montant");
  });

  it("refuses a name the user already has, in French, but another user may use it", async () => {
    await saveFilter(world.reviewerA, { name: "Traités", query: "onglet=traites" });
    await expect(saveFilter(world.reviewerA, { name: "Traités", query: "onglet=tous" })).rejects.toMatchObject({
      field: "name",
      message: "Vous avez déjà un filtre nommé « Traités » : choisissez un autre nom.",
    });
    await expect(saveFilter(world.reviewerB, { name: "Traités", query: "onglet=traites" })).resolves.toMatchObject({ name: "Traités" });
  });

  it(`keeps at most ${MAX_SAVED_FILTERS} filters per user`, async () => {
    const user = world.admin;
    for (let i = 0; i < MAX_SAVED_FILTERS; i++) await saveFilter(user, { name: `Filtre ${i}`, query: "" });
    await expect(saveFilter(user, { name: "Un de trop", query: "" })).rejects.toMatchObject({ code: "too_many_filters" });
    expect(await listSavedFilters(user)).toHaveLength(MAX_SAVED_FILTERS);
  });

  it("deletes only the user's own filter", async () => {
    const mine = await saveFilter(world.outsider, { name: "À supprimer", query: "onglet=suivis" });
    await expect(deleteSavedFilter(world.reviewerA, mine.id)).rejects.toMatchObject({ status: 404 });
    await deleteSavedFilter(world.outsider, mine.id);
    expect(await listSavedFilters(world.outsider)).toEqual([]);
  });
});

describe("following a dossier", () => {
  it("adds the user once, lists the followers, and stops", async () => {
    const dossier = await newDossier();
    await followDossier(world.reviewerA, dossier.id);
    await followDossier(world.reviewerA, dossier.id);
    await followDossier(world.reviewerB, dossier.id);
    const seen = await dossierFollowers(world.reviewerA, dossier.id);
    expect(seen.following).toBe(true);
    expect(seen.followers.map((f) => f.name)).toEqual(["Alice Instructrice", "Bruno Instructeur"]);
    await unfollowDossier(world.reviewerA, dossier.id);
    expect(await dossierFollowers(world.reviewerA, dossier.id)).toMatchObject({
      following: false,
      followers: [{ name: "Bruno Instructeur" }],
    });
  });

  it("is refused to a staff member who does not review the call", async () => {
    const dossier = await newDossier();
    await expect(followDossier(world.outsider, dossier.id)).rejects.toMatchObject({ status: 403 });
  });
});
