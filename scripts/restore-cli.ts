// `npm run restore <folder>` — stop the portal first. See scripts/backup.ts.
import { existsSync } from "node:fs";
import path from "node:path";
import { getEnv } from "../app/env.server";
import { sqlitePath } from "../app/db.server";
import { restoreBackup } from "./backup";

const folder = process.argv[2];
if (!folder) {
  console.error("Usage : npm run restore -- <dossier de sauvegarde>");
  process.exit(1);
}
const env = getEnv();
if (existsSync(path.join(env.DATA_DIR, "meili-running.json"))) {
  console.error("Le portail semble démarré (data/meili-running.json) : arrêtez-le avant de restaurer.");
  process.exit(1);
}
const manifest = restoreBackup({
  folder: path.resolve(folder),
  databaseFile: sqlitePath(env.DATABASE_URL),
  uploadDir: env.UPLOAD_DIR,
  meiliDbPath: env.MEILI_HOST ? null : path.join(env.DATA_DIR, "meilisearch"),
});
console.log(`Sauvegarde du ${manifest.createdAt} restaurée.`);
console.log(env.MEILI_HOST ? "Lancez npm run search:reindex pour reconstruire l'index de l'annuaire." : "L'index de recherche sera importé du dump au prochain démarrage.");
