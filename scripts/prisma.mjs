// Runs the Prisma CLI without letting it download native engines (unreachable here):
// under engineType "client" the query engine library is never loaded, so any existing
// file satisfies the check (see ../shared/STACK.md and docs/decisions/001).
// `generate` without --schema generates both clients: SQLite's and PostgreSQL's (decision 014).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { writePostgresqlSchema } from "./postgresql-schema.mjs";

const require = createRequire(import.meta.url);
// Reads process.env itself (ESLint allows it here): it runs under plain node at install time
// (postinstall), before TypeScript can be loaded, and hands the whole environment to the CLI.
// Its DATABASE_URL default is app/env.server.ts's for the default DATA_DIR (the schema's
// datasource names the variable; the portal's start command always sets it).
const env = { ...process.env };
env.PRISMA_QUERY_ENGINE_LIBRARY ??= fileURLToPath(import.meta.url);
env.DATABASE_URL ??= "file:./data/portail.db";
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
env.CHECKPOINT_DISABLE = "1";
const cli = require.resolve("prisma/build/index.js");

function prisma(args) {
  return spawnSync(process.execPath, [cli, ...args], { stdio: "inherit", env }).status ?? 1;
}

const args = process.argv.slice(2);
let status;
if (args[0] === "generate" && !args.includes("--schema")) {
  status = prisma(args);
  if (status === 0) status = prisma([...args, "--schema", writePostgresqlSchema()]);
} else {
  status = prisma(args);
}
process.exit(status);
