// The association module against a real SQLite database, a real Meilisearch and a real SMTP listener.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssociation } from "../../prisma/factories/association";
import { createUser } from "../../prisma/factories/user";
import { getDocument } from "../../search/engine";
import { processSearchOutbox, reindexAll } from "../../search/sync";
import { startSmtpListener } from "../../tests/smtp";
import { resetEnvCache } from "../env.server";

const smtp = await startSmtpListener();
process.env.SMTP_URL = smtp.url;
resetEnvCache();

const { prisma } = await import("../db.server");
const { validateAssociation, refuseAssociation, updateAssociationProfile, inviteMember, acceptInvitation } =
  await import("./association.server");
const { requestSignUp, confirmSignUp } = await import("./sign-up.server");
const { searchAssociations } = await import("./directory.server");
const { getSearchClient } = await import("../lib/search.server");
const { createSearchClient, applyIndexSettings } = await import("../../search/engine");

const client = getSearchClient()!;
const baseProfile = {
  acronym: undefined,
  rna: "W251002867",
  siret: "73282932000074",
  description: "Des paniers de légumes pour les familles du quartier.",
  address: "12 rue de Dole",
  postcode: "25000",
  city: "Besançon",
  district: "planoise" as const,
  phone: undefined,
  email: undefined,
  website: undefined,
  receptionHours: "Mardi 14 h – 18 h",
  publics: ["familles" as const],
};

let admin: { id: string; email: string; name: string; role: "admin" };

beforeAll(async () => {
  await applyIndexSettings(client);
  const user = await createUser(prisma, { role: "admin", email: "admin-test@ccas.test" });
  admin = { ...user, role: "admin" };
});

afterAll(async () => {
  await smtp.close();
});

