// Before each test file: its own copy of the migrated database and its own index prefix.
import { copyFileSync } from "node:fs";
import path from "node:path";
import { createDatabase, TEST_POSTGRESQL_URL } from "./postgresql";

const root = process.env.TEST_ROOT!;
const id = `${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
if (TEST_POSTGRESQL_URL) {
  const name = `${process.env.TEST_DATABASE_PREFIX}${id.replace(/[^a-z0-9_]/gi, "").toLowerCase()}`;
  process.env.DATABASE_URL = await createDatabase(TEST_POSTGRESQL_URL, name, process.env.TEST_TEMPLATE_DB);
} else {
  const dbFile = path.join(root, `test_${id}.db`);
  copyFileSync(process.env.TEST_TEMPLATE_DB!, dbFile);
  process.env.DATABASE_URL = `file:${dbFile}`;
}
process.env.DATA_DIR = path.join(root, `data_${id}`);
process.env.MEILI_INDEX_PREFIX = `t${id.replace(/[^a-z0-9]/gi, "").toLowerCase()}_`;
process.env.NODE_ENV = "test";
process.env.SEED_DEMO = "0";
// No test reaches the real geocoder: those that geocode start a stand-in (tests/geocoder-stand-in.ts).
process.env.GEOCODER_URL = "off";
delete process.env.SMTP_URL;
