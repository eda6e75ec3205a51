// The directory as data·inclusion v1.0.8 open data: every structure and service, in JSON and in
// CSV (read back), valid against the schema's own files (tests/fixtures/data-inclusion-v1.0.8,
// committed) with a JSON-schema validator; only published associations; no person's name.
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssociation } from "../../prisma/factories/association";
import { addMembership, createUser } from "../../prisma/factories/user";
import { readJsonFixture } from "../../tests/table-schema";
import type { Service, Structure } from "./data-inclusion.server";

// The directory page's address comes from PUBLIC_URL, never from a request's Host.
process.env.PUBLIC_URL = "https://reseau.ccas.example";
(await import("../env.server")).resetEnvCache();
const { prisma } = await import("../db.server");
const di = await import("./data-inclusion.server");
const routes = {
  structuresJson: await import("../routes/donnees.structures[.]json"),
  structuresCsv: await import("../routes/donnees.structures[.]csv"),
  servicesJson: await import("../routes/donnees.services[.]json"),
  servicesCsv: await import("../routes/donnees.services[.]csv"),
};

type JsonSchema = { properties: Record<string, { anyOf?: { type?: string; items?: unknown }[]; type?: string }>; required: string[] };
const structureSchema = readJsonFixture<JsonSchema>("data-inclusion-v1.0.8/structure.json");
const serviceSchema = readJsonFixture<JsonSchema>("data-inclusion-v1.0.8/service.json");
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validateStructure = ajv.compile(structureSchema);
const validateService = ajv.compile(serviceSchema);

function schemaErrors(validate: typeof validateStructure, records: unknown[]) {
  return records.flatMap((record) =>
    validate(record) ? [] : (validate.errors ?? []).map((e) => `${(record as { id: string }).id} ${e.instancePath} ${e.message}`),
  );
}

/** A CSV row back into the schema's types: empty → null, numbers and lists from the schema. */
function fromCsv(schema: JsonSchema, row: Record<string, string>) {
  return Object.fromEntries(
    Object.entries(row).map(([name, cell]) => {
      const types = (schema.properties[name].anyOf ?? [schema.properties[name]]).map((t) => t.type);
      if (cell === "") return [name, types.includes("null") ? null : ""];
      if (types.includes("array")) return [name, cell.split(",")];
      if (types.includes("number") || types.includes("integer")) return [name, Number(cell)];
      return [name, cell];
    }),
  );
}

let published: Awaited<ReturnType<typeof createAssociation>>;
const hidden: string[] = [];
const PERSON = "Gertrude Personne-Privée";

