// Before any app module is imported: point it at the e2e database, not the dev one.
// Test harness: it writes process.env itself (ESLint allows it under e2e/), which the app then parses.
import { E2E_DATA_DIR, E2E_DATABASE_URL } from "./paths";

process.env.DATABASE_URL = E2E_DATABASE_URL;
process.env.DATA_DIR = E2E_DATA_DIR;
process.env.SEED_DEMO = "0";
