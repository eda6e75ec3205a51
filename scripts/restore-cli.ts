// `npm run restore <folder>` — stop the portal first. See scripts/backup.ts.
import { readFileSync } from "node:fs";
import path from "node:path";
import { getEnv } from "../app/env.server";
import { displayableDatabaseUrl } from "../app/lib/database-provider";
import { runningPortal } from "../search/running-portal";
import { restoreBackup } from "./backup";

const folder = process.argv[2];
if (!folder) {
  console.error("Usage : npm run restore -- <dossier de sauvegarde>");
  process.exit(1);
}
const env = getEnv();
const portal = runningPortal(env.DATA_DIR);
if (portal) {
  console.error(`Le portail est démarré sur ce dossier de données (processus ${portal.pid}) : arrêtez-le avant de restaurer.`);
  process.exit(1);
}
const manifest = await restoreBackup({
  folder: path.resolve(folder),
  dataDir: env.DATA_DIR,
  databaseUrl: env.DATABASE_URL,
  uploadDir: env.UPLOAD_DIR,
  meiliDbPath: env.MEILI_HOST ? null : path.join(env.DATA_DIR, "meilisearch"),
}).catch((error: unknown) => {
  // A refused restore (wrong engine, a PostgreSQL database that is not empty) changed nothing.
  console.error((error as Error).message);
  process.exit(1);
});
console.log(
  `Sauvegarde du ${manifest.createdAt} restaurée${manifest.engine === "postgresql" ? ` dans ${displayableDatabaseUrl(env.DATABASE_URL)}` : ""}.`,
);
if (!manifest.secrets?.length) {
  console.warn(
    "Cette sauvegarde ne contient pas la clé de session : les liens envoyés avant elle (annulation, confirmation) ne seront plus valides.",
  );
}
// A value given through the environment wins over the restored file: say so.
for (const [variable, name, given] of [
  ["SESSION_SECRET", "session-secret", env.SESSION_SECRET_FROM_ENVIRONMENT ? env.SESSION_SECRET : undefined],
  ["MEILI_MASTER_KEY", "meili-master-key", env.MEILI_MASTER_KEY],
] as const) {
  if (given && manifest.secrets?.includes(name)) {
    const saved = readFileSync(path.join(path.resolve(folder), "secrets", name), "utf8").trim();
    if (saved !== given) {
      console.warn(
        `${variable} est fixé par l'environnement et diffère de celui de la sauvegarde : reportez la valeur de secrets/${name}.`,
      );
    }
  }
}
console.log(
  env.MEILI_HOST
    ? "Lancez npm run search:reindex pour reconstruire l'index de l'annuaire."
    : "L'index de recherche sera importé du dump au prochain démarrage.",
);
