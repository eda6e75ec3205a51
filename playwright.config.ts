import { defineConfig, devices } from "@playwright/test";
import { E2E_DATA_DIR, E2E_DATABASE_URL, E2E_PORT, E2E_URL } from "./e2e/support/paths";

// Test files import app modules (factories, the access policy): whatever their import order,
// they must open the end-to-end database, never the developer's data/portail.db.
process.env.DATABASE_URL = E2E_DATABASE_URL;
process.env.DATA_DIR = E2E_DATA_DIR;

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  // Per port, so parallel runs on one machine never delete each other's traces.
  outputDir: `.tmp/test-results-${E2E_PORT}`,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never", outputFolder: `.tmp/playwright-report-${E2E_PORT}` }]],
  use: {
    baseURL: E2E_URL,
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: "node --import tsx e2e/support/serve.ts",
    url: `${E2E_URL}/healthz`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: { E2E_PORT: String(E2E_PORT) },
  },
});
