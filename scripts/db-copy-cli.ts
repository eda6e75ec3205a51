// `npm run db:copy -- --to postgresql://… [--from file:…] [--batch-size N]` — see scripts/db-copy.ts.
import { parseArgs } from "node:util";
import { getEnv } from "../app/env.server";
import { displayableDatabaseUrl } from "../app/lib/database-provider";
import { copyDatabase, CopyMismatchError, CopyRefusedError, DEFAULT_BATCH_SIZE, formatChecks } from "./db-copy";

const USAGE =
  "Usage : npm run db:copy -- --to postgresql://utilisateur:motdepasse@hôte:5432/base [--from file:chemin/portail.db] [--batch-size 500]";

let values: { to?: string; from?: string; "batch-size"?: string };
try {
  ({ values } = parseArgs({ options: { to: { type: "string" }, from: { type: "string" }, "batch-size": { type: "string" } } }));
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (!values.to) {
  console.error(USAGE);
  process.exit(2);
}
const batchSize = Number(values["batch-size"] ?? DEFAULT_BATCH_SIZE);
if (!Number.isInteger(batchSize) || batchSize < 1) {
  console.error(`--batch-size doit être un nombre entier de lignes, par exemple ${DEFAULT_BATCH_SIZE}.`);
  process.exit(2);
}
const sourceUrl = values.from ?? getEnv().DATABASE_URL;
const targetUrl = values.to;

console.log(`Copie de ${sourceUrl} vers ${displayableDatabaseUrl(targetUrl)}`);
console.log(
  "Attention : la copie part d'un instantané de la base SQLite ; ce que le portail écrit ensuite n'est pas copié. " +
    "Pour le déménagement réel, arrêtez le portail (ou mettez-le en maintenance derrière le mandataire inverse) avant de lancer la copie.",
);
try {
  const report = await copyDatabase({ sourceUrl, targetUrl, batchSize, log: (message) => console.log(message) });
  console.log(`\n${formatChecks(report.checks)}\n`);
  console.log(
    `${report.rows} lignes copiées et vérifiées en ${report.seconds.toFixed(1)} s (instantané du ${report.snapshotAt.toISOString()}).`,
  );
  console.log(
    [
      "Suite :",
      `  1. Fixez DATABASE_URL=${displayableDatabaseUrl(targetUrl)} dans la configuration du portail (mot de passe compris), puis redémarrez-le.`,
      "  2. Les fichiers déposés restent dans DATA_DIR/uploads : gardez le même DATA_DIR (ou un dossier partagé par tous les processus).",
      "  3. L'index de recherche porte sur les mêmes données : le portail le vérifie au démarrage et le reconstruit depuis la base s'il en diffère (ou npm run search:reindex).",
      "  4. Gardez l'ancien fichier SQLite tant que le portail n'a pas été vérifié sur PostgreSQL.",
    ].join("\n"),
  );
} catch (error) {
  if (error instanceof CopyMismatchError) {
    console.error(`\n${formatChecks(error.checks)}\n`);
    console.error(error.message);
  } else if (error instanceof CopyRefusedError) {
    console.error(error.message);
  } else {
    console.error(`La copie a échoué ; la base cible est restée vide (une seule transaction) :\n${(error as Error).message}`);
  }
  process.exit(1);
}
