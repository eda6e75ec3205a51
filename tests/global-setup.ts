// Once per `vitest run`: a template database with every migration applied, and one
// real Meilisearch server on a free port. Each test file copies the template and
// uses its own index prefix (tests/setup-file.ts), so files never see each other's data.
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { startBundledMeilisearch, type RunningMeilisearch } from "../search/server-process";

let meili: RunningMeilisearch | undefined;

export default async function setup() {
  const root = path.resolve(`.tmp/vitest-${process.pid}`);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const template = path.join(root, "template.db");
  const result = spawnSync(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${template}` },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`Migrations impossibles :\n${result.stdout}\n${result.stderr}`);

  meili = await startBundledMeilisearch({ dataDir: path.join(root, "meili"), masterKey: "test-master-key-0123456789" });
  process.env.TEST_TEMPLATE_DB = template;
  process.env.TEST_ROOT = root;
  process.env.MEILI_HOST = meili.host;
  process.env.MEILI_MASTER_KEY = meili.masterKey;

  return async () => {
    await meili?.stop();
    rmSync(root, { recursive: true, force: true });
  };
}
