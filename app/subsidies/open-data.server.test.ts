// The SCDL "subventions" file: validated column by column against the official schema 2.1.1
// (tests/fixtures/scdl-subventions-2.1.1, committed), and not published while the CCAS's SIRET
// is not configured — the file's address, the /donnees page and the administration home say so.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssociation } from "../../prisma/factories/association";
import { createUser } from "../../prisma/factories/user";
import { csvErrors, FIXTURES, readJsonFixture, recordErrors, type TableSchema } from "../../tests/table-schema";

const { prisma } = await import("../db.server");
const { invalidateReferenceData } = await import("../settings/reference-cache.server");
const openData = await import("./open-data.server");
const subsidies = { ...(await import("./creation.server")), ...(await import("./vote.server")) };
const { openDataCatalogue } = await import("../open-data/catalogue.server");
const scdlRoute = await import("../routes/donnees.subventions[.]csv");
const adminHome = await import("../routes/admin._index");
const { createSessionFor } = await import("../accounts/sessions.server");

const schema = readJsonFixture<TableSchema & { version: string }>("scdl-subventions-2.1.1/schema.json");
const CCAS_SIRET = "21250056500008";

async function setSiret(siret: string | null) {
  await prisma.portalSettings.update({ where: { id: "ccas" }, data: { siret } });
  invalidateReferenceData();
}

let admin: { id: string; role: "admin"; name: string };
let withSiret: string;
let rnaOnly: string;

beforeAll(async () => {
  const user = await createUser(prisma, { role: "admin" });
  admin = { id: user.id, role: "admin", name: user.name };
  const grant = async (associationId: string, purpose: string, cents: number, ref: string) => {
    const s = await subsidies.createGrant({ associationId, purpose, amount: cents, financialYear: 2026, fundsAction: false }, admin);
    await subsidies.recordVote(s.id, { decisionDate: "2026-03-20", deliberationRef: ref, yearAmounts: [cents] }, admin);
    return s;
  };
  const a = await createAssociation(prisma, { name: "Les Restos du Quartier", siret: "73282932000074", rna: "W251002867" });
  const b = await createAssociation(prisma, { name: "Atelier Vélo Solidaire", rna: "W251009999" });
  await prisma.association.update({ where: { id: b.id }, data: { siret: null } });
  // An older RNA number with letters: the schema's pattern (W + 9 digits) leaves it out.
  const c = await createAssociation(prisma, { name: "Amicale des Anciens", rna: "W9T1002867", siret: "73282932000074" });
  withSiret = (await grant(a.id, "Fonctionnement de l'épicerie", 1_200_000, "CA-2026-01")).id;
  rnaOnly = (await grant(b.id, "Réparation de vélos", 300_000, "CA-2026-02")).id;
  await grant(c.id, "Sorties des aînés", 150_000, "CA-2026-03");
});

afterAll(async () => {
  await setSiret(null);
  await prisma.$disconnect();
});

describe("the checker itself", () => {
  it("passes the schema's own valid example and catches broken rows", () => {
    const example = readFileSync(path.join(FIXTURES, "scdl-subventions-2.1.1/exemple-valide.csv"), "utf8");
    expect(csvErrors(schema, example)).toEqual([]);
    const [record] = parse(example, { columns: true }) as Record<string, string>[];
    expect(recordErrors(schema, { ...record, idAttribuant: "2106000450039" })).toContain(
      "idAttribuant : ne suit pas le motif (2106000450039)",
    );
    expect(recordErrors(schema, { ...record, idAttribuant: "21060004500393" })).toContain("idAttribuant : SIRET invalide (21060004500393)");
    expect(recordErrors(schema, { ...record, rnaBeneficiaire: "W9T1002867" })).toContain(
      "rnaBeneficiaire : ne suit pas le motif (W9T1002867)",
    );
    expect(recordErrors(schema, { ...record, idBeneficiaire: "", rnaBeneficiaire: "" })).toContain(
      "idBeneficiaire ou rnaBeneficiaire : l'un des deux est obligatoire",
    );
    expect(recordErrors(schema, { ...record, nature: "subvention" })).toContain("nature : hors de la liste (subvention)");
    expect(recordErrors(schema, { ...record, pourcentageSubvention: "1.5" })).toContain("pourcentageSubvention : supérieur à 1");
    expect(recordErrors(schema, { ...record, dateConvention: "2017-02-30" })).toContain("dateConvention : pas une date (2017-02-30)");
    expect(recordErrors(schema, { ...record, notificationUE: "false" })).toContain("notificationUE : pas un booléen (false)");
    expect(recordErrors(schema, { ...record, objet: "x".repeat(257) })).toContain("objet : plus de 256 caractères");
    expect(csvErrors(schema, "nomAttribuant,idAttribuant\r\nA,1\r\n")[0]).toMatch(/^en-tête/);
  });
});

