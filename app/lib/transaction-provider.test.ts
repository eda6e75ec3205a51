// The server build bundles its own copy of app/lib/transaction.ts while server/start.ts loads
// another: a client made by one must be known by the other for its engine's write lock.
import { expect, it } from "vitest";
import { createPrismaClient } from "~/db.server";

it("knows a client's engine from another copy of the transaction module", async () => {
  // Never connects: the engine is recorded when the client is made.
  const client = createPrismaClient("postgresql://portail@127.0.0.1:1/aucune", { poolSize: 1 });
  // @ts-expect-error -- a query string makes Vite load a second copy of the module
  const copy = (await import("./transaction?copy")) as typeof import("./transaction");
  expect(copy.providerOfClient(client)).toBe("postgresql");
});
