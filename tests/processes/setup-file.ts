// Before each test file: the name of its own PostgreSQL database (created by harness.ts),
// its data folder and index prefix, set before any app module is imported: the test's own
// Prisma client (app/db.server.ts, sessions made directly) opens the database its portals use.
import path from "node:path";
import { databaseUrlOn } from "../postgresql";

const id = `${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
const name = `${process.env.PROCESSES_DATABASE_PREFIX}${id}`.replace(/[^a-z0-9_]/gi, "").toLowerCase();
process.env.PROCESSES_DATABASE = name;
process.env.DATABASE_URL = databaseUrlOn(process.env.TEST_POSTGRESQL_URL!, name);
process.env.DATA_DIR = path.join(process.env.PROCESSES_ROOT!, name);
process.env.MEILI_INDEX_PREFIX = `${name.replace(/_/g, "")}_`;
process.env.NODE_ENV = "test";
