// Property-based: random and hostile form data thrown at every action of the manifest, as a
// user the access policy allows, with the field names the page's own forms use. Never a 5xx;
// a refusal (400) always comes back as a page that shows its messages.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { ACCESS_POLICY, ACTORS, type Actor, type RouteParams } from "../app/accounts/access-policy";
import { createAssociation } from "../prisma/factories/association";
import { createCall } from "../prisma/factories/call";
import { createDossier } from "../prisma/factories/dossier";
import { createEvent } from "../prisma/factories/event";
import { createConsultation, createNetworkPost } from "../prisma/factories/network";
import { createConversation } from "../prisma/factories/conversations";
import { addMembership, createUser } from "../prisma/factories/user";
import { E2E_PORT, E2E_URL } from "./support/paths";
import { expect, getDb, sessionCookieFor, test, uniqueEmail } from "./support/fixtures";

type ManifestRoute = { id: string; path?: string; parentId?: string; module: { action?: unknown } };

const HOSTILE = [
  "",
  " ",
  "' OR 1=1 --",
  '"><img src=x onerror=alert(1)>',
  "<script>alert(1)</script>",
  "../../../../etc/passwd",
  "\u0000",
  "\uFEFF\u202E",
  "🙂".repeat(50),
  "a".repeat(20_000),
  "-1",
  "0",
  "1e309",
  "NaN",
  "99999999999999999999",
  "2026-02-30T25:61",
  "null",
  "undefined",
  "[object Object]",
  "__proto__",
  "on",
  "W251002867",
  "73282932000074",
  "1 234,56",
];

// Intents that succeed whatever the data and change what every other journey sees (the CCAS's logo,
// which the access matrix expects): covered by app/settings/identity.server.test.ts, not thrown at here.
const SHARED_STATE_INTENTS = new Set(["remove-logo"]);

const value = fc.oneof(fc.constantFrom(...HOSTILE), fc.string(), fc.string({ unit: "grapheme", maxLength: 200 }), fc.integer().map(String));