beforeAll(async () => {
  await prisma.portalSettings.update({
    where: { id: "ccas" },
    data: {
      communes: [
        { code: "25056", name: "Besançon" },
        { code: "25031", name: "Avanne-Aveney" },
      ],
    },
  });
  (await import("../settings/reference-cache.server")).invalidateReferenceData();
  published = await createAssociation(prisma, {
    name: "Épicerie des Tilleuls",
    phone: "03 81 12 34 56",
    email: "contact@tilleuls.asso.test",
    website: "https://tilleuls.asso.test",
    fields: ["aide-alimentaire", "lutte-isolement"],
    publics: ["familles", "personnes-agees"],
    openingHours: "Mo-Fr 09:00-12:00,14:00-17:00; PH off",
  });
  await prisma.association.update({ where: { id: published.id }, data: { latitude: 47.2203, longitude: 5.9431 } });
  const member = await createUser(prisma, { name: PERSON, email: "gertrude@exemple.test" });
  await addMembership(prisma, member.id, published.id, true, "Présidente");
  hidden.push((await createAssociation(prisma, { name: "Association en attente", status: "pending" })).id);
  hidden.push((await createAssociation(prisma, { name: "Association refusée", status: "refused" })).id);
  const dissolved = await createAssociation(prisma, { name: "Association dissoute" });
  await prisma.association.update({ where: { id: dissolved.id }, data: { dissolvedAt: new Date("2025-06-01") } });
  hidden.push(dissolved.id);
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("data·inclusion structures and services", () => {
  it("every property of the schema is a column, once", () => {
    expect([...di.STRUCTURE_COLUMNS].sort()).toEqual(Object.keys(structureSchema.properties).sort());
    expect([...di.SERVICE_COLUMNS].sort()).toEqual(Object.keys(serviceSchema.properties).sort());
  });

  it("the validator catches what the schema forbids", () => {
    const ok = { source: "ccas", id: "ccas--1", nom: "Épicerie", date_maj: "2026-01-02" };
    expect(validateStructure(ok)).toBe(true);
    expect(validateStructure({ ...ok, courriel: "pas-un-courriel" })).toBe(false);
    expect(validateStructure({ ...ok, date_maj: "02/01/2026" })).toBe(false);
    expect(validateStructure({ ...ok, nom: "É" })).toBe(false);
    expect(validateService({ ...ok, structure_id: "x", description: "Aide alimentaire", thematiques: ["sante"] })).toBe(false);
    expect(validateService({ ...ok, structure_id: "x", description: "Aide alimentaire", zone_eligibilite: ["250"] })).toBe(true);
    expect(validateService({ ...ok, structure_id: "x", description: "Aide alimentaire", zone_eligibilite: ["2505"] })).toBe(false);
  });

  it("the JSON files are valid, with only validated, not dissolved associations", async () => {
    const structures = (await (await routes.structuresJson.loader()).json()) as Structure[];
    const services = (await (await routes.servicesJson.loader()).json()) as Service[];
    expect(structures.length).toBeGreaterThan(0);
    expect(schemaErrors(validateStructure, structures)).toEqual([]);
    expect(schemaErrors(validateService, services)).toEqual([]);
    const ids = new Set(structures.map((s) => String(s.id).split("--")[1]));
    expect(ids.has(published.id)).toBe(true);
    for (const id of hidden) expect(ids.has(id)).toBe(false);
    expect(services.every((s) => !hidden.some((id) => String(s.structure_id).endsWith(id)))).toBe(true);
    expect(await prisma.association.count({ where: di.publishedAssociationsWhere })).toBe(structures.length);
  });

  it("maps the association: public contact details, hours, position, the directory page from PUBLIC_URL", async () => {
    const { structures, services } = await di.directoryOpenData();
    const s = structures.find((x) => x.id === `ccas-de-besancon--${published.id}`)!;
    expect(s).toMatchObject({
      source: "ccas-de-besancon",
      nom: "Épicerie des Tilleuls",
      siret: published.siret,
      commune: "Besançon",
      code_postal: "25000",
      code_insee: "25056",
      telephone: "+33381123456",
      courriel: "contact@tilleuls.asso.test",
      site_web: "https://tilleuls.asso.test",
      latitude: 47.2203,
      longitude: 5.9431,
      horaires_accueil: "Mo-Fr 09:00-12:00,14:00-17:00; PH off",
      lien_source: `https://reseau.ccas.example/annuaire/${published.slug}`,
    });
    expect(s.date_maj).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const ours = services.filter((x) => x.structure_id === s.id);
    // One service per field of intervention.
    expect(ours.map((x) => x.id)).toEqual([`${s.id}--aide-alimentaire`, `${s.id}--lutte-isolement`]);
    const food = ours[0];
    const term = await prisma.taxonomyTerm.findUniqueOrThrow({ where: { kind_slug: { kind: "field", slug: "aide-alimentaire" } } });
    expect(food.nom).toBe(term.label);
    expect(food.thematiques).toEqual(term.diThematiques);
    expect(food.zone_eligibilite).toEqual(["25056", "25031"]);
    expect(food.modes_accueil).toEqual(["en-presentiel"]);
    expect(food.modes_mobilisation).toEqual(["envoyer-un-courriel", "se-presenter", "telephoner"]);
    expect(food.contact_nom_prenom).toBeNull();
    const publicTerms = await prisma.taxonomyTerm.findMany({ where: { kind: "public", slug: { in: ["familles", "personnes-agees"] } } });
    const expected = [...new Set(publicTerms.flatMap((t) => t.diPublics as string[]))];
    expect([...(food.publics as string[])].sort()).toEqual((expected.includes("tous-publics") ? ["tous-publics"] : expected).sort());
    // No person's name anywhere in the files.
    const everything = JSON.stringify({ structures, services });
    expect(everything).not.toContain("Gertrude");
    expect(everything).not.toContain("gertrude@");
  });

  it("the CSV files hold the same records: lists joined with commas, valid once read back", async () => {
    const { structures, services } = await di.directoryOpenData();
    for (const [route, schema, validate, records] of [
      [routes.structuresCsv, structureSchema, validateStructure, structures],
      [routes.servicesCsv, serviceSchema, validateService, services],
    ] as const) {
      const response = await route.loader();
      expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
      const rows = parse(await response.text(), { columns: true }) as Record<string, string>[];
      const back = rows.map((r) => fromCsv(schema, r));
      expect(schemaErrors(validate, back)).toEqual([]);
      expect(back).toEqual(JSON.parse(JSON.stringify(records)));
    }
  });

  it("a hostile description is neutralised in the CSV, kept as typed in the JSON", async () => {
    const hostile = await createAssociation(prisma, { name: "Association Formule", description: '=HYPERLINK("https://pirate.test","x")' });
    const response = await routes.structuresCsv.loader();
    const rows = parse(await response.text(), { columns: true }) as Record<string, string>[];
    const row = rows.find((r) => r.id.endsWith(hostile.id))!;
    expect(row.description).toBe(`'=HYPERLINK("https://pirate.test","x")`);
    const { structures } = await di.directoryOpenData();
    expect(structures.find((s) => String(s.id).endsWith(hostile.id))!.description).toBe('=HYPERLINK("https://pirate.test","x")');
  });
});
