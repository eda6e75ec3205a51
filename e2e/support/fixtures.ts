// Shared helpers for the journeys: direct database access (the same SQLite file the
// portal uses), users and sessions made without the login form, the mailbox, axe.
import "./env";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { createPrismaClient, type Db } from "../../app/db.server";
import { createAssociation, type AssociationData } from "../../prisma/factories/association";
import { addMembership, createUser, TEST_PASSWORD } from "../../prisma/factories/user";
import type { Role } from "../../app/accounts/roles";
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

const SESSION_COOKIE = "ccas_session";

/** A session row, as Lucia would have made it at login; its id is the cookie's value. */
export async function createSession(userId: string) {
  const id = randomBytes(20).toString("hex");
  await getDb().session.create({ data: { id, userId, expiresAt: new Date(Date.now() + 2 * 3600_000) } });
  return id;
}

/** A `Cookie` header for a fresh session of that user, for requests made outside the browser. */
export async function sessionCookieFor(userId: string) {
  return `${SESSION_COOKIE}=${await createSession(userId)}`;
}

/** A session row and its cookie in the page's browser context. */
export async function signIn(page: Page, userId: string) {
  const id = await createSession(userId);
  await page.context().addCookies([{ name: SESSION_COOKIE, value: id, url: E2E_URL, httpOnly: true, sameSite: "Lax" }]);
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
 * (with a new validated association for members, unless one is given), signed in.
 */
export async function loginAs(page: Page, role: Role = "member", options: Omit<LoginOptions, "role"> = {}) {
  const db = getDb();
  const user = await createUser(db, { role, email: uniqueEmail(role), name: options.name });
  let associationId: string | null = null;
  if (role === "member") {
    associationId =
      options.association && "id" in options.association
        ? options.association.id
        : (await createAssociation(db, { status: "validated", ...(options.association ?? {}) })).id;
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
};

export function readMailbox(): Mail[] {
  if (!existsSync(E2E_MAILBOX)) return [];
  return readFileSync(E2E_MAILBOX, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Mail);
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

export const test = base;
export { expect };
