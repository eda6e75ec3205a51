// Members and invitations against a real SQLite database and a real SMTP listener.
import { afterAll, describe, expect, it } from "vitest";
import { createAssociation } from "../../prisma/factories/association";
import { createUser } from "../../prisma/factories/user";
import { startSmtpListener } from "../../tests/smtp";
import { resetEnvCache } from "../env.server";

const smtp = await startSmtpListener();
process.env.SMTP_URL = smtp.url;
resetEnvCache();

const { prisma } = await import("../db.server");
const { inviteMember, acceptInvitation } = await import("./members.server");

afterAll(async () => {
  await smtp.close();
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
