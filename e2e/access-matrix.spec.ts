// The whole access matrix (tests/access-matrix.ts) against the end-to-end portal: every route of
// the build's own manifest, loader and action, as each kind of user. Any answer other than the one
// app/accounts/access-policy.ts declares fails, and so does an undeclared route.
// tests/processes/two-portals.test.ts runs the same check against two portal processes.
import path from "node:path";
import { buildAccessFixture, checkAccessMatrix, loadManifest, policyCoverage } from "../tests/access-matrix";
import { E2E_DATA_DIR, E2E_PORT, E2E_URL } from "./support/paths";
import { expect, getDb, sessionCookieFor, test, uniqueEmail } from "./support/fixtures";

test("every route answers every kind of user as the access policy declares", async () => {
  test.setTimeout(900_000);
  const manifest = await loadManifest(process.env.BUILD_DIR ?? `.tmp/build-${E2E_PORT}`);
  const { undeclared, stale } = policyCoverage(manifest);
  expect(undeclared, "routes absentes de app/accounts/access-policy.ts").toEqual([]);
  expect(stale, "entrées de app/accounts/access-policy.ts sans route").toEqual([]);

  const fixture = await buildAccessFixture(getDb(), { uploadsDir: path.join(E2E_DATA_DIR, "uploads"), uniqueEmail });
  const { checked, routes, mismatches } = await checkAccessMatrix({
    manifest,
    fixture,
    // Plain fetch: no cookie jar, so no actor ever inherits another's cookies.
    send: (pathAndQuery, init) => fetch(`${E2E_URL}${pathAndQuery}`, init),
    origin: E2E_URL,
    sessionCookie: sessionCookieFor,
  });
  console.log(`Matrice d'accès : ${checked} requêtes vérifiées sur ${routes} routes.`);
  expect(mismatches).toEqual([]);
});