describe("while the CCAS's SIRET is not configured", () => {
  beforeAll(() => setSiret(null));

  it("the file is not published: a French page says why", async () => {
    expect(await openData.scdlFile()).toEqual({ published: false, reason: "siret" });
    const response = await scdlRoute.loader();
    expect(response.status).toBe(404);
    expect(response.headers.get("Content-Type")).toMatch(/^text\/html/);
    const page = await response.text();
    expect(page).toContain('<html lang="fr">');
    expect(page).toContain("le CCAS n&#39;a pas renseigné son numéro SIRET");
  });

  it("the /donnees page says so, and the administration home tells administrators where to fix it", async () => {
    const catalogue = await openDataCatalogue();
    expect(catalogue.siretMissing).toBe(true);
    expect(catalogue.files.find((f) => f.path === "/donnees/subventions.csv")?.unavailable).toMatch(/SIRET/);
    expect(catalogue.files.filter((f) => f.unavailable === null).map((f) => f.path)).toEqual([
      "/donnees/structures.json",
      "/donnees/structures.csv",
      "/donnees/services.json",
      "/donnees/services.csv",
    ]);
    const { cookie } = await createSessionFor(admin.id);
    const home = await adminHome.loader({
      request: new Request("http://localhost/admin", { headers: { Cookie: cookie } }),
      params: {},
      context: { cspNonce: "" },
    });
    expect(home.siretMissing).toBe(true);
  });
});

describe("once the SIRET is configured", () => {
  beforeAll(() => setSiret(CCAS_SIRET));

  it("the file is served, valid against schema 2.1.1 column by column", async () => {
    const response = await scdlRoute.loader();
    expect(response.status).toBe(200);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const csv = await response.text();
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(schema.version).toBe(openData.SCDL_VERSION);
    expect([...openData.SCDL_COLUMNS]).toEqual(schema.fields.map((f) => f.name));
    expect(csvErrors(schema, csv)).toEqual([]);
    expect((await openDataCatalogue()).siretMissing).toBe(false);
  });

  it("names the funder from the settings, the beneficiary by SIRET and RNA, leaves dispositifAide empty", async () => {
    const file = await openData.scdlFile();
    if (!file.published) throw new Error("non publié");
    const records = parse(file.csv, { columns: true }) as Record<string, string>[];
    const settings = await prisma.portalSettings.findUniqueOrThrow({ where: { id: "ccas" } });
    const bySubsidy = async (id: string) => {
      const { deliberationRef } = await prisma.subsidy.findUniqueOrThrow({ where: { id } });
      return records.find((r) => r.referenceDecision === deliberationRef)!;
    };
    const a = await bySubsidy(withSiret);
    expect(a).toMatchObject({
      nomAttribuant: settings.longName,
      idAttribuant: CCAS_SIRET,
      idBeneficiaire: "73282932000074",
      rnaBeneficiaire: "W251002867",
      montant: "12000.00",
      dispositifAide: "",
    });
    const b = await bySubsidy(rnaOnly);
    expect(b).toMatchObject({ idBeneficiaire: "", rnaBeneficiaire: "W251009999" });
    const c = records.find((r) => r.referenceDecision === "CA-2026-03")!;
    expect(c).toMatchObject({ idBeneficiaire: "73282932000074", rnaBeneficiaire: "" });
  });
});