test("no action answers random or hostile form data with a server error", async () => {
  test.setTimeout(900_000);
  const buildDir = process.env.BUILD_DIR ?? `.tmp/build-${E2E_PORT}`;
  const build = (await import(pathToFileURL(path.resolve(buildDir, "index.js")).href)) as { routes: Record<string, ManifestRoute> };
  const routes = Object.values(build.routes).filter((r) => r.module.action && r.id !== "root");

  const db = getDb();
  const association = await createAssociation(db, { name: "Association des essais hostiles" });
  const member = await createUser(db, { email: uniqueEmail("hostile-membre") });
  await addMembership(db, member.id, association.id, true);
  const staff = await createUser(db, { email: uniqueEmail("hostile-staff"), role: "staff" });
  const admin = await createUser(db, { email: uniqueEmail("hostile-admin"), role: "admin" });
  const call = await createCall(db, { status: "publie", reviewerIds: [staff.id] });
  const dossier = await createDossier(db, {
    callId: call.id,
    associationId: association.id,
    state: "en_construction",
    signerId: member.id,
  });
  const event = await createEvent(db, { audience: "associations" });
  const subsidy = await db.subsidy.create({
    data: {
      number: `SUB-HOSTILE-${randomBytes(3).toString("hex")}`,
      associationId: association.id,
      purpose: "Essai",
      requestedCents: 100_000,
      proposedCents: 100_000,
      votedCents: 100_000,
      financialYear: 2026,
    },
  });
  const report = await db.financialReport.create({
    data: { subsidyId: subsidy.id, financialYear: 2026, dueDate: new Date(Date.now() + 90 * 86400_000) },
  });
  // The network's records (issue 18): the association's own post, a conversation with another one, an open consultation, a news item.
  const post = await createNetworkPost(db, association.id, { authorId: member.id });
  const other = await createAssociation(db, { name: "Autre association des essais hostiles" });
  const conversation = await createConversation(db, {
    fromAssociationId: other.id,
    toAssociationId: association.id,
    subject: "Essais hostiles",
  });
  const consultation = await createConsultation(db, { title: "Consultation des essais hostiles" });
  const news = await db.newsItem.create({ data: { title: "Actualité des essais hostiles", body: "Texte." } });
  const params: Partial<Record<RouteParams, string>> = {
    associationB: association.id,
    associationSlugB: association.slug,
    dossierB: dossier.id,
    step: "projet",
    subsidyB: subsidy.id,
    reportB: report.id,
    call: call.id,
    callSlug: call.slug,
    event: event.id,
    eventSlug: event.slug,
    invalidToken: "jeton-invalide",
    networkPostB: post.id,
    conversationB: conversation.id,
    consultation: consultation.id,
    news: news.id,
  };
  // The association here plays the policy's "B": its representative may do what B's member may.
  const users: Record<Exclude<Actor, "public">, string> = {
    memberA: member.id,
    memberB: member.id,
    repA: member.id,
    staff: staff.id,
    admin: admin.id,
  };

  const session = async (actor: Actor): Promise<Record<string, string>> => {
    if (actor === "public") return {};
    return { Cookie: await sessionCookieFor(users[actor]) };
  };

  const failures: string[] = [];
  const runs = Number(process.env.HOSTILE_RUNS ?? 12);
  let requests = 0;
  let tested = 0;
  for (const route of routes) {
    const policy = ACCESS_POLICY[route.id];
    if (!policy) continue; // the access matrix fails on undeclared routes
    tested++;
    const actor = (["memberB", "staff", "admin", "public"] as const).find((a) => policy.action[a] === "ok") ?? ACTORS[0];
    let url = `/${route.path ?? ""}`;
    for (const [name, source] of Object.entries(policy.params ?? {}))
      url = url.replace(`:${name}`, encodeURIComponent(params[source] ?? "x"));

    // The field names and intents the page's own forms use.
    const html = await (await fetch(`${E2E_URL}${url}`, { headers: await session(actor) })).text();
    const names = [...new Set([...html.matchAll(/<(?:input|select|textarea)[^>]*\bname="([^"]+)"/g)].map((m) => m[1]))];
    const intents = [...new Set([...html.matchAll(/<button[^>]*\bname="intent"[^>]*\bvalue="([^"]+)"/g)].map((m) => m[1]))].filter(
      (intent) => !SHARED_STATE_INTENTS.has(intent),
    );
    const fieldNames = names.length ? names : ["champ"];
    const before = failures.length;

    await fc
      .assert(
        fc.asyncProperty(
          fc.dictionary(fc.constantFrom(...fieldNames), fc.oneof(value, fc.array(value, { maxLength: 3 })), { maxKeys: fieldNames.length }),
          fc.option(fc.constantFrom(...(intents.length ? intents : ["x"])), { nil: undefined }),
          async (fields, intent) => {
            const body = new URLSearchParams();
            for (const [key, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) body.append(key, item);
            if (intent) body.set("intent", intent);
            for (const [key, source] of Object.entries(policy.probe ?? {})) if (!body.has(key)) body.set(key, params[source] ?? "");
            const response = await fetch(`${E2E_URL}${url}`, {
              method: "POST",
              redirect: "manual",
              headers: { ...(await session(actor)), Origin: E2E_URL, "Content-Type": "application/x-www-form-urlencoded" },
              body,
            });
            const text = await response.text();
            requests++;
            if (response.status >= 500) {
              failures.push(`POST ${url} (${route.id}) en tant que ${actor} → ${response.status} avec ${body.toString().slice(0, 300)}`);
              return false;
            }
            if (response.status === 400 && (response.headers.get("content-type") ?? "").includes("text/html")) {
              // A refusal shows what is wrong: an error summary, a field message or the error page.
              const explains = /role="alert"|class="field-error"|<h1>Requête invalide<\/h1>|class="alert alert-error"/.test(text);
              if (!explains) {
                failures.push(`POST ${url} (${route.id}) : 400 sans message visible`);
                return false;
              }
            }
            return true;
          },
        ),
        { numRuns: runs, seed: Number(process.env.HOSTILE_SEED ?? 20261123), endOnFailure: true },
      )
      .catch((error: unknown) => {
        // A property that answered false is already in failures; anything thrown (a refused, reset
        // or dropped connection, a body that would not read) is a failure too, never a pass.
        if (failures.length === before)
          failures.push(
            `POST ${url} (${route.id}) : ${error instanceof Error ? error.message.split("\n").slice(0, 6).join(" ") : String(error)}`,
          );
      });
  }
  console.log(`Entrées hostiles : ${requests} requêtes sur ${tested} actions.`);
  expect(failures).toEqual([]);
  // Every action declared in the policy was tried, each with every run: no route skipped unseen.
  expect(tested).toBe(routes.length);
  expect(requests).toBeGreaterThanOrEqual(tested * runs);
});
