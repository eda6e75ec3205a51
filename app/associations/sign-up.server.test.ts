// Sign-up against a real SQLite database and a real SMTP listener: the form's outcome does not
// tell whether an address has an account, and an existing account is never duplicated.
import { afterAll, describe, expect, it } from "vitest";
import { createUser } from "../../prisma/factories/user";
import { startSmtpListener } from "../../tests/smtp";
import { resetEnvCache } from "../env.server";

const smtp = await startSmtpListener();
process.env.SMTP_URL = smtp.url;
resetEnvCache();

const { prisma } = await import("../db.server");
const { confirmSignUp, findSignUpRequest, requestSignUp } = await import("./sign-up.server");
const { retentionCleanup } = await import("../accounts/personal-data.server");
const { signUpForm } = await import("./test-support");

afterAll(async () => {
  await smtp.close();
});

const tokenIn = (text: string) => text.match(/\/inscription\/confirmer\/([\w-]+)/)![1];

describe("sign-up without account enumeration", () => {
  it("creates nothing under an address that has an account, and tells its owner by e-mail", async () => {
    const owner = await createUser(prisma, { email: "deja-inscrite@asso.test", name: "Dominique Déjà" });
    const associations = await prisma.association.count();
    await requestSignUp(signUpForm(owner.email, { name: "Association Usurpée" }));
    expect(await prisma.association.count()).toBe(associations);
    expect(await prisma.signUpRequest.count({ where: { email: owner.email } })).toBe(0);
    expect(await prisma.user.count({ where: { email: owner.email } })).toBe(1);
    const notice = await smtp.waitFor((m) => m.to.includes(owner.email) && /Tentative d'inscription/.test(m.subject));
    expect(notice.text).toContain("Association Usurpée");
    expect(notice.text).toContain("/connexion");
    expect(notice.text).toContain("/mot-de-passe-oublie");
    expect(notice.text).not.toContain("/inscription/confirmer/");
  });

  it("creates the account and the association only once the link is confirmed, and only once", async () => {
    const email = "nouvelle@asso.test";
    await requestSignUp(signUpForm(email, { name: "Les Voisins Solidaires" }));
    expect(await prisma.user.count({ where: { email } })).toBe(0);
    const mail = await smtp.waitFor((m) => m.to.includes(email) && /Confirmez l'inscription/.test(m.subject));
    const token = tokenIn(mail.text);
    expect(await findSignUpRequest(token)).toEqual({ email, associationName: "Les Voisins Solidaires" });
    const [first, second] = await Promise.all([confirmSignUp(token), confirmSignUp(token)]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    expect(await prisma.user.count({ where: { email } })).toBe(1);
    expect(await prisma.association.count({ where: { name: "Les Voisins Solidaires", status: "pending" } })).toBe(1);
    expect(await findSignUpRequest(token)).toBeNull();
  });

  it("does not confirm a sign-up whose address got an account meanwhile", async () => {
    const email = "entre-temps@asso.test";
    await requestSignUp(signUpForm(email, { name: "Association Tardive" }));
    const mail = await smtp.waitFor((m) => m.to.includes(email) && /Confirmez l'inscription/.test(m.subject));
    await createUser(prisma, { email });
    expect(await confirmSignUp(tokenIn(mail.text))).toEqual({ ok: false, reason: "email_taken" });
    expect(await prisma.association.count({ where: { name: "Association Tardive" } })).toBe(0);
  });

  it("refuses an unknown or expired link", async () => {
    expect(await confirmSignUp("inconnu")).toEqual({ ok: false, reason: "invalid" });
    const email = "expiree@asso.test";
    await requestSignUp(signUpForm(email, { name: "Association Expirée" }));
    const mail = await smtp.waitFor((m) => m.to.includes(email) && /Confirmez l'inscription/.test(m.subject));
    await prisma.signUpRequest.updateMany({ where: { email }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await confirmSignUp(tokenIn(mail.text))).toEqual({ ok: false, reason: "invalid" });
    expect(await prisma.user.count({ where: { email } })).toBe(0);
  });

  it("forgets an unconfirmed sign-up (its values and password hash) a week after it expired", async () => {
    const email = "oubliee@asso.test";
    await requestSignUp(signUpForm(email, { name: "Association Oubliée" }));
    await prisma.signUpRequest.updateMany({ where: { email }, data: { expiresAt: new Date(Date.now() - 8 * 24 * 3600_000) } });
    expect((await retentionCleanup()).signUpRequests).toBeGreaterThanOrEqual(1);
    expect(await prisma.signUpRequest.count({ where: { email } })).toBe(0);
  });

  it("sends one address at most three sign-up messages an hour, known or not", async () => {
    const owner = await createUser(prisma, { email: "inondee@asso.test" });
    for (const email of [owner.email, "jamais-inscrite@asso.test"]) {
      for (let i = 0; i < 5; i++) await requestSignUp(signUpForm(email, { name: `Association Répétée ${i}` }));
      expect(await prisma.emailMessage.count({ where: { to: email } })).toBe(3);
    }
  });
});
