// Two portal processes behind a round robin (harness.ts), started one after the other on a copy of
// the seeded database: the registration race, the access matrix and the public page cache.
import { afterAll, beforeAll, expect, test } from "vitest";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { createSessionFor } from "../../app/accounts/sessions.server";
import { createEvent } from "../../prisma/factories/event";
import { addMembership, createUser } from "../../prisma/factories/user";
import { buildAccessFixture, checkAccessMatrix, loadManifest, policyCoverage, type AccessFixture } from "../access-matrix";
import { editableAssociations, editProfile, memberSession, randomWord, waitUntil } from "../faults/portal";
import { ORIGIN, startTwoPortals, type TwoPortals } from "./harness";

// Long enough that the cache's own expiry cannot be what shows a change on the other process.
const PAGE_CACHE_SECONDS = 30;

let portals: TwoPortals;

beforeAll(async () => {
  portals = await startTwoPortals({ env: { PAGE_CACHE_SECONDS: String(PAGE_CACHE_SECONDS) } });
});
afterAll(() => portals?.stop());

// ── The registration race (decision 005) ─────────────────────────────
// 200 members of associations post the event page's form at the same instant for 50 places, every
// other request to the other process: one write transaction decides each place, and on PostgreSQL
// the writers of every process queue on one advisory lock (app/lib/transaction.ts).
const ATTEMPTS = 200;
const CAPACITY = 50;

test(`${ATTEMPTS} registrations at once on two processes for ${CAPACITY} places: ${CAPACITY} confirmed, the rest waiting in order`, async () => {
  const { db } = portals;
  const event = await createEvent(db, { title: "Course aux places sur deux processus", capacity: CAPACITY, audience: "associations" });
  const associations = await db.association.findMany({ where: { status: "validated" }, select: { id: true }, orderBy: { id: "asc" } });
  const senders = await Promise.all(
    Array.from({ length: ATTEMPTS }, async (_, i) => {
      // No password is ever typed here: sessions are made directly (argon2 would cost a second per account).
      const user = await createUser(db, { email: `course-${i}@processus.test`, passwordHash: "!" });
      const associationId = associations[i % associations.length].id;
      await addMembership(db, user.id, associationId);
      return { cookie: (await createSessionFor(user.id)).cookie, associationId, i };
    }),
  );

  const answers = await Promise.all(
    senders.map(async ({ cookie, associationId, i }) => {
      const response = await portals.send(`/evenements/${event.slug}`, {
        method: "POST",
        headers: { Cookie: cookie, Origin: ORIGIN, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          intent: "association",
          associationId,
          "participants.0.name": `Participant ${i}`,
          "participants.0.email": `participant-${i}@processus.test`,
        }),
      });
      await response.arrayBuffer();
      return { status: response.status, location: response.headers.get("location") };
    }),
  );

  // Every post was handled: a redirect back to the event with its flash message, never a 5xx.
  const statuses = new Map<number, number>();
  for (const { status } of answers) statuses.set(status, (statuses.get(status) ?? 0) + 1);
  expect(Object.fromEntries(statuses)).toEqual({ 302: ATTEMPTS });
  expect(answers.filter((a) => !a.location || new URL(a.location, ORIGIN).pathname !== `/evenements/${event.slug}`)).toEqual([]);

  const rows = await db.registration.findMany({
    where: { eventId: event.id },
    select: { status: true, waitlistPosition: true, email: true },
  });
  expect(rows).toHaveLength(ATTEMPTS);
  expect(new Set(rows.map((r) => r.email)).size).toBe(ATTEMPTS);
  const confirmed = rows.filter((r) => r.status === "confirmee");
  const waiting = rows.filter((r) => r.status === "liste_attente");
  expect(confirmed).toHaveLength(CAPACITY);
  expect(confirmed.every((r) => r.waitlistPosition === null)).toBe(true);
  expect(waiting).toHaveLength(ATTEMPTS - CAPACITY);
  // Unique and without gaps: exactly 1, 2, …, 150.
  expect(waiting.map((r) => r.waitlistPosition).sort((x, y) => x! - y!)).toEqual(
    Array.from({ length: ATTEMPTS - CAPACITY }, (_, n) => n + 1),
  );
});

