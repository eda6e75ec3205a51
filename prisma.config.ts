import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";
import { getDatabaseUrl } from "./app/env.server";
import { databaseProviderOf } from "./app/lib/database-provider";

// Prisma's native engines cannot be downloaded here: the CLI uses its WebAssembly
// schema engine through the better-sqlite3 driver adapter (see docs/decisions/001).
// It never connects to PostgreSQL (it cannot through adapter-pg: decision 014); generate and
// diff need no connection, and scripts/migrate.ts migrates PostgreSQL.
const url = getDatabaseUrl();

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  engine: "js",
  experimental: { adapter: true },
  adapter: async () => {
    if (databaseProviderOf(url) === "postgresql") {
      throw new Error("La CLI Prisma ne migre pas PostgreSQL ici : utilisez npm run db:migrate (décision 014).");
    }
    return new PrismaBetterSQLite3({ url });
  },
});
