// The association's export, account deletion and retention, against a real SQLite database.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { createAssociation } from "../../prisma/factories/association";
import { addMembership, createUser } from "../../prisma/factories/user";

const { prisma } = await import("../db.server");
const { getEnv } = await import("../env.server");
const { deleteOwnAccount, exportAssociationData, retentionCleanup } = await import("./personal-data.server");

describe("association data export", () => {
  it("holds the profile, members, files and dossier messages, never staff annotations", async () => {
    const association = await createAssociation(prisma, { name: "Export Solidaire" });
    const rep = await createUser(prisma, { email: "rep-export@asso.test" });
    await addMembership(prisma, rep.id, association.id, true, "Présidente");
    mkdirSync(getEnv().UPLOAD_DIR, { recursive: true });
    writeFileSync(path.join(getEnv().UPLOAD_DIR, "stored-statuts.pdf"), "%PDF-1.4 statuts");
    await prisma.document.create({
      data: {
        associationId: association.id,
        kind: "statuts",
        label: "Statuts",
        originalName: "statuts.pdf",
        storedName: "stored-statuts.pdf",
        mimeType: "application/pdf",
        size: 16,
        sha256: "x",
      },
    });
    const call = await prisma.call.create({
      data: {
        slug: `export-${Date.now()}`,
        title: "Appel",
        summary: "s",
        body: "b",
        envelopeCents: 1,
        minAmountCents: 0,
        maxAmountCents: 1,
        opensAt: new Date(),
        closesAt: new Date(),
        financialYear: 2026,
      },
    });
    const dossier = await prisma.dossier.create({
      data: {
        number: `EXP-${Date.now()}`,
        callId: call.id,
        associationId: association.id,
        data: { projet: { titre: "Jardin partagé" } },
      },
    });
    await prisma.message.create({ data: { dossierId: dossier.id, authorId: rep.id, fromStaff: false, body: "Question sur le budget" } });
    await prisma.annotation.create({ data: { dossierId: dossier.id, authorId: "staff", body: "NOTE INTERNE CONFIDENTIELLE" } });

    const files = unzipSync(await exportAssociationData(association.id));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(["association.json", "membres.json", "dossiers.json", "LISEZMOI.txt"]));
    expect(JSON.parse(strFromU8(files["association.json"])).name).toBe("Export Solidaire");
    // The CCAS named from its settings (the test database holds the demo's).
    expect(strFromU8(files["LISEZMOI.txt"])).toContain("réseau des associations du CCAS de Besançon.");
    expect(JSON.parse(strFromU8(files["membres.json"]))[0].user.email).toBe("rep-export@asso.test");
    const dossiers = JSON.parse(strFromU8(files["dossiers.json"]));
    expect(dossiers[0].data.projet.titre).toBe("Jardin partagé");
    expect(dossiers[0].messages[0].body).toBe("Question sur le budget");
    const everything = Object.values(files)
      .map((f) => strFromU8(f))
      .join("\n");
    expect(everything).not.toContain("NOTE INTERNE CONFIDENTIELLE");
    const pdf = Object.entries(files).find(([name]) => name.startsWith("documents/") && name.endsWith("statuts.pdf"));
    expect(pdf && strFromU8(pdf[1])).toBe("%PDF-1.4 statuts");
    expect(everything).not.toContain("stored-statuts.pdf");
  });
});

describe("account deletion", () => {
  it("refuses when the only representative leaves other members behind, then deletes once another takes over", async () => {
    const association = await createAssociation(prisma);
    const rep = await createUser(prisma);
    const member = await createUser(prisma);
    await addMembership(prisma, rep.id, association.id, true);
    const membership = await addMembership(prisma, member.id, association.id, false);
    const refused = await deleteOwnAccount(rep.id);
    expect(refused.ok).toBe(false);
    expect(await prisma.user.count({ where: { id: rep.id } })).toBe(1);
    await prisma.membership.update({ where: { id: membership.id }, data: { isRepresentative: true } });
    expect((await deleteOwnAccount(rep.id)).ok).toBe(true);
    expect(await prisma.user.count({ where: { id: rep.id } })).toBe(0);
    expect(await prisma.membership.count({ where: { userId: rep.id } })).toBe(0);
    expect(await prisma.association.count({ where: { id: association.id } })).toBe(1);
  });
});

describe("retention cleanup", () => {
  it("deletes what has outlived its period and keeps the rest", async () => {
    const old = new Date(Date.now() - 400 * 86400_000);
    await prisma.loginAttempt.createMany({
      data: [
        { email: "vieux@x.test", ip: "1.1.1.1", success: false, createdAt: old },
        { email: "recent@x.test", ip: "1.1.1.1", success: false },
      ],
    });
    await prisma.emailMessage.createMany({
      data: [
        { to: "vieux@x.test", subject: "ancien", text: "t", createdAt: old },
        { to: "recent@x.test", subject: "récent", text: "t" },
      ],
    });
    const result = await retentionCleanup();
    expect(result.loginAttempts).toBeGreaterThanOrEqual(1);
    expect(result.emails).toBeGreaterThanOrEqual(1);
    expect(await prisma.loginAttempt.count({ where: { email: "vieux@x.test" } })).toBe(0);
    expect(await prisma.loginAttempt.count({ where: { email: "recent@x.test" } })).toBe(1);
    expect(await prisma.emailMessage.count({ where: { subject: "ancien" } })).toBe(0);
    expect(await prisma.emailMessage.count({ where: { subject: "récent" } })).toBe(1);
  });
});
