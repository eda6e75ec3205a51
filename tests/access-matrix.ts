// The whole access matrix: every route of the build's own manifest, its loader (GET) and its
// action (POST), as each kind of user, against records that association B owns. Any answer
// other than the one app/accounts/access-policy.ts declares is a mismatch, and so is an undeclared
// route. Run by the end-to-end suite (e2e/access-matrix.spec.ts, one portal) and against two
// portal processes (tests/processes/): each passes how it reaches the portal and makes sessions.
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ACCESS_POLICY, ACTORS, type Actor, type Outcome, type RouteParams } from "../app/accounts/access-policy";
import type { Db } from "../app/db.server";
import { createAssociation } from "../prisma/factories/association";
import { createCall } from "../prisma/factories/call";
import { createDossier } from "../prisma/factories/dossier";
import { snapshotSha256, type SubmissionSnapshot } from "../app/dossiers/submission-snapshot";
import { createEvent, createRegistration } from "../prisma/factories/event";
import { createConsultation, createNetworkPost } from "../prisma/factories/network";
import { createSocialProject } from "../prisma/factories/steering";
import { createConversation } from "../prisma/factories/conversations";
import { addMembership, createUser } from "../prisma/factories/user";

export type ManifestRoute = {
  id: string;
  path?: string;
  parentId?: string;
  index?: boolean;
  module: { loader?: unknown; action?: unknown };
};

/** The routes of the production build in `buildDir` (what the portal serves). */
export async function loadManifest(buildDir: string): Promise<ManifestRoute[]> {
  const build = (await import(pathToFileURL(path.resolve(buildDir, "index.js")).href)) as { routes: Record<string, ManifestRoute> };
  return Object.values(build.routes);
}

/** Routes of the build missing from the policy, and policy entries without a route. */
export function policyCoverage(manifest: ManifestRoute[]) {
  const ids = new Set(manifest.map((r) => r.id));
  return {
    undeclared: [...ids].filter((id) => !(id in ACCESS_POLICY)),
    stale: Object.keys(ACCESS_POLICY).filter((id) => !ids.has(id)),
  };
}

function fullPath(route: ManifestRoute, routes: Map<string, ManifestRoute>): string {
  const parts: string[] = [];
  for (let r: ManifestRoute | undefined = route; r; r = r.parentId ? routes.get(r.parentId) : undefined) if (r.path) parts.unshift(r.path);
  return `/${parts.join("/")}`;
}

export type AccessFixture = Awaited<ReturnType<typeof buildAccessFixture>>;

/** A SIRET with a valid key, for the CCAS when the database has none. */
export const ACCESS_MATRIX_SIRET = "21250056500008";

