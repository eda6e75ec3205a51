// The directory, the search index, the association's page and the profile forms read the taxonomy
// from the database: a renamed term, a retired district, a slug nobody knows in the address.
import { beforeAll, describe, expect, it } from "vitest";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { createAssociation } from "../../prisma/factories/association";
import { getDocument } from "../../search/engine";
import { processSearchOutbox, reindexAll } from "../../search/sync";
import { baseProfile } from "./test-support";

const { prisma } = await import("../db.server");
const { invalidateReferenceData } = await import("../settings/reference-cache.server");
const { profileSchemaForAction, signUpSchemaForAction } = await import("./schemas.server");
const { issuesToFieldErrors } = await import("../lib/forms.server");
const directory = await import("../routes/annuaire._index");
const associationPage = await import("../routes/annuaire.$slug");
const api = await import("../routes/api.associations");
const { getSearchClient } = await import("../lib/search.server");
const { applyIndexSettings } = await import("../../search/engine");

const client = getSearchClient()!;

const args = (url: string, params: Record<string, string> = {}) =>
  ({ request: new Request(`http://portail.test${url}`), params, context: {} }) as unknown as LoaderFunctionArgs;
const openDirectory = (search: string) => directory.loader(args(`/annuaire${search}`));

async function changeTerm(kind: "field" | "public" | "district", slug: string, data: { label?: string; retiredAt?: Date | null }) {
  await prisma.taxonomyTerm.update({ where: { kind_slug: { kind, slug } }, data });
  // As the settings pages do after a write.
  invalidateReferenceData();
}

beforeAll(async () => {
  await applyIndexSettings(client);
});

describe("the taxonomy as the database holds it", () => {
  it("names a renamed term by its new label in the directory at once, and in the search document after a re-index", async () => {
    const association = await createAssociation(prisma, { name: "Vélos du Doubs", fields: ["mobilite"], district: "planoise" });
    await processSearchOutbox(prisma, client);
    expect((await getDocument(client, association.id))?.fieldLabels).toEqual(["Mobilité"]);

    await changeTerm("field", "mobilite", { label: "Mobilité solidaire" });
    const page = await openDirectory("?q=V%C3%A9los%20du%20Doubs");
    const hit = page.hits.find((h) => h.id === association.id);
    expect(hit?.fields).toEqual([{ slug: "mobilite", label: "Mobilité solidaire" }]);
    expect(page.filters.fields).toContainEqual({ slug: "mobilite", label: "Mobilité solidaire" });
    expect(page.filters.fields.map((f) => f.label)).not.toContain("Mobilité");

    await reindexAll(prisma, client);
    const document = await getDocument(client, association.id);
    expect(document?.fieldLabels).toEqual(["Mobilité solidaire"]);
    // Searching by the new label finds it.
    const found = await openDirectory("?q=mobilit%C3%A9%20solidaire");
    expect(found.hits.map((h) => h.id)).toContain(association.id);
  }, 90_000); // a full rebuild of the index is slow when other files load the same Meilisearch

  it("refuses a retired district on profile save and sign-up, offers it no more as a filter, and still names the associations in it", async () => {
    const association = await createAssociation(prisma, { name: "Amicale de Velotte", district: "velotte" });
    await changeTerm("district", "velotte", { retiredAt: new Date() });

    const profile = { ...baseProfile, name: "Amicale de Velotte", socialObject: "Lien social.", fields: ["lutte-isolement"] };
    const saved = (await profileSchemaForAction()).safeParse({ ...profile, district: "velotte" });
    expect(issuesToFieldErrors(saved.error!.issues)).toEqual({ district: "Ce quartier n'est plus proposé : choisissez-en un autre." });
    const signUp = (await signUpSchemaForAction()).safeParse({ ...profile, district: "velotte" });
    expect(issuesToFieldErrors(signUp.error!.issues).district).toBe("Ce quartier n'est plus proposé : choisissez-en un autre.");
    expect((await profileSchemaForAction()).safeParse({ ...profile, district: "planoise" }).success).toBe(true);

    // Indexed after the district was retired: its label still names the association.
    await processSearchOutbox(prisma, client);
    const page = await openDirectory("?q=Amicale%20de%20Velotte");
    expect(page.filters.districts.map((d) => d.slug)).not.toContain("velotte");
    expect(page.filters.districts.map((d) => d.slug)).toContain("planoise");
    expect(page.hits.find((h) => h.id === association.id)?.districtLabel).toBe("Velotte");
    expect((await getDocument(client, association.id))?.districtLabel).toBe("Velotte");

    // A retired district in the address is ignored: the whole directory, not an empty page.
    const filtered = await openDirectory("?quartier=velotte");
    expect(filtered.query.districts).toEqual([]);
    expect(filtered.total).toBe((await openDirectory("")).total);

    // The association's page names its district, without a link to a filter that no longer exists.
    const shown = await associationPage.loader(args(`/annuaire/${association.slug}`, { slug: association.slug }));
    expect(shown.district).toEqual({ slug: "velotte", label: "Velotte", filter: false });
    await changeTerm("district", "velotte", { retiredAt: null });
  });

  it("answers an unknown or malformed slug in ?quartier= and ?champ= by ignoring it", async () => {
    const page = await openDirectory(
      "?quartier=atlantide&champ=%22%5D%20OR%20x&champ=aide-alimentaire&public=&quartier=planoise&quartier=planoise",
    );
    expect(page.query.districts).toEqual(["planoise"]);
    expect(page.query.fields).toEqual(["aide-alimentaire"]);
    expect(page.query.publics).toEqual([]);
    const response = await api.loader(args("/api/associations?quartier=atlantide&champ=inconnu"));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.query).toMatchObject({ champ: [], quartier: [] });
  });
});
