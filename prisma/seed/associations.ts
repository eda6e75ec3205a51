import type { Db } from "../../app/db.server";
import { addMembership, createUser } from "../factories/user";
import { buildAssociation, createRng, insertAssociations, type AssociationData } from "../factories/association";
import { DEMO_ACCOUNTS, type SeedContext } from "./index";

export const DEMO_ASSOCIATION_COUNT = 150;

export async function seedAccountsAndAssociations(db: Db, log: (message: string) => void): Promise<SeedContext> {
  log("Données de démonstration : comptes…");
  const users = {} as SeedContext["users"];
  const names: Record<string, string> = {
    "admin@ccas-besancon.test": "Claire Administratrice",
    "instructrice@ccas-besancon.test": "Inès Instructrice",
    "presidente@epicerie-planoise.test": "Paule Présidente",
    "benevole@epicerie-planoise.test": "Bastien Bénévole",
    "tresorier@toit-commun.test": "Théo Trésorier",
  };
  for (const account of DEMO_ACCOUNTS) {
    const user = await createUser(db, { email: account.email, password: account.password, role: account.role, name: names[account.email] });
    users[account.email] = user.id;
  }
  await createUser(db, {
    email: "instructeur2@ccas-besancon.test",
    name: "Samuel Instructeur",
    role: "staff",
    password: "demo-instruction-2026",
  });

  log(`Données de démonstration : ${DEMO_ASSOCIATION_COUNT} associations…`);
  const rng = createRng(2026);
  const items: AssociationData[] = [];
  items.push(
    buildAssociation(0, rng, {
      name: "Épicerie solidaire Planoise",
      slug: "epicerie-solidaire-planoise",
      district: "planoise",
      fields: ["aide-alimentaire", "budget-surendettement", "lutte-isolement"],
      publics: ["familles", "jeunes-adultes"],
      email: "contact@epicerie-planoise.test",
      // Structured hours the profile form shows (the no-JavaScript journey saves them unchanged).
      openingHours: "Mo,Tu,Th,Fr 09:00-12:00,14:00-17:30; We 14:00-17:30; Su off; PH off",
    }),
    buildAssociation(1, rng, {
      name: "Toit Commun",
      slug: "toit-commun",
      district: "centre-ville-battant",
      fields: ["hebergement-logement", "acces-aux-droits"],
      publics: ["sans-logement-stable", "jeunes-adultes"],
      email: "contact@toit-commun.test",
    }),
  );
  for (let n = 2; n < DEMO_ASSOCIATION_COUNT; n++) items.push(buildAssociation(n, rng));
  // A few new sign-ups wait for the administrator.
  for (const n of [40, 90, 140]) items[n] = { ...items[n], status: "pending" };
  const associationIds = await insertAssociations(
    db,
    items.map((item, n) => ({ ...item, ...demoPosition(item.district, n) })),
  );
  const [epicerie, toitCommun] = associationIds;
  await addMembership(db, users["presidente@epicerie-planoise.test"], epicerie, true, "Présidente");
  await addMembership(db, users["benevole@epicerie-planoise.test"], epicerie, false, "Bénévole");
  await addMembership(db, users["tresorier@toit-commun.test"], toitCommun, true, "Trésorier");
  return { db, users, associationIds, demoAssociations: { epicerie, toitCommun }, log };
}

/** Roughly where each district of Besançon is (its centre), for the demo's map. */
const DISTRICT_CENTRES: Record<string, [number, number]> = {
  "centre-ville-battant": [47.238, 6.0225],
  planoise: [47.221, 5.951],
  "408-tilleroyes": [47.233, 5.97],
  "montrapon-fontaine-ecu": [47.25, 6.008],
  "palente-orchamps": [47.255, 6.05],
  "clairs-soleils-vareilles": [47.246, 6.056],
  "chaprais-cras": [47.247, 6.033],
  "saint-claude-torcols": [47.26, 6.015],
  "grette-butte": [47.23, 6.005],
  velotte: [47.225, 6.0],
  "saint-ferjeux-rosemont": [47.225, 5.985],
  "bregille-pres-de-vaux": [47.242, 6.045],
  "hauts-du-chazal": [47.223, 5.94],
  "toute-la-ville": [47.2378, 6.0241],
};

/**
 * A demo association's position: its district's centre, moved a few hundred metres (the same for
 * the same n), as if geocoded from its address: `npm start` shows a map without calling the geocoder.
 */
export function demoPosition(district: string, n: number) {
  const [lat, lng] = DISTRICT_CENTRES[district] ?? DISTRICT_CENTRES["toute-la-ville"];
  const latitude = Math.round((lat + (((n * 37) % 21) - 10) * 0.0004) * 1e6) / 1e6;
  const longitude = Math.round((lng + (((n * 53) % 21) - 10) * 0.0006) * 1e6) / 1e6;
  return { latitude, longitude, geoSource: "adresse" as const, geocodedAt: new Date("2026-01-05T09:00:00Z") };
}
