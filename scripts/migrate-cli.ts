// `npm run db:migrate`: applies the pending migrations to DATABASE_URL (SQLite or PostgreSQL).
// `npm start` does it too; this is for deployments that migrate before starting the processes.
import { getEnv } from "../app/env.server";
import { displayableDatabaseUrl } from "../app/lib/database-provider";
import { migrateDatabase } from "./migrate";

const { DATABASE_URL } = getEnv();
console.log(`Base de données : ${displayableDatabaseUrl(DATABASE_URL)}`);
await migrateDatabase(DATABASE_URL, console.log);
console.log("Base à jour.");
