import path from "node:path";

// E2E_PORT is the harness's own variable (not the portal's): read here directly.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_URL = `http://localhost:${E2E_PORT}`;
// One folder per port, so several runs can go side by side on one machine.
export const E2E_DIR = path.resolve(`.tmp/e2e-${E2E_PORT}`);
export const E2E_DATA_DIR = path.join(E2E_DIR, "data");
// SQLite in the run's folder, or a PostgreSQL database given by E2E_DATABASE_URL (emptied at each
// run by serve.ts): `E2E_DATABASE_URL=postgresql://… npm run test:e2e` runs the journeys on PostgreSQL.
export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL || `file:${path.join(E2E_DATA_DIR, "portail.db")}`;
export const E2E_MAILBOX = path.join(E2E_DIR, "mailbox.jsonl");