/** Associations A and B, one of everything owned by B, and the users of every kind of actor. */
export async function buildAccessFixture(db: Db, options: { uploadsDir: string; uniqueEmail: (prefix: string) => string }) {
  const { uniqueEmail } = options;
  const associationA = await createAssociation(db, { name: "Association A (matrice)" });
  const associationB = await createAssociation(db, { name: "Association B (matrice)" });
  const users = {
    memberA: await createUser(db, { email: uniqueEmail("membre-a") }),
    memberB: await createUser(db, { email: uniqueEmail("membre-b") }),
    repA: await createUser(db, { email: uniqueEmail("rep-a") }),
    repB: await createUser(db, { email: uniqueEmail("rep-b") }),
    staff: await createUser(db, { email: uniqueEmail("instructeur"), role: "staff" }),
    admin: await createUser(db, { email: uniqueEmail("admin"), role: "admin" }),
  };
  await addMembership(db, users.memberA.id, associationA.id, false);
  await addMembership(db, users.repA.id, associationA.id, true);
  await addMembership(db, users.memberB.id, associationB.id, false);
  await addMembership(db, users.repB.id, associationB.id, true);

  const call = await createCall(db, { status: "publie", reviewerIds: [users.staff.id] });
  const dossier = await createDossier(db, {
    callId: call.id,
    associationId: associationB.id,
    state: "en_construction",
    signerId: users.repB.id,
  });
  mkdirSync(options.uploadsDir, { recursive: true });
  const storedName = `matrice-${randomBytes(6).toString("hex")}.pdf`;
  writeFileSync(path.join(options.uploadsDir, storedName), "%PDF-1.4\n% matrice\n");
  const document = await db.document.create({
    data: {
      associationId: associationB.id,
      kind: "statuts",
      label: "Statuts",
      originalName: "statuts.pdf",
      storedName,
      mimeType: "application/pdf",
      size: 20,
      sha256: "0",
    },
  });
  await db.dossierAttachment.create({ data: { dossierId: dossier.id, documentId: document.id, kind: "statuts" } });
  await db.annotation.create({ data: { dossierId: dossier.id, authorId: users.staff.id, body: "Note interne de la matrice" } });
  const submittedAt = new Date();
  const snapshot: SubmissionSnapshot = {
    version: 1,
    kind: "depot",
    depositedAt: submittedAt.toISOString(),
    depositedBy: { id: users.repB.id, name: users.repB.name },
    ccas: { name: "CCAS", longName: "Centre communal d'action sociale" },
    dossier: { id: dossier.id, number: dossier.number, projectTitle: "Projet de B", requestedCents: 3_000_000 },
    association: { id: associationB.id, name: associationB.name, rna: "", siret: "" },
    call: { id: call.id, title: call.title, financialYear: call.financialYear },
    sections: [],
    budget: {
      charges: [],
      income: [],
      inKind: [],
      totals: { chargesCents: 0, incomeCents: 0, inKindChargesCents: 0, inKindIncomeCents: 0, ccasCents: 3_000_000 },
    },
    declaration: { items: [], signedAt: null, signerName: null },
    attachments: [
      {
        documentId: document.id,
        kind: "statuts",
        kindLabel: "Statuts",
        originalName: "statuts.pdf",
        mimeType: "application/pdf",
        size: 20,
        sha256: "0",
      },
    ],
  };
  const submission = await db.dossierSubmission.create({
    data: { dossierId: dossier.id, kind: "depot", submittedAt, submittedById: users.repB.id, snapshot, sha256: snapshotSha256(snapshot) },
  });
  await db.message.create({ data: { dossierId: dossier.id, authorId: users.memberB.id, fromStaff: false, body: "Message de B" } });
  const subsidy = await db.subsidy.create({
    data: {
      number: `SUB-MATRICE-${randomBytes(3).toString("hex")}`,
      associationId: associationB.id,
      purpose: "Projet de B",
      requestedCents: 3_000_000,
      proposedCents: 2_500_000,
      votedCents: 2_500_000,
      decisionDate: new Date(),
      deliberationRef: "CA-2026-99",
      financialYear: new Date().getFullYear(),
    },
  });
  await db.convention.create({ data: { subsidyId: subsidy.id, status: "signee", signedAt: new Date(), signedDocumentId: document.id } });
  await db.instalment.create({
    data: { subsidyId: subsidy.id, kind: "avance", amountCents: 2_500_000, plannedDate: new Date(), position: 0 },
  });
  const report = await db.financialReport.create({
    data: { subsidyId: subsidy.id, financialYear: new Date().getFullYear(), dueDate: new Date(Date.now() + 200 * 86400_000) },
  });
  const version = await db.charterVersion.findFirstOrThrow({ where: { publishedAt: { not: null } }, orderBy: { version: "desc" } });
  const signature = await db.charterSignature.create({
    data: {
      versionId: version.id,
      associationId: associationB.id,
      userId: users.repB.id,
      signerName: "Représentante B",
      signerRole: "Présidente",
      ip: "127.0.0.1",
      userAgent: "matrice",
      textSha256: version.sha256 ?? "",
    },
  });
  const event = await createEvent(db, { audience: "associations", title: "Rencontre de la matrice" });
  await createRegistration(db, {
    eventId: event.id,
    associationId: associationB.id,
    name: "Participant B",
    email: uniqueEmail("participant-b"),
    status: "confirmee",
  });

  // The SCDL file is published once the CCAS's SIRET is configured, and /logo answers 404 until a
  // logo is stored (the demo seed has neither): the fixture stores both, then lets the portal's
  // reference cache (a few seconds) see them.
  const settings = await db.portalSettings.findUnique({ where: { id: "ccas" }, select: { siret: true, logoType: true } });
  if (!settings?.siret || !settings.logoType) {
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
    const missing = {
      ...(settings?.siret ? {} : { siret: ACCESS_MATRIX_SIRET }),
      ...(settings?.logoType ? {} : { logo: png, logoType: "image/png" }),
    };
    await db.portalSettings.upsert({
      where: { id: "ccas" },
      create: {
        id: "ccas",
        name: "CCAS",
        longName: "Centre communal d'action sociale",
        siret: ACCESS_MATRIX_SIRET,
        logo: png,
        logoType: "image/png",
      },
      update: missing,
    });
    await new Promise((resolve) => setTimeout(resolve, 6_000));
  }
  const rnaImport = await db.rnaImport.create({
    data: { mode: "dry_run", status: "done", fileName: "rna_waldec_matrice.csv", sha256: "0", sizeBytes: 0, finishedAt: new Date() },
  });

  // An answered expert opinion on B's dossier, with its file: its link's token is known here only.
  const opinionToken = randomBytes(32).toString("base64url");
  const opinionFile = `avis-matrice-${randomBytes(6).toString("hex")}.pdf`;
  writeFileSync(path.join(options.uploadsDir, opinionFile), "%PDF-1.4\n% avis de la matrice\n");
  const opinion = await db.expertOpinion.create({
    data: {
      dossierId: dossier.id,
      expertName: "Élue de la matrice",
      expertEmail: uniqueEmail("avis"),
      question: "Votre avis sur le projet de B ?",
      dueAt: new Date(Date.now() + 7 * 86400_000),
      tokenHash: createHash("sha256").update(opinionToken).digest("hex"),
      requestedById: users.staff.id,
      answeredAt: new Date(),
      answer: "Avis favorable.",
      fileName: "avis.pdf",
      fileStoredName: opinionFile,
      fileMimeType: "application/pdf",
      fileSize: 30,
      fileSha256: "0",
    },
  });

  // A social project far in time, so it covers no year another journey uses.
  const farYear = 2500 + Math.floor(Math.random() * 400) * 10;
  const socialProject = await createSocialProject(db, { title: "Projet social de la matrice", startYear: farYear, endYear: farYear + 4 });

  // B's need on the network (issue 18).
  const networkPostB = await createNetworkPost(db, associationB.id, { title: "Besoin de la matrice", authorId: users.memberB.id });
  // A conversation of B with a third association (A's members are not a side of it).
  const associationC = await createAssociation(db, { name: "Association C (matrice)" });
  const conversation = await createConversation(db, {
    fromAssociationId: associationC.id,
    toAssociationId: associationB.id,
    subject: "Conversation de la matrice",
  });
  // An open consultation whose required question an empty post leaves unanswered (400, nothing saved).
  const consultation = await createConsultation(db, { title: "Consultation de la matrice" });
  // A published news item (issue 18), never e-mailed: the matrix's probes cannot send it.
  const news = await db.newsItem.create({ data: { title: "Actualité de la matrice", body: "Texte.", publishedAt: new Date() } });

  const params: Record<RouteParams, string> = {
    associationB: associationB.id,
    associationSlugB: associationB.slug,
    dossierB: dossier.id,
    submissionB: submission.id,
    step: "projet",
    documentB: document.id,
    subsidyB: subsidy.id,
    reportB: report.id,
    subsidyDocumentB: document.id,
    signatureB: signature.id,
    call: call.id,
    callSlug: call.slug,
    event: event.id,
    eventSlug: event.slug,
    charterVersion: String(version.version),
    rnaImport: rnaImport.id,
    // A district every database has (the reference-data migration inserts it).
    taxonomyKind: "quartiers",
    taxonomyTerm: "toute-la-ville",
    invalidToken: "jeton-invalide-0000",
    opinionToken,
    opinionB: opinion.id,
    socialProject: socialProject.id,
    networkPostB: networkPostB.id,
    conversationB: conversation.id,
    consultation: consultation.id,
    news: news.id,
  };
  const actorUsers: Record<Exclude<Actor, "public">, string> = {
    memberA: users.memberA.id,
    memberB: users.memberB.id,
    repA: users.repA.id,
    staff: users.staff.id,
    admin: users.admin.id,
  };
  return { params, actorUsers };
}

