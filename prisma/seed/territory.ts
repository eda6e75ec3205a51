// Besançon's identity and districts: data of the demo (and of the tests), not of the portal.
// Another CCAS enters its own in the administration (Paramètres).
import type { Db } from "../../app/db.server";
import { invalidateReferenceData } from "../../app/settings/reference-cache.server";

export const BESANCON_SETTINGS = {
  name: "CCAS de Besançon",
  longName: "Centre communal d'action sociale de Besançon",
  // Not set: the CCAS's own SIRET is to be confirmed by its finance department (the open data waits for it).
  siret: null,
  address: "13 rue Ronchaux",
  postcode: "25000",
  city: "Besançon",
  phone: "03 81 41 21 21",
  email: "ccas@besancon.test",
  representative: "la vice-présidente du CCAS, par délégation du président",
  court: "tribunal administratif de Besançon",
  communes: [{ code: "25056", name: "Besançon" }],
};

// The districts as the city names them, plus the neighbourhoods the social project names.
export const BESANCON_DISTRICTS = [
  { slug: "centre-ville-battant", label: "Centre-ville – Battant" },
  { slug: "planoise", label: "Planoise" },
  { slug: "408-tilleroyes", label: "« 408 » – Tilleroyes" },
  { slug: "montrapon-fontaine-ecu", label: "Montrapon – Fontaine-Écu" },
  { slug: "palente-orchamps", label: "Palente – Orchamps – Saragosse" },
  { slug: "clairs-soleils-vareilles", label: "Clairs-Soleils – Vareilles" },
  { slug: "chaprais-cras", label: "Chaprais – Cras" },
  { slug: "saint-claude-torcols", label: "Saint-Claude – Torcols – Chailluz" },
  { slug: "grette-butte", label: "Grette – Butte" },
  { slug: "velotte", label: "Velotte" },
  { slug: "saint-ferjeux-rosemont", label: "Saint-Ferjeux – Rosemont" },
  { slug: "bregille-pres-de-vaux", label: "Bregille – Prés-de-Vaux" },
  { slug: "hauts-du-chazal", label: "Hauts-du-Chazal" },
  { slug: "toute-la-ville", label: "Toute la ville" },
];

/** Writes Besançon's settings and districts (idempotent). */
export async function seedBesanconTerritory(db: Db) {
  await db.portalSettings.upsert({ where: { id: "ccas" }, create: { id: "ccas", ...BESANCON_SETTINGS }, update: {} });
  for (const [position, district] of BESANCON_DISTRICTS.entries()) {
    await db.taxonomyTerm.upsert({
      where: { kind_slug: { kind: "district", slug: district.slug } },
      create: { kind: "district", ...district, position },
      update: { label: district.label, position },
    });
  }
  invalidateReferenceData();
}
