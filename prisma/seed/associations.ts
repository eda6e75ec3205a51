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
  const associationIds = await insertAssociations(db, items);
  const [epicerie, toitCommun] = associationIds;
  await addMembership(db, users["presidente@epicerie-planoise.test"], epicerie, true, "Présidente");
  await addMembership(db, users["benevole@epicerie-planoise.test"], epicerie, false, "Bénévole");
  await addMembership(db, users["tresorier@toit-commun.test"], toitCommun, true, "Trésorier");
  return { db, users, associationIds, demoAssociations: { epicerie, toitCommun }, log };
}
