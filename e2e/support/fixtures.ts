// Shared helpers for the journeys: direct database access (the same SQLite file the
// portal uses), users and sessions made without the login form (removed after each test),
// the mailbox, axe.
import "./env";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { createSessionFor, SESSION_COOKIE_NAME } from "../../app/accounts/sessions.server";
import { createPrismaClient, type Db } from "../../app/db.server";
import { createAssociation, type AssociationData } from "../../prisma/factories/association";
import { addMembership, createUser, TEST_PASSWORD } from "../../prisma/factories/user";
import type { Role } from "../../app/accounts/roles";
import { enqueueSearchSync } from "../../search/sync";
import { databaseProviderOf } from "../../app/lib/database-provider";
import { E2E_DATABASE_URL, E2E_MAILBOX, E2E_URL } from "./paths";

let sharedDb: Db | undefined;
export function getDb(): Db {
  sharedDb ??= createPrismaClient(E2E_DATABASE_URL);
  return sharedDb;
}

export { TEST_PASSWORD };

export function uniqueEmail(prefix: string) {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}@exemple.test`;
}

export { SESSION_COOKIE_NAME };

// ── What the fixtures create, removed when the test ends ────────────
// Both workers share one database: what a test made for itself goes away with it, so the
// database does not grow with every run. What the portal wrote about a user or an association
// during the test (audit events, dossiers, documents, signatures…) is the test's evidence and
// may be looked at from pages other tests open: a user or an association that such a row
// names stays (only its sessions go). Rows a spec makes itself through the factories are its own.

type Created = { sessions: string[]; users: string[]; associations: string[] };
const nothingCreated = (): Created => ({ sessions: [], users: [], associations: [] });
/** Made outside a test (in a beforeAll): removed when the worker stops. */
const createdByWorker = nothingCreated();
/** Made by the running test: removed when it ends. */
let createdByTest: Created | null = null;
const created = () => createdByTest ?? createdByWorker;

/** Every column where the portal writes a user's id without a foreign key (see prisma/schema.prisma). */
const USER_ID_COLUMNS = [
  ["AuditEvent", "actorId"],
  ["AuditEvent", "entityId"],
  ["Invitation", "invitedById"],
  ["Document", "uploadedById"],
  ["CallReviewer", "userId"],
  ["Dossier", "declarationSignerId"],
  ["Dossier", "createdById"],
  ["Dossier", "updatedById"],
  ["DossierSubmission", "submittedById"],
  ["Annotation", "authorId"],
  ["Score", "reviewerId"],
  ["ConflictOfInterest", "reviewerId"],
  ["Message", "authorId"],
  ["CharterVersion", "publishedById"],
  ["CharterSignature", "userId"],
  ["Registration", "registeredById"],
] as const;

async function isReferenced(db: Db, id: string, columns: readonly (readonly [string, string])[]) {
  const placeholder = (n: number) => (databaseProviderOf(E2E_DATABASE_URL) === "postgresql" ? `$${n + 1}` : "?");
  const union = columns.map(([table, column], n) => `SELECT 1 FROM "${table}" WHERE "${column}" = ${placeholder(n)}`).join(" UNION ALL ");
  const [row] = await db.$queryRawUnsafe<{ used: number | bigint }[]>(`SELECT EXISTS (${union}) AS used`, ...columns.map(() => id));
  return Number(row.used) > 0;
}

/** Nothing but the association itself and its fixture-made membership (gone with its user). */
async function associationIsUntouched(db: Db, id: string) {
  const row = await db.association.findUnique({
    where: { id },
    select: {
      _count: {
        select: {
          memberships: true,
          invitations: true,
          documents: true,
          dossiers: true,
          subsidies: true,
          signatures: true,
          registrations: true,
        },
      },
    },
  });
  if (!row) return false;
  if (Object.values(row._count).some((count) => count > 0)) return false;
  return !(await isReferenced(db, id, [["AuditEvent", "entityId"]]));
}

async function removeCreated({ sessions, users, associations }: Created) {
  if (sessions.length + users.length + associations.length === 0) return;
  const db = getDb();
  // Sessions first: those the fixtures opened, and those the test's users opened by logging in.
  // In slices: a journey opening many sessions (the access matrix) would pass SQLite's parameter limit.
  for (let i = 0; i < sessions.length; i += 500) await db.session.deleteMany({ where: { id: { in: sessions.slice(i, i + 500) } } });
  for (let i = 0; i < users.length; i += 500) await db.session.deleteMany({ where: { userId: { in: users.slice(i, i + 500) } } });
  for (const id of users) {
    // Memberships and password resets go with the user (foreign keys, on delete cascade).
    if (!(await isReferenced(db, id, USER_ID_COLUMNS))) await db.user.deleteMany({ where: { id } });
  }
  for (const id of associations) {
    if (!(await associationIsUntouched(db, id))) continue;
    await db.association.deleteMany({ where: { id } });
    // The running portal replays the outbox: a missing association leaves the directory index.
    await enqueueSearchSync(db, [id]);
  }
}

/**
 * The portal's own session for that user (its id is the cookie's value), removed when the
 * test ends.
 */
export async function createSession(userId: string) {
  const session = await createSessionFor(userId);
  created().sessions.push(session.id);
  return session.id;
}

/** A `Cookie` header for a fresh session of that user, for requests made outside the browser. */
export async function sessionCookieFor(userId: string) {
  return `${SESSION_COOKIE_NAME}=${await createSession(userId)}`;
}

/** A session and its cookie in the page's browser context. */
export async function signIn(page: Page, userId: string) {
  const id = await createSession(userId);
  await page.context().addCookies([{ name: SESSION_COOKIE_NAME, value: id, url: E2E_URL, httpOnly: true, sameSite: "Lax" }]);
  return id;
}

export type LoginOptions = {
  role?: Role;
  association?: Partial<AssociationData> | { id: string };
  representative?: boolean;
  name?: string;
};

/**
 * `loginAs(page, "staff")`, `loginAs(page, "member", { representative: true })`: a new user
 * (with a new validated association for members, unless one is given), signed in; both are
 * removed when the test ends, unless the portal wrote something about them.
 */
export async function loginAs(page: Page, role: Role = "member", options: Omit<LoginOptions, "role"> = {}) {
  const db = getDb();
  const user = await createUser(db, { role, email: uniqueEmail(role), name: options.name });
  created().users.push(user.id);
  let associationId: string | null = null;
  if (role === "member") {
    if (options.association && "id" in options.association) {
      associationId = options.association.id;
    } else {
      associationId = (await createAssociation(db, { status: "validated", ...(options.association ?? {}) })).id;
      created().associations.push(associationId);
    }
    await addMembership(db, user.id, associationId, options.representative ?? false, options.representative ? "Président·e" : "Bénévole");
  }
  await signIn(page, user.id);
  return { ...user, associationId };
}

export type Mail = {
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  attachments: { filename: string; contentType: string; content: string }[];
  /** The List-Unsubscribe header line as received, or null. */
  listUnsubscribe?: string | null;
  /** Each header's raw line by lower-case name ("list-unsubscribe": "List-Unsubscribe: <…>"). */
  headers?: Record<string, string>;
};

export function readMailbox(): Mail[] {
  if (!existsSync(E2E_MAILBOX)) return [];
  const lines = readFileSync(E2E_MAILBOX, "utf8").split("\n");
  // The listener appends one line per message: a last line without its newline is still being
  // written (a large message is not one write), so it is read on the next look, never half.
  lines.pop();
  return lines.filter(Boolean).map((line) => JSON.parse(line) as Mail);
}

/** Waits for a message delivered over SMTP to this address whose subject matches. */
export async function waitForMail(to: string, subject: RegExp, timeoutMs = 10_000): Promise<Mail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = readMailbox()
      .reverse()
      .find((m) => m.to.includes(to.toLowerCase()) && subject.test(m.subject));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`Aucun courriel « ${subject} » pour ${to}.`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export function linkIn(mail: Mail, pathPrefix: string): string {
  const match = mail.text.match(new RegExp(`https?://[^\\s]+${pathPrefix.replace(/[/]/g, "\\/")}[^\\s]*`));
  if (!match) throw new Error(`Pas de lien ${pathPrefix} dans le courriel « ${mail.subject} ».`);
  return match[0];
}

/** No serious or critical axe violation on the page as it is now. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    blocking.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    ),
    `axe sur ${page.url()}`,
  ).toEqual([]);
}

/** Playwright's `test`, which removes at the end of each test what the fixtures above made for it. */
export const test = base.extend<{ removeCreatedRows: void }, { removeWorkerRows: void }>({
  removeWorkerRows: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function needs from this pattern
    async ({}, use) => {
      await use();
      await removeCreated(createdByWorker);
    },
    { scope: "worker", auto: true },
  ],
  removeCreatedRows: [
    // eslint-disable-next-line no-empty-pattern -- as above
    async ({}, use) => {
      const mine = nothingCreated();
      createdByTest = mine;
      await use();
      createdByTest = null;
      await removeCreated(mine);
    },
    { auto: true },
  ],
});
export { expect };
