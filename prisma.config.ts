import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";
import { getDatabaseUrl } from "./app/env.server";

// Prisma's native engines cannot be downloaded here: the CLI uses its WebAssembly
// schema engine through the better-sqlite3 driver adapter (see docs/decisions/001).
const url = getDatabaseUrl();

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  engine: "js",
  experimental: { adapter: true },
  adapter: async () => new PrismaBetterSQLite3({ url }),
});
