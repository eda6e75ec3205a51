// Sign-up and validation against a real SQLite database, a real Meilisearch and a real SMTP listener.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssociation } from "../../prisma/factories/association";
import { createUser } from "../../prisma/factories/user";
import { getDocument } from "../../search/engine";
import { startSmtpListener } from "../../tests/smtp";
import { resetEnvCache } from "../env.server";
import { baseProfile, createAdmin } from "./test-support";

const smtp = await startSmtpListener();
process.env.SMTP_URL = smtp.url;
resetEnvCache();

const { prisma } = await import("../db.server");
const { validateAssociation, refuseAssociation } = await import("./validation.server");
const { requestSignUp, confirmSignUp } = await import("./sign-up.server");
const { searchAssociations } = await import("./directory.server");
const { getSearchClient } = await import("../lib/search.server");
const { applyIndexSettings } = await import("../../search/engine");

const client = getSearchClient()!;
let admin: Awaited<ReturnType<typeof createAdmin>>;

beforeAll(async () => {
  await applyIndexSettings(client);
  admin = await createAdmin(prisma);
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

  it("refuses once: the same refusal sent twice, or three at once, writes one audit entry and one e-mail", async () => {
    const association = await createAssociation(prisma, { name: "Association refusée deux fois", status: "pending" });
    const rep = await createUser(prisma, { email: "rep-refus-double@asso.test" });
    await prisma.membership.create({ data: { userId: rep.id, associationId: association.id, isRepresentative: true } });
    const atOnce = await Promise.all([1, 2, 3].map(() => refuseAssociation(association.id, "Premier motif.", admin)));
    expect(atOnce.filter((r) => !r.already)).toHaveLength(1);
    const again = await refuseAssociation(association.id, "Second motif.", admin);
    expect(again).toMatchObject({ id: association.id, already: true });
    const refused = await prisma.association.findUniqueOrThrow({ where: { id: association.id } });
    expect(refused).toMatchObject({ status: "refused", refusalReason: "Premier motif." });
    expect(await prisma.auditEvent.count({ where: { entityId: association.id, action: "refus" } })).toBe(1);
    expect(await prisma.emailMessage.count({ where: { to: rep.email, subject: { contains: "refusée" } } })).toBe(1);
  });

  it("answers not found for an association that does not exist", async () => {
    await expect(refuseAssociation("no-such-association", "Motif.", admin)).rejects.toMatchObject({ code: "not_found", status: 404 });
    await expect(validateAssociation("no-such-association", admin)).rejects.toMatchObject({ code: "not_found", status: 404 });
  });
});
