import path from "node:path";
import { defineConfig } from "vitest/config";

// `npm run test:processes` (TEST_POSTGRESQL_URL: a cluster's admin URL): two real portal processes
// per test file on one PostgreSQL database and one external Meilisearch, over HTTP (tests/processes/harness.ts).
export default defineConfig({
  resolve: { alias: { "~": path.resolve("app") } },
  test: {
    include: ["tests/processes/**/*.test.ts"],
    globalSetup: ["tests/processes/global-setup.ts"],
    setupFiles: ["tests/processes/setup-file.ts"],
    pool: "forks",
    maxWorkers: 1,
    testTimeout: 240_000,
    hookTimeout: 300_000,
  },
});
