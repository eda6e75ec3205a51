// The charter against a real SQLite database, a real Meilisearch and a real SMTP listener:
// publication, immutability, signature by the representative only, new versions and the badge.
import { createHash } from "node:crypto";
import { extractText, getDocumentProxy, getMeta } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssociation } from "../../prisma/factories/association";
import { addMembership, createUser } from "../../prisma/factories/user";
import { applyIndexSettings, getDocument } from "../../search/engine";
import { startSmtpListener } from "../../tests/smtp";
import { resetEnvCache } from "../env.server";

const smtp = await startSmtpListener();
process.env.SMTP_URL = smtp.url;
resetEnvCache();

const { prisma } = await import("../db.server");
const charter = {
  ...(await import("./versions.server")),
  ...(await import("./signatures.server")),
  ...(await import("./reminders.server")),
  ...(await import("./attestation.server")),
  ...(await import("./diff")),
};
const { isCharterSigner } = await import("./charter-status.server");
const { searchAssociations } = await import("../associations/directory.server");
const { searchSyncSettled } = await import("../associations/search-sync.server");
const { memberSpaceSections } = await import("../associations/member-space.server");
const { getSearchClient } = await import("../lib/search.server");
const { deliverPendingMail, settleMail } = await import("../mail/mail-queue.server");

const client = getSearchClient()!;
let admin: { id: string; email: string; name: string; role: "admin" };

async function associationWithRepresentative(name: string, email: string) {
  const association = await createAssociation(prisma, { name, status: "validated" });
  const rep = await createUser(prisma, { email, name: `Rep ${name}` });
  await addMembership(prisma, rep.id, association.id, true, "Présidente");
  return { association, rep };
}

const signArgs = (associationId: string, userId: string, versionId: string) => ({
  associationId,
  userId,
  versionId,
  signerName: "Zoé Martin",
  signerRole: "Présidente",
  ip: "203.0.113.7",
  userAgent: "Vitest/1.0",
});

async function publish(title: string, body: string, changeNote?: string) {
  await charter.saveDraft({ title, body, changeNote }, admin);
  const draft = await charter.getDraft();
  return charter.publishDraft(draft!.id, admin);
}

let alpha: Awaited<ReturnType<typeof associationWithRepresentative>>;
let beta: Awaited<ReturnType<typeof associationWithRepresentative>>;
let v1: Awaited<ReturnType<typeof publish>>;

beforeAll(async () => {
  await applyIndexSettings(client);
  const user = await createUser(prisma, { role: "admin", email: "admin-charte@ccas.test" });
  admin = { ...user, role: "admin" };
  alpha = await associationWithRepresentative("Les Colibris de Palente", "rep-alpha@asso.test");
  beta = await associationWithRepresentative("Fraternité Clairs-Soleils", "rep-beta@asso.test");
});

afterAll(async () => {
  await settleMail();
  await smtp.close();
});

describe("publication", () => {
  it("publishes a draft as version 1 with the SHA-256 of its text, and asks every representative to sign", async () => {
    expect(await charter.getCurrentVersion()).toBeNull();
    v1 = await publish("Charte municipale de l'action sociale", "## Valeurs\r\n\r\nLa dignité de chaque personne.", "Première version");
    expect(v1.version).toBe(1);
    const stored = await prisma.charterVersion.findUniqueOrThrow({ where: { id: v1.id } });
    const expected = createHash("sha256")
      .update("Charte municipale de l'action sociale\n\n## Valeurs\n\nLa dignité de chaque personne.\n")
      .digest("hex");
    expect(stored.sha256).toBe(expected);
    expect(stored.publishedAt).toBeInstanceOf(Date);
    expect(stored.publishedById).toBe(admin.id);
    expect(await charter.getDraft()).toBeNull();
    const mail = await smtp.waitFor((m) => m.to.includes("rep-alpha@asso.test") && /charte/i.test(m.subject));
    expect(mail.text).toContain(`/espace/associations/${alpha.association.id}/charte`);
    await smtp.waitFor((m) => m.to.includes("rep-beta@asso.test") && /charte/i.test(m.subject));
  });

  it("never changes a published version: a new draft is a new row, and the database refuses an update", async () => {
    await charter.saveDraft({ title: "Autre titre", body: "Texte modifié", changeNote: undefined }, admin);
    const draft = await charter.getDraft();
    expect(draft?.id).not.toBe(v1.id);
    const stored = await prisma.charterVersion.findUniqueOrThrow({ where: { id: v1.id } });
    expect(stored.body).toBe("## Valeurs\r\n\r\nLa dignité de chaque personne.");
    await expect(prisma.charterVersion.update({ where: { id: v1.id }, data: { body: "Falsifié" } })).rejects.toThrow();
    await expect(prisma.charterVersion.delete({ where: { id: v1.id } })).rejects.toThrow();
    // Publishing it again (the same form sent twice) is that one publication: same number, nothing rewritten.
    await expect(charter.publishDraft(v1.id, admin)).resolves.toMatchObject({ already: true, version: 1, notified: null });
    expect((await prisma.charterVersion.findUniqueOrThrow({ where: { id: v1.id } })).body).toBe(stored.body);
    await prisma.charterVersion.delete({ where: { id: draft!.id } }); // drafts can be dropped
  });

  it("diffs two texts word by word", () => {
    const parts = charter.diffTexts("La dignité de chaque personne.", "La dignité et l'égalité de chaque personne.");
    expect(parts.filter((p) => p.kind === "added").map((p) => p.text.trim())).toEqual(["et l'égalité"]);
    expect(parts.filter((p) => p.kind === "removed")).toEqual([]);
    expect(parts.map((p) => (p.kind === "removed" ? "" : p.text)).join("")).toBe("La dignité et l'égalité de chaque personne.");
  });
});

