// Demo data, seeded on first start (idempotent: a database with users is left alone).
// Every domain adds its part in its own file; all build with the test factories.
import type { Db } from "../../app/db.server";
import { seedAccountsAndAssociations } from "./associations";
import { seedCalls } from "./calls";
import { seedReview } from "./review";
import { seedRouting } from "./routing";
import { seedReviewDesk } from "./review-desk";
import { seedCharter } from "./charter";
import { seedEvents } from "./events";
import { seedSubsidies } from "./subsidies";
import { seedBesanconTerritory } from "./territory";
import { seedSocialProject } from "./social-project";
import { seedSteering } from "./steering";
import { seedNetworkPosts } from "./network-posts";
import { seedNetworkMessages } from "./network-messages";
import { seedNetworkModeration } from "./network-moderation";
import { seedNetworkConsultations } from "./network-consultations";
import { seedNetworkNews } from "./network-news";

export const DEMO_ACCOUNTS = [
  { email: "admin@ccas-besancon.test", password: "demo-administration-2026", role: "admin", label: "Administrateur·rice du CCAS" },
  { email: "instructrice@ccas-besancon.test", password: "demo-instruction-2026", role: "staff", label: "Instructrice du CCAS" },
  {
    email: "presidente@epicerie-planoise.test",
    password: "demo-association-2026",
    role: "member",
    label: "Représentante légale de l'Épicerie solidaire Planoise",
  },
  {
    email: "benevole@epicerie-planoise.test",
    password: "demo-benevole-2026",
    role: "member",
    label: "Membre (non représentant) de l'Épicerie solidaire Planoise",
  },
  { email: "tresorier@toit-commun.test", password: "demo-toit-commun-2026", role: "member", label: "Représentant légal de Toit Commun" },
] as const;

export type SeedContext = {
  db: Db;
  users: Record<(typeof DEMO_ACCOUNTS)[number]["email"], string>;
  associationIds: string[];
  /** The two demo associations with accounts: Épicerie solidaire Planoise, Toit Commun. */
  demoAssociations: { epicerie: string; toitCommun: string };
  log: (message: string) => void;
};

export type SeedStep = (ctx: SeedContext) => Promise<void>;

/** Domain seeds register here, in order. */
export const SEED_STEPS: { name: string; run: SeedStep }[] = [
  { name: "projet social, axes et projets phares", run: seedSocialProject },
  { name: "appels à projets et dossiers", run: seedCalls },
  { name: "instruction des dossiers", run: seedReview },
  { name: "groupes d'instruction et suivi", run: seedRouting },
  { name: "charte de l'action sociale", run: seedCharter },
  { name: "événements et inscriptions", run: seedEvents },
  { name: "subventions, conventions et versements", run: seedSubsidies },
  { name: "pilotage du projet social : rattachements, indicateurs, objectifs", run: seedSteering },
  { name: "bureau d'instruction : dépôts, étiquettes, corrections, avis", run: seedReviewDesk },
  { name: "réseau : besoins et offres des associations", run: seedNetworkPosts },
  { name: "messagerie entre associations et signalements", run: seedNetworkMessages },
  { name: "réseau : modération et alertes", run: seedNetworkModeration },
  { name: "consultations du réseau", run: seedNetworkConsultations },
  { name: "réseau : actualités du CCAS", run: seedNetworkNews },
];

export async function isSeeded(db: Db) {
  return (await db.user.count()) > 0;
}

export async function seedDemo(db: Db, log: (message: string) => void = () => {}) {
  if (await isSeeded(db)) return false;
  log("Données de démonstration : le CCAS de Besançon et ses quartiers…");
  await seedBesanconTerritory(db);
  const ctx = await seedAccountsAndAssociations(db, log);
  for (const step of SEED_STEPS) {
    log(`Données de démonstration : ${step.name}…`);
    await step.run(ctx);
  }
  return true;
}
