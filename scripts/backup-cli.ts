// `npm run backup [folder]` — see scripts/backup.ts. Default folder: <DATA_DIR>/sauvegardes/<date>.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { getEnv } from "../app/env.server";
import { runningPortal } from "../search/running-portal";
import { startBundledMeilisearch } from "../search/server-process";
import { collectSecrets, createBackup, stamp, type MeiliTarget } from "./backup";

const env = getEnv();
const target = path.resolve(process.argv[2] ?? path.join(env.DATA_DIR, "sauvegardes", stamp()));
const running = runningPortal(env.DATA_DIR);
let stop: (() => Promise<void>) | null = null;
let meili: MeiliTarget | null = null;
const dumpDir = path.join(env.DATA_DIR, "meili-dumps");

if (env.MEILI_HOST) {
  console.log("Meilisearch externe : le dump reste sur ce serveur (dossier de dumps du serveur) ; il n'est pas copié ici.");
} else if (running) {
  meili = { host: running.host, apiKey: readFileSync(path.join(env.DATA_DIR, "meili-master-key"), "utf8").trim(), dumpDir };
} else if (existsSync(path.join(env.DATA_DIR, "meilisearch"))) {
  const started = await startBundledMeilisearch({ dataDir: env.DATA_DIR });
  meili = { host: started.host, apiKey: started.masterKey, dumpDir };
  stop = started.stop;
}

try {
  const secrets = collectSecrets(env.DATA_DIR, { "session-secret": env.SESSION_SECRET, "meili-master-key": env.MEILI_MASTER_KEY });
  const manifest = await createBackup({ databaseUrl: env.DATABASE_URL, uploadDir: env.UPLOAD_DIR, target, meili, secrets });
  console.log(`Sauvegarde écrite dans ${target}`);
  console.log(manifest.notice);
  console.log(JSON.stringify(manifest, null, 2));
} finally {
  await stop?.();
}