describe("signature", () => {
  it("records who signed what, when and from where, and shows the badge in the directory", async () => {
    const result = await charter.signCharter(signArgs(alpha.association.id, alpha.rep.id, v1.id));
    expect(result).toMatchObject({ created: true, version: 1, sync: expect.stringMatching(/^(synced|pending)$/) });
    await searchSyncSettled();
    const signature = await prisma.charterSignature.findUniqueOrThrow({ where: { id: result.signatureId } });
    const version = await prisma.charterVersion.findUniqueOrThrow({ where: { id: v1.id } });
    expect(signature).toMatchObject({
      associationId: alpha.association.id,
      userId: alpha.rep.id,
      versionId: v1.id,
      signerName: "Zoé Martin",
      signerRole: "Présidente",
      ip: "203.0.113.7",
      userAgent: "Vitest/1.0",
      textSha256: version.sha256,
    });
    expect(Math.abs(signature.signedAt.getTime() - Date.now())).toBeLessThan(60_000);
    expect(await isCharterSigner(alpha.association.id)).toBe(true);
    expect((await getDocument(client, alpha.association.id))?.charterSigner).toBe(true);
    const found = await searchAssociations({
      q: "Colibris",
      fields: [],
      publics: [],
      districts: [],
      charterSigner: true,
      page: 1,
      perPage: 20,
    });
    expect(found.engine).toBe("meilisearch");
    expect(found.hits.map((h) => h.id)).toContain(alpha.association.id);
    expect((await charter.listCurrentSignatories()).signatories.map((s) => s.name)).toContain("Les Colibris de Palente");
    // Signing twice keeps the first signature.
    const again = await charter.signCharter({ ...signArgs(alpha.association.id, alpha.rep.id, v1.id), signerName: "Autre" });
    expect(again).toMatchObject({ created: false, signatureId: result.signatureId });
    await expect(prisma.charterSignature.update({ where: { id: result.signatureId }, data: { signerName: "Falsifié" } })).rejects.toThrow();
  });

  it("refuses a member who is not the legal representative, and anyone signing for another association", async () => {
    const member = await createUser(prisma, { email: "benevole-beta@asso.test" });
    await addMembership(prisma, member.id, beta.association.id, false, "Bénévole");
    await expect(charter.signCharter(signArgs(beta.association.id, member.id, v1.id))).rejects.toMatchObject({
      code: "not_representative",
    });
    // Alpha's representative naming Beta's id.
    await expect(charter.signCharter(signArgs(beta.association.id, alpha.rep.id, v1.id))).rejects.toMatchObject({
      code: "not_representative",
    });
    expect(await prisma.charterSignature.count({ where: { associationId: beta.association.id } })).toBe(0);
    expect(await isCharterSigner(beta.association.id)).toBe(false);
  });

  it("refuses a version id that is not the current one", async () => {
    await expect(charter.signCharter(signArgs(beta.association.id, beta.rep.id, "une-version-inventee"))).rejects.toMatchObject({
      code: "not_current",
    });
    expect(await prisma.charterSignature.count({ where: { associationId: beta.association.id } })).toBe(0);
  });

  it("makes a PDF certificate with the signer, the version and the hash", async () => {
    const signature = await prisma.charterSignature.findFirstOrThrow({ where: { associationId: alpha.association.id } });
    expect(await charter.getSignatureForCertificate({ signatureId: signature.id, associationId: beta.association.id })).toBeNull();
    const found = await charter.getSignatureForCertificate({ signatureId: signature.id, associationId: alpha.association.id });
    const pdf = await charter.certificatePdf(found!, { name: "CCAS de Dole", longName: "Centre communal d'action sociale de Dole" });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    expect(text).toContain("Centre communal d'action sociale de Dole");
    expect(text).not.toMatch(/Besançon/);
    expect((await getMeta(new Uint8Array(pdf))).info).toMatchObject({ Author: "CCAS de Dole" });
    expect(text).toContain("Zoé Martin");
    expect(text).toContain("version 1");
    expect(text).toContain("Les Colibris de Palente");
    expect(text.replace(/\s/g, "")).toContain(signature.textSha256);
  });
});

