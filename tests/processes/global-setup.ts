// Once per `npm run test:processes`: the production build (both processes of every test file
// serve the same build folder; built here so that two portals never build it at once), one
// Meilisearch server, the external engine of every portal (each file its own index prefix), and a
// migrated, seeded template database: files that start on it skip the demo seed (about 15 s per
// start); start-together.test.ts starts on an empty database instead.
import { spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { migrateDatabase } from "../../scripts/migrate";
import { startBundledMeilisearch } from "../../search/server-process";
import { createDatabase, dropDatabases } from "../postgresql";

export default async function setup() {
  const adminUrl = process.env.TEST_POSTGRESQL_URL;
  if (!adminUrl)
    throw new Error(
      "Ces tests demandent une grappe PostgreSQL : TEST_POSTGRESQL_URL=$(npx tsx scripts/postgres-cluster.ts start DOSSIER) npm run test:processes",
    );
  const root = path.resolve(`.tmp/processes-${process.pid}`);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const buildDir = path.join(root, "build");
  const prefix = `p${process.pid}_`;
  const template = `${prefix}template`;
  // The three are independent: side by side.
  const [built, engine, seeded] = await Promise.allSettled([
    build(buildDir),
    startBundledMeilisearch({ dataDir: path.join(root, "meili"), masterKey: "processes-master-key-0123456789" }),
    createDatabase(adminUrl, template).then((url) => seededTemplate(url, path.join(root, "template"))),
  ]);
  if (engine.status === "rejected") throw engine.reason;
  const meili = engine.value;
  for (const step of [built, seeded])
    if (step.status === "rejected") {
      await meili.stop();
      throw step.reason;
    }
  Object.assign(process.env, {
    PROCESSES_TEMPLATE_DB: template,
    PROCESSES_ROOT: root,
    PROCESSES_DATABASE_PREFIX: prefix,
    BUILD_DIR: buildDir,
    MEILI_HOST: meili.host,
    MEILI_MASTER_KEY: meili.masterKey,
  });
  return async () => {
    await meili.stop();
    await dropDatabases(adminUrl, prefix);
    rmSync(root, { recursive: true, force: true });
  };
}

async function seededTemplate(url: string, dataDir: string) {
  await migrateDatabase(url);
  // The seed's modules open the portal's client on DATABASE_URL when imported: this database, not a developer's.
  Object.assign(process.env, { DATABASE_URL: url, DATA_DIR: dataDir });
  const { createPrismaClient } = await import("../../app/db.server");
  const { seedDemo } = await import("../../prisma/seed/index");
  const db = createPrismaClient(url, { poolSize: 2 });
  try {
    await seedDemo(db);
  } finally {
    await db.$disconnect();
  }
  // CREATE DATABASE … TEMPLATE needs the template without connections: the one the imports opened too.
  const { prisma } = await import("../../app/db.server");
  await prisma.$disconnect();
}

function build(buildDir: string) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [path.resolve("node_modules/@remix-run/dev/dist/cli.js"), "build"], {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, NODE_ENV: "production", BUILD_DIR: buildDir },
    });
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error("La construction de l'application (remix build) a échoué."))));
  });
}
