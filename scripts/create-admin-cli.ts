// `npm run admin:create -- --email claire@ccas-dole.fr --name "Claire Martin"`: an administrator's
// account on a portal started without the demo (SEED_DEMO=0). No password on the command line (it
// would stay in the shell's history): the person chooses it through the link printed here and
// mailed to them, valid one hour ("Mot de passe oublié" afterwards).
import { parseArgs } from "node:util";
import { getEnv } from "../app/env.server";
import { displayableDatabaseUrl } from "../app/lib/database-provider";
import { DomainError } from "../app/lib/domain-error";

const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } } });
const { createStaffSchema } = await import("../app/accounts/schemas");
const parsed = createStaffSchema.omit({ role: true }).safeParse({ email: values.email, name: values.name });
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(issue.message);
  console.error('Usage : npm run admin:create -- --email adresse@exemple.fr --name "Prénom Nom"');
  process.exit(2);
}

const { DATABASE_URL } = getEnv();
console.log(`Base de données : ${displayableDatabaseUrl(DATABASE_URL)}`);
const { prisma } = await import("../app/db.server");
// Not migrated here: the portal may be running on this database (npm start migrates it).
const ready = await prisma.user.count().then(
  () => true,
  () => false,
);
if (!ready) {
  console.error("Base de données non initialisée : lancez d'abord « npm run db:migrate » (ou démarrez le portail une fois).");
  process.exit(1);
}
const { createAdministratorAccount } = await import("../app/accounts/staff-accounts.server");
try {
  const { setPasswordUrl } = await createAdministratorAccount(parsed.data);
  console.log(`Compte administrateur créé pour ${parsed.data.email}.`);
  console.log(`Lien pour choisir le mot de passe (valable une heure, envoyé aussi par courriel si SMTP_URL est configuré) :`);
  console.log(setPasswordUrl);
  process.exit(0);
} catch (error) {
  console.error(error instanceof DomainError ? error.message : error);
  process.exit(1);
}
