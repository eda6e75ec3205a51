// The takeover of an imported entry: a sign-up with its RNA number asks for it, an administrator decides.
import { afterAll, describe, expect, it } from "vitest";
import { createAssociation } from "../../prisma/factories/association";
import { startSmtpListener } from "../../tests/smtp";
import { resetEnvCache } from "../env.server";

const smtp = await startSmtpListener();
process.env.SMTP_URL = smtp.url;
resetEnvCache();

const { prisma } = await import("../db.server");
const { requestSignUp, confirmSignUp } = await import("../associations/sign-up.server");
const { acceptClaim, refuseClaim, claimableEntry } = await import("./claims.server");
const { createAdmin, signUpForm } = await import("../associations/test-support");

afterAll(async () => {
  await smtp.close();
});

const tokenIn = (text: string) => text.match(/\/inscription\/confirmer\/([\w-]+)/)![1]!;

async function signUp(email: string, rna: string) {
  await requestSignUp(
    signUpForm(email, {
      rna,
      siret: undefined,
      name: "Entraide des quartiers (nouveau nom)",
      description: "Présentation écrite par l'association",
    }),
  );
  const mail = await prisma.emailMessage.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
  return confirmSignUp(tokenIn(mail.text));
}

async function importedEntry(rna: string) {
  return createAssociation(prisma, { rna, name: "ENTRAIDE DES QUARTIERS", status: "validated", source: "rna" } as never);
}

describe("claiming an imported entry", () => {
  it("a sign-up with its RNA number is a claim, not a second association; accepting makes the person its representative", async () => {
    const entry = await importedEntry("W251000901");
    await prisma.membership.deleteMany({ where: { associationId: entry.id } });
    expect(await claimableEntry("W251000901")).toMatchObject({ id: entry.id });
    const before = await prisma.association.count();
    const result = await signUp("reprise@asso.test", "W251000901");
    expect(result).toMatchObject({ ok: true, claim: true, association: { id: entry.id } });
    expect(await prisma.association.count()).toBe(before);
    const claim = await prisma.associationClaim.findFirstOrThrow({ where: { associationId: entry.id } });
    expect(claim.status).toBe("pending");
    expect(JSON.stringify(claim.data)).not.toContain("phrase de passe");

    const admin = await createAdmin(prisma);
    await acceptClaim(claim.id, admin);
    const after = await prisma.association.findUniqueOrThrow({ where: { id: entry.id }, include: { memberships: true, fields: true } });
    expect(after.memberships).toEqual([expect.objectContaining({ isRepresentative: true, title: "Présidente" })]);
    expect(after).toMatchObject({ name: "Entraide des quartiers (nouveau nom)", source: "rna", rna: "W251000901", status: "validated" });
    expect(after.fields.map((f) => f.slug)).toEqual(["entraide-benevolat"]);
    expect(await claimableEntry("W251000901")).toBeNull();
    // Accepting twice changes nothing.
    await expect(acceptClaim(claim.id, admin)).resolves.toMatchObject({ already: true });
    expect(await prisma.membership.count({ where: { associationId: entry.id } })).toBe(1);
  });

  it("refusing tells the person why, and the entry stays unclaimed", async () => {
    const entry = await importedEntry("W251000902");
    await prisma.membership.deleteMany({ where: { associationId: entry.id } });
    await signUp("refus@asso.test", "W251000902");
    const claim = await prisma.associationClaim.findFirstOrThrow({ where: { associationId: entry.id } });
    const admin = await prisma.user.findFirstOrThrow({ where: { role: "admin" } });
    await refuseClaim(claim.id, "Vous ne figurez pas parmi les dirigeants déclarés.", { ...admin, role: "admin" } as never);
    const mail = await prisma.emailMessage.findFirstOrThrow({ where: { to: "refus@asso.test", subject: { contains: "refusée" } } });
    expect(mail.text).toContain("Vous ne figurez pas parmi les dirigeants déclarés.");
    expect(mail.text).toContain("CCAS de Besançon");
    expect(await claimableEntry("W251000902")).toMatchObject({ id: entry.id });
  });
});
