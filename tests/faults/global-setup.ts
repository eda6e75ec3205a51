// Once per `npm run test:faults`: a real portal started on a fresh folder (build, migrations,
// demo data, directory index), then stopped. Each test copies that folder: its portal then
// starts without seeding again, which keeps the whole run to a few minutes.
import { rmSync } from "node:fs";
import path from "node:path";
import { FAULTS_MASTER_KEY, health, startPortal, waitUntil } from "./portal";

export default async function setup() {
  const template = path.resolve(`.tmp/faults-template-${process.pid}`);
  rmSync(template, { recursive: true, force: true });
  const portal = await startPortal({ dataDir: template, env: { MEILI_MASTER_KEY: FAULTS_MASTER_KEY } });
  try {
    await waitUntil(async () => (await health(portal)).status === "ok", 120_000, "portail modèle en bonne santé");
  } finally {
    await portal.stop();
  }
  process.env.FAULTS_TEMPLATE_DIR = template;
  return () => rmSync(template, { recursive: true, force: true });
}
