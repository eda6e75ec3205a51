// Two portal processes started at the same instant on an empty database: one migrates and
// seeds while the other waits for it (scripts/database-lock.ts), then both serve.
import { afterAll, beforeAll, expect, test } from "vitest";
import { DEMO_ACCOUNTS, SEED_STEPS } from "../../prisma/seed/index";
import { DEMO_ASSOCIATION_COUNT } from "../../prisma/seed/associations";
import { migrationNames, POSTGRESQL_MIGRATIONS } from "../../scripts/migrate";
import { startTwoPortals, type TwoPortals } from "./harness";

let portals: TwoPortals;

beforeAll(async () => {
  portals = await startTwoPortals({ empty: true, together: true });
});
afterAll(() => portals?.stop());

const count = (text: string, pattern: RegExp) => text.match(new RegExp(pattern, "g"))?.length ?? 0;

test("each migration is applied once, by one of the two processes", async () => {
  const names = migrationNames(POSTGRESQL_MIGRATIONS);
  const rows = await portals.db.$queryRawUnsafe<{ name: string }[]>(`SELECT "name" FROM "_portal_migrations" ORDER BY "name"`);
  expect(rows.map((r) => r.name)).toEqual(names);
  const logs = [portals.a.output(), portals.b.output()];
  for (const name of names) expect(logs.map((log) => count(log, new RegExp(`Migration appliquée : ${name}\\b`))).sort()).toEqual([0, 1]);
});

test("the demo data is seeded once: one process seeds it, the other finds it seeded once it is complete", async () => {
  const logs = [portals.a.output(), portals.b.output()];
  expect(logs.map((log) => count(log, /Données de démonstration créées\./)).sort()).toEqual([0, 1]);
  expect(logs.map((log) => count(log, /Base déjà initialisée/)).sort()).toEqual([0, 1]);
  // The other waited for the whole seed (the seed lock): it found the database seeded only after the
  // seeding process had begun its last step, not as soon as the first rows (the accounts) were there.
  const [seeder, other] = logs[0].includes("Données de démonstration créées.") ? [portals.a, portals.b] : [portals.b, portals.a];
  const lastStep = seeder.lines().find((l) => l.text.includes(`Données de démonstration : ${SEED_STEPS.at(-1)!.name}`));
  const skipped = other.lines().find((l) => l.text.includes("Base déjà initialisée"));
  expect(skipped!.at).toBeGreaterThanOrEqual(lastStep!.at);
  expect(await portals.db.association.count()).toBe(DEMO_ASSOCIATION_COUNT);
  for (const account of DEMO_ACCOUNTS) expect(await portals.db.user.count({ where: { email: account.email } })).toBe(1);
});

/** /healthz once it is "ok": a process says degraded while the directory's index, rebuilt by the seeding one, is checked. */
async function settledHealth(base: string, deadline = Date.now() + 60_000) {
  for (;;) {
    const health = (await (await fetch(`${base}/healthz`)).json()) as { status: string };
    if (health.status === "ok" || Date.now() > deadline) return health;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

test("both processes then serve the seeded portal", async () => {
  for (const portal of [portals.a, portals.b]) {
    expect(await settledHealth(portal.base)).toMatchObject({ status: "ok" });
    const page = await fetch(`${portal.base}/annuaire/epicerie-solidaire-planoise`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Épicerie solidaire Planoise");
  }
});