describe("sign-up and validation", () => {
  it("creates a pending association that is not public until an administrator validates it", async () => {
    const signUp = {
      ...baseProfile,
      name: "Les Jardins de Coquelicot",
      socialObject: "Maraîchage solidaire et paniers à petit prix.",
      fields: ["aide-alimentaire" as const, "insertion-emploi" as const],
      personName: "Zoé Présidente",
      personTitle: "Présidente",
      personEmail: "zoe@jardins.test",
      password: "une phrase de passe solide",
      representativeConfirm: "on" as const,
    };
    await requestSignUp(signUp);
    // Nothing exists until the address is confirmed.
    expect(await prisma.user.count({ where: { email: "zoe@jardins.test" } })).toBe(0);
    expect(await prisma.association.count({ where: { name: signUp.name } })).toBe(0);
    const confirmation = await smtp.waitFor((m) => m.to.includes("zoe@jardins.test") && /Confirmez l'inscription/.test(m.subject));
    const token = confirmation.text.match(/\/inscription\/confirmer\/([\w-]+)/)![1];
    const confirmed = await confirmSignUp(token);
    if (!confirmed.ok) throw new Error(`confirmation refusée : ${confirmed.reason}`);
    const { association, userId } = confirmed;
    expect(await confirmSignUp(token)).toEqual({ ok: false, reason: "invalid" });
    const membership = await prisma.membership.findFirst({ where: { userId, associationId: association.id } });
    expect(membership?.isRepresentative).toBe(true);
    expect((await prisma.association.findUnique({ where: { id: association.id } }))?.status).toBe("pending");
    await smtp.waitFor((m) => m.to.includes("zoe@jardins.test") && /reçue/.test(m.subject));
    await smtp.waitFor((m) => m.to.includes("admin-test@ccas.test") && /à valider/.test(m.subject));

    let result = await searchAssociations({ q: "coquelicot", fields: [], publics: [], districts: [], page: 1, perPage: 20 });
    expect(result.hits.map((h) => h.id)).not.toContain(association.id);

    await validateAssociation(association.id, admin);
    result = await searchAssociations({ q: "coquelico", fields: [], publics: [], districts: [], page: 1, perPage: 20 });
    expect(result.engine).toBe("meilisearch");
    expect(result.hits.map((h) => h.id)).toContain(association.id);
    await smtp.waitFor((m) => m.to.includes("zoe@jardins.test") && /validée/.test(m.subject));
    const audit = await prisma.auditEvent.findMany({ where: { entityId: association.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["inscription", "validation"]);
  });

  it("removes a refused association from the index and tells its representative why", async () => {
    const association = await createAssociation(prisma, { name: "Association à refuser", status: "validated" });
    const rep = await createUser(prisma, { email: "rep-refus@asso.test" });
    await prisma.membership.create({ data: { userId: rep.id, associationId: association.id, isRepresentative: true } });
    await validateAssociation(association.id, admin);
    expect(await getDocument(client, association.id)).not.toBeNull();
    await refuseAssociation(association.id, "Objet sans lien avec l'action sociale.", admin);
    expect(await getDocument(client, association.id)).toBeNull();
    const mail = await smtp.waitFor((m) => m.to.includes("rep-refus@asso.test") && /refusée/.test(m.subject));
    expect(mail.text).toContain("Objet sans lien avec l'action sociale.");
  });
});

describe("profile edits and the search index", () => {
  it("makes a saved change searchable as soon as the save returns", async () => {
    const association = await createAssociation(prisma, { name: "Amicale des Tilleuls" });
    await reindexAll(prisma, client);
    const outcome = await updateAssociationProfile(
      association.id,
      {
        ...baseProfile,
        name: "Amicale des Tilleuls",
        socialObject: "Ateliers de réparation de bicyclettes pour tous.",
        fields: ["mobilite"],
      },
      admin,
    );
    expect(outcome).toBe("synced");
    const result = await searchAssociations({ q: "bicyclettes", fields: ["mobilite"], publics: [], districts: [], page: 1, perPage: 20 });
    expect(result.hits.map((h) => h.id)).toContain(association.id);
    expect(await prisma.searchSyncJob.count({ where: { associationId: association.id, doneAt: null } })).toBe(0);
  });

  it("keeps the save and records the re-index when Meilisearch is unreachable, then replays it", async () => {
    const association = await createAssociation(prisma, { name: "Le Repair Café" });
    await reindexAll(prisma, client);
    const realHost = process.env.MEILI_HOST;
    process.env.MEILI_HOST = "http://127.0.0.1:9"; // nothing listens there
    resetEnvCache();
    try {
      const outcome = await updateAssociationProfile(
        association.id,
        { ...baseProfile, name: "Le Repair Café", socialObject: "Réparer les grille-pains ensemble.", fields: ["entraide-benevolat"] },
        admin,
      );
      expect(outcome).toBe("pending");
      const saved = await prisma.association.findUnique({ where: { id: association.id } });
      expect(saved?.socialObject).toBe("Réparer les grille-pains ensemble.");
      const pending = await prisma.searchSyncJob.findFirst({ where: { associationId: association.id, doneAt: null } });
      expect(pending?.attempts).toBe(1);
      expect(pending?.lastError).toBeTruthy();
      // The directory still answers, from the database.
      const fallback = await searchAssociations({ q: "grille-pains", fields: [], publics: [], districts: [], page: 1, perPage: 20 });
      expect(fallback.engine).toBe("database");
      expect(fallback.hits.map((h) => h.id)).toContain(association.id);
    } finally {
      process.env.MEILI_HOST = realHost;
      resetEnvCache();
    }
    const replay = await processSearchOutbox(prisma, createSearchClient({ host: realHost!, apiKey: process.env.MEILI_MASTER_KEY }));
    expect(replay.failed).toBe(0);
    const document = await getDocument(client, association.id);
    expect(document?.socialObject).toBe("Réparer les grille-pains ensemble.");
  });
});

describe("directory search", () => {
  it("tolerates typos, folds accents and ligatures, and knows French social vocabulary", async () => {
    await createAssociation(prisma, {
      name: "Les Restos du Cœur bisontins",
      socialObject: "Aide alimentaire et repas chauds.",
      fields: ["aide-alimentaire"],
    });
    await createAssociation(prisma, {
      name: "Abri de Nuit",
      socialObject: "Hébergement d'urgence des personnes sans domicile.",
      fields: ["hebergement-logement"],
    });
    await reindexAll(prisma, client);
    const search = (q: string) =>
      searchAssociations({ q, fields: [], publics: [], districts: [], page: 1, perPage: 50 }).then((r) => r.hits.map((h) => h.name));
    expect(await search("alimantaire")).toContain("Les Restos du Cœur bisontins");
    expect(await search("coeur")).toContain("Les Restos du Cœur bisontins");
    expect(await search("hebergement")).toContain("Abri de Nuit");
    expect(await search("SDF")).toContain("Abri de Nuit");
  });

  it("counts facets and filters by them", async () => {
    const result = await searchAssociations({ q: "", fields: ["aide-alimentaire"], publics: [], districts: [], page: 1, perPage: 50 });
    expect(result.total).toBeGreaterThan(0);
    expect(result.facets.fields["aide-alimentaire"]).toBe(result.total);
    for (const hit of result.hits) expect(hit.fields).toContain("aide-alimentaire");
  });

  it("highlights with markers, never with HTML from the data", async () => {
    await createAssociation(prisma, { name: "<img src=x onerror=alert(1)> Solidarité", socialObject: "Entraide <b>forte</b>." });
    await reindexAll(prisma, client);
    const result = await searchAssociations({ q: "solidarite", fields: [], publics: [], districts: [], page: 1, perPage: 50 });
    const hit = result.hits.find((h) => h.name.startsWith("<img"));
    expect(hit?.highlighted.name).toContain("\uE000");
    expect(hit?.highlighted.name).not.toContain("<mark>");
  });
});

describe("invitations", () => {
  async function representativeOf(name: string) {
    const association = await createAssociation(prisma, { name, status: "validated" });
    const rep = await createUser(prisma, { email: `rep-${association.id}@asso.test` });
    await prisma.membership.create({ data: { userId: rep.id, associationId: association.id, isRepresentative: true } });
    return { associationId: association.id, actor: { id: rep.id, email: rep.email, name: rep.name, role: "member" as const } };
  }
  const pendingRows = (associationId: string, email: string) =>
    prisma.invitation.count({ where: { associationId, email, acceptedAt: null } });
  const mailsTo = (email: string) => prisma.emailMessage.count({ where: { to: email, subject: { startsWith: "Invitation" } } });

  it("refuses a second invitation of a pending address, and inviting a member", async () => {
    const { associationId, actor } = await representativeOf("Invitations en série");
    const email = "benevole-serie@asso.test";
    expect(await inviteMember(associationId, email, actor)).toEqual({ ok: true });
    const again = await inviteMember(associationId, email, actor);
    expect(again).toMatchObject({ ok: false, reason: "already_invited" });
    expect(await pendingRows(associationId, email)).toBe(1);
    expect(await mailsTo(email)).toBe(1);

    // Accepted: the person is a member, and inviting them again is refused as such.
    const mail = await smtp.waitFor((m) => m.to.includes(email) && /Invitation/.test(m.subject));
    const token = mail.text.match(/\/invitation\/([\w-]+)/)![1];
    expect(await acceptInvitation(token, { name: "Bénévole", password: "une phrase de passe solide" })).not.toBeNull();
    expect(await inviteMember(associationId, email, actor)).toEqual({ ok: false, reason: "already_member" });
    expect(await mailsTo(email)).toBe(1);
  });

  it("invites again once the previous invitation has expired, keeping one pending row", async () => {
    const { associationId, actor } = await representativeOf("Invitations expirées");
    const email = "benevole-expire@asso.test";
    await inviteMember(associationId, email, actor);
    await prisma.invitation.updateMany({ where: { associationId, email }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await inviteMember(associationId, email, actor)).toEqual({ ok: true });
    expect(await pendingRows(associationId, email)).toBe(1);
    expect(await mailsTo(email)).toBe(2);
  });

  for (const concurrency of [2, 5]) {
    it(`keeps one pending invitation and sends one e-mail when ${concurrency} invitations of one address arrive at once`, async () => {
      const { associationId, actor } = await representativeOf(`Invitations simultanées ${concurrency}`);
      const email = `benevole-${concurrency}-fois@asso.test`;
      const results = await Promise.all(Array.from({ length: concurrency }, () => inviteMember(associationId, email, actor)));
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok && r.reason === "already_invited")).toHaveLength(concurrency - 1);
      expect(await pendingRows(associationId, email)).toBe(1);
      expect(await mailsTo(email)).toBe(1);
    });
  }
});