describe("a new version", () => {
  it("keeps earlier signatures, removes the badge until the association signs again, and asks for a new signature", async () => {
    const before = smtp.messages.length;
    const v2 = await publish(
      "Charte municipale de l'action sociale",
      "## Valeurs\n\nLa dignité et l'égalité de chaque personne.",
      "Égalité",
    );
    expect(v2.version).toBe(2);
    expect(v2.formerSigners).toEqual([alpha.association.id]);
    expect(await prisma.charterSignature.count({ where: { associationId: alpha.association.id, versionId: v1.id } })).toBe(1);
    expect(await isCharterSigner(alpha.association.id)).toBe(false);
    expect((await getDocument(client, alpha.association.id))?.charterSigner).toBe(false);
    expect((await charter.listCurrentSignatories()).signatories).toEqual([]);
    const mail = await smtp.waitFor(
      (m, i = smtp.messages.indexOf(m)) => i >= before && m.to.includes("rep-alpha@asso.test") && /version 2/.test(m.subject),
    );
    expect(mail.text).toContain("signer");

    const links = await memberSpaceSections([alpha.association.id]);
    expect(links[alpha.association.id]).toContainEqual(expect.objectContaining({ note: "à signer (version 2 ; version 1 signée)" }));

    // The page was opened before the new version: its version id is refused.
    await expect(charter.signCharter(signArgs(alpha.association.id, alpha.rep.id, v1.id))).rejects.toMatchObject({ code: "not_current" });
    expect(await isCharterSigner(alpha.association.id)).toBe(false);

    const signed = await charter.signCharter(signArgs(alpha.association.id, alpha.rep.id, v2.id));
    expect(signed).toMatchObject({ created: true, version: 2 });
    await searchSyncSettled();
    expect((await getDocument(client, alpha.association.id))?.charterSigner).toBe(true);
    expect((await memberSpaceSections([alpha.association.id]))[alpha.association.id]).toContainEqual(
      expect.objectContaining({ note: "signée (version 2)" }),
    );
    const v2Row = await prisma.charterVersion.findUniqueOrThrow({ where: { id: v2.id } });
    const v1Row = await prisma.charterVersion.findUniqueOrThrow({ where: { id: v1.id } });
    expect(v2Row.sha256).not.toBe(v1Row.sha256);
    expect((await prisma.charterSignature.findUniqueOrThrow({ where: { id: signed.signatureId } })).textSha256).toBe(v2Row.sha256);
  });

  it("reminds only the representatives of associations that have not signed the current version", async () => {
    const before = smtp.messages.length;
    const overview = await charter.charterOverview();
    const betaRow = overview.rows.find((r) => r.id === beta.association.id);
    expect(betaRow?.currentSignature).toBeNull();
    expect(overview.rows.find((r) => r.id === alpha.association.id)?.currentSignature?.version.version).toBe(2);
    const sent = await charter.sendSignatureReminders(admin);
    await settleMail();
    const unsignedWithRep = overview.rows.filter((r) => !r.currentSignature && r.hasRepresentative).length;
    expect(sent.associations).toBe(unsignedWithRep);
    await smtp.waitFor((m) => smtp.messages.indexOf(m) >= before && m.to.includes("rep-beta@asso.test") && /Rappel/.test(m.subject));
    expect(smtp.messages.slice(before).some((m) => m.to.includes("rep-alpha@asso.test"))).toBe(false);
  });
});

describe("notices that outlive a stop", () => {
  it("queues every notice with the publication, keeps them while SMTP is down, and delivers each once when it is back", async () => {
    await settleMail();
    const down = await startSmtpListener();
    await down.close();
    process.env.SMTP_URL = down.url;
    resetEnvCache();
    try {
      for (let i = 1; i <= 5; i++) await associationWithRepresentative(`Association relais ${i}`, `rep-relais-${i}@asso.test`);
      const representatives = await prisma.membership.findMany({
        where: { isRepresentative: true, user: { disabledAt: null }, association: { status: "validated" } },
        select: { user: { select: { email: true } } },
      });
      const v3 = await publish(
        "Charte municipale de l'action sociale",
        "## Valeurs\n\nLa dignité, l'égalité et la solidarité.",
        "Solidarité",
      );
      expect(v3.notified?.emails).toBe(representatives.length);
      // Committed with the version: every notice is in the queue when the publication answers.
      const notices = () =>
        prisma.emailMessage.findMany({
          where: { subject: { contains: "version 3" } },
          select: { to: true, status: true, attempts: true, error: true },
        });
      expect((await notices()).map((n) => n.to).sort()).toEqual(representatives.map((r) => r.user.email).sort());
      await settleMail();
      for (const notice of await notices()) expect(notice).toMatchObject({ status: "pending", attempts: 1, error: expect.any(String) });

      const back = await startSmtpListener({ port: down.port });
      try {
        await deliverPendingMail({ now: () => new Date(Date.now() + 2 * 60_000) });
        for (const { user } of representatives) {
          expect(back.messages.filter((m) => m.to.includes(user.email) && /version 3/.test(m.subject))).toHaveLength(1);
        }
        expect((await notices()).every((n) => n.status === "sent")).toBe(true);
      } finally {
        await back.close();
      }
    } finally {
      process.env.SMTP_URL = smtp.url;
      resetEnvCache();
    }
  });
});
