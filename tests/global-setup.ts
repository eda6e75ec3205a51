// Once per `vitest run`: a template database with every migration applied, and one
// real Meilisearch server on a free port. Each test file copies the template and
// uses its own index prefix (tests/setup-file.ts), so files never see each other's data.
// The database is SQLite, or PostgreSQL when TEST_POSTGRESQL_URL names a cluster (tests/postgresql.ts).
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { migrateDatabase } from "../scripts/migrate";
import { startBundledMeilisearch, type RunningMeilisearch } from "../search/server-process";
import { createDatabase, dropDatabases, TEST_POSTGRESQL_URL } from "./postgresql";

let meili: RunningMeilisearch | undefined;

/** The tests' associations live in Besançon's districts, as the demo's do. */
async function withTerritory(url: string) {
  const { createPrismaClient } = await import("../app/db.server");
  const { seedBesanconTerritory } = await import("../prisma/seed/territory");
  const db = createPrismaClient(url, { poolSize: 1 });
  try {
    await seedBesanconTerritory(db);
  } finally {
    await db.$disconnect();
  }
}

export default async function setup() {
  const root = path.resolve(`.tmp/vitest-${process.pid}`);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const prefix = `t${process.pid}_`;
  if (TEST_POSTGRESQL_URL) {
    await dropDatabases(TEST_POSTGRESQL_URL, prefix);
    const template = `${prefix}template`;
    const url = await createDatabase(TEST_POSTGRESQL_URL, template);
    await migrateDatabase(url);
    await withTerritory(url);
    process.env.TEST_TEMPLATE_DB = template;
    process.env.TEST_DATABASE_PREFIX = prefix;
  } else {
    const template = path.join(root, "template.db");
    await migrateDatabase(`file:${template}`);
    await withTerritory(`file:${template}`);
    process.env.TEST_TEMPLATE_DB = template;
  }

  meili = await startBundledMeilisearch({ dataDir: path.join(root, "meili"), masterKey: "test-master-key-0123456789" });
  process.env.TEST_ROOT = root;
  process.env.MEILI_HOST = meili.host;
  process.env.MEILI_MASTER_KEY = meili.masterKey;

  return async () => {
    await meili?.stop();
    if (TEST_POSTGRESQL_URL) await dropDatabases(TEST_POSTGRESQL_URL, prefix);
    rmSync(root, { recursive: true, force: true });
  };
}