function classify(method: "GET" | "POST", status: number, location: string | undefined, origin: string): Outcome | number {
  if (status >= 300 && status < 400) {
    if (location && new URL(location, origin).pathname === "/connexion") return "login";
    return method === "GET" ? "redirect" : "ok";
  }
  if (status === 403 || status === 404 || status === 405) return status;
  if (method === "GET") return status === 200 ? "ok" : status;
  return status < 300 || [400, 409, 422, 429].includes(status) ? "ok" : status;
}

export type MatrixOptions = {
  manifest: ManifestRoute[];
  fixture: AccessFixture;
  /** One request to the portal, by path and query ("/annuaire?q=x"), redirects not followed, no cookie jar. */
  send: (pathAndQuery: string, init: RequestInit) => Promise<Response>;
  /** PUBLIC_URL's origin: the `Origin` of the portal's own forms. */
  origin: string;
  /** A `Cookie` header for a fresh session of that user: some actions (logout) end the one they run under. */
  sessionCookie: (userId: string) => Promise<string>;
};

/** Every route × actor × method against the policy, and the cross-site post refused; returns what did not match. */
export async function checkAccessMatrix({ manifest, fixture, send, origin, sessionCookie }: MatrixOptions) {
  const { params, actorUsers } = fixture;
  const byId = new Map(manifest.map((r) => [r.id, r]));
  const cookieFor = async (actor: Actor): Promise<Record<string, string>> =>
    actor === "public" ? {} : { Cookie: await sessionCookie(actorUsers[actor]) };
  const mismatches: string[] = [];
  let checked = 0;

  for (const route of manifest) {
    if (route.id === "root") continue; // its loader runs under every page below
    const policy = ACCESS_POLICY[route.id];
    if (!policy) continue; // reported by policyCoverage
    let url = fullPath(route, byId);
    for (const [name, source] of Object.entries(policy.params ?? {})) url = url.replace(`:${name}`, encodeURIComponent(params[source]));
    if (/:[a-zA-Z]/.test(url)) {
      mismatches.push(`${route.id} : paramètre non renseigné dans ${url}`);
      continue;
    }

    // A cross-site post is refused before any route code runs, whoever the session is.
    if (route.module.action) {
      const forged = await send(url, {
        method: "POST",
        redirect: "manual",
        headers: {
          ...(await cookieFor("admin")),
          Origin: "https://site-malveillant.example",
          "Content-Type": "application/x-www-form-urlencoded",
        },
        body: new URLSearchParams({ intent: "sonde-de-la-matrice" }),
      });
      await forged.arrayBuffer();
      checked++;
      if (forged.status !== 403)
        mismatches.push(`POST ${url} (${route.id}) depuis une autre origine : attendu 403, obtenu ${forged.status}`);
    }

    for (const actor of ACTORS) {
      for (const method of ["GET", "POST"] as const) {
        const expected = method === "GET" ? policy.loader : policy.action;
        const headers = await cookieFor(actor);
        const body = new URLSearchParams({ intent: "sonde-de-la-matrice", champ: "x" });
        for (const [key, source] of Object.entries(policy.probe ?? {})) body.set(key, params[source]);
        const response = await send(url, {
          method,
          redirect: "manual",
          headers: method === "GET" ? headers : { ...headers, Origin: origin, "Content-Type": "application/x-www-form-urlencoded" },
          body: method === "GET" ? undefined : body,
        });
        await response.arrayBuffer();
        const got = classify(method, response.status, response.headers.get("location") ?? undefined, origin);
        checked++;
        if (response.status >= 500) mismatches.push(`${method} ${url} (${route.id}) en tant que ${actor} : erreur ${response.status}`);
        else if (got !== expected[actor])
          mismatches.push(
            `${method} ${url} (${route.id}) en tant que ${actor} : attendu ${expected[actor]}, obtenu ${got} (HTTP ${response.status})`,
          );
      }
    }
  }
  return { checked, routes: manifest.length - 1, mismatches };
}