// ── The access matrix (tests/access-matrix.ts, as e2e/access-matrix.spec.ts) ──
test("every route answers every kind of user as the access policy declares, on both processes", async () => {
  const manifest = await loadManifest(process.env.BUILD_DIR!);
  expect(policyCoverage(manifest)).toEqual({ undeclared: [], stale: [] });
  const sessionCookie = async (userId: string) => (await createSessionFor(userId)).cookie;
  let n = 0;
  const uniqueEmail = (prefix: string) => `${prefix}-${++n}-${randomBytes(3).toString("hex")}@processus.test`;
  const uploadsDir = path.join(portals.dataDir, "uploads");
  // Twice, side by side, each on a fixture of its own (one pass's actions must not change what the
  // other sees), the second starting on the other process: every request of the matrix goes once to A,
  // once to B.
  const fixtures: AccessFixture[] = [];
  for (let pass = 0; pass < 2; pass++) fixtures.push(await buildAccessFixture(portals.db, { uploadsDir, uniqueEmail }));
  const passes = await Promise.all(
    ([0, 1] as const).map((first) =>
      checkAccessMatrix({ manifest, fixture: fixtures[first], send: portals.roundRobin(first), origin: ORIGIN, sessionCookie }),
    ),
  );
  console.log(`Matrice d'accès sur deux processus : 2 × ${passes[0].checked} requêtes sur ${passes[0].routes} routes.`);
  expect(passes[0].checked).toBeGreaterThan(0);
  expect(passes.map((p) => p.mismatches)).toEqual([[], []]);
});

// ── The public page cache (decision 008) across processes ─────────────
// Each process keeps its own cache of anonymous pages; a change made through one must empty the
// other's too (issue 14: LISTEN/NOTIFY), or B serves the directory as it was for PAGE_CACHE_SECONDS.
/** A process's /annuaire, fetched until it shows `word` or `deadline` passes: its last body. */
async function directoryUntil(base: string, word: string, deadline: number, what: string) {
  let body = "";
  await waitUntil(
    async () => {
      body = await (await fetch(`${base}/annuaire`)).text();
      return body.includes(word) || Date.now() > deadline;
    },
    PAGE_CACHE_SECONDS * 1000,
    what,
  );
  return body;
}

test("a change made through process A shows within seconds on process B's cached directory", async () => {
  const { a, b, db } = portals;
  // B's directory rendered (a miss: when it was cached is known), then served from its cache (a
  // hit). Notices of the earlier tests' changes may still be arriving and empty it: render again.
  let before = "";
  let cachedAt = 0;
  await waitUntil(
    async () => {
      const response = await fetch(`${b.base}/annuaire`);
      const body = await response.text();
      expect(response.status).toBe(200);
      if (response.headers.get("x-page-cache") === "hit") return cachedAt > 0;
      [before, cachedAt] = [body, Date.now()];
      return false;
    },
    (PAGE_CACHE_SECONDS + 10) * 1000,
    "annuaire de B rendu puis servi depuis son cache",
  );
  // An association listed on that page: its profile is what A changes.
  const listed = (await editableAssociations(db, 200)).find((x) => before.includes(`href="/annuaire/${x.slug}"`));
  expect(listed, "aucune association de l'annuaire sur sa première page").toBeDefined();

  const word = randomWord();
  const session = await memberSession(db, [listed!.id]);
  expect(await editProfile(a, session, listed!, word)).toBe(302);
  // A answered without waiting for the index (decision 037); its background sync, once done, empties the
  // cached pages of A and, through the bus, of B. Within seconds, far less than the cache's lifetime.
  const onA = await directoryUntil(a.base, word, Date.now() + 10_000, "annuaire de A");
  expect(onA.includes(word), "A sert encore un annuaire d'avant la fin de sa synchronisation").toBe(true);

  // The notice from A reaches B asynchronously: a few seconds at most, far less than B's cache lifetime,
  // so only an emptied cache can show the change in that time.
  const deadline = Math.min(Date.now() + 10_000, cachedAt + (PAGE_CACHE_SECONDS - 5) * 1000);
  const after = await directoryUntil(b.base, word, deadline, "annuaire de B");
  expect(after.includes(word), "B sert encore l'annuaire mis en cache avant la modification faite par A").toBe(true);
});
