import path from "node:path";
import { defineConfig } from "vitest/config";

// `npm run test:faults`: slow fault-injection tests (a real portal, a real Meilisearch killed mid-run).
export default defineConfig({
  resolve: { alias: { "~": path.resolve("app") } },
  test: {
    include: ["tests/faults/**/*.test.ts"],
    globalSetup: ["tests/faults/global-setup.ts"],
    pool: "forks",
    maxWorkers: 1,
    testTimeout: 240_000,
    hookTimeout: 300_000,
  },
});
