// Subsidies against a real SQLite database: the rules of the vote, the convention, the payments
// and the compte rendu financier, the dashboard totals and the open-data export.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssociation } from "../../prisma/factories/association";
import { createUser } from "../../prisma/factories/user";

import { parse } from "csv-parse/sync";
import { extractText, getDocumentProxy, getMeta } from "unpdf";
import { readFileSync } from "node:fs";
import path from "node:path";

const { prisma } = await import("../db.server");
const subsidy = {
  ...(await import("./rules")),
  ...(await import("./creation.server")),
  ...(await import("./vote.server")),
  ...(await import("./payments.server")),
  ...(await import("./reports.server")),
  ...(await import("./reading.server")),
  ...(await import("./subsidy-labels")),
};
const convention = { ...(await import("./conventions.server")), ...(await import("./convention-pdf.server")) };
const reporting = {
  ...(await import("./dashboard.server")),
  ...(await import("./exports.server")),
  ...(await import("./open-data.server")),
};
const { getEnv } = await import("../env.server");
const { invalidateReferenceData } = await import("../settings/reference-cache.server");

let staff: { id: string };
let callId: string;
let dossierCounter = 0;

async function acceptedDossier(
  associationId: string,
  opts: { requested?: number; proposed?: number; decidedAt?: Date; title?: string } = {},
) {
  dossierCounter += 1;
  return prisma.dossier.create({
    data: {
      number: `T-${Date.now().toString(36)}-${dossierCounter}`,
      callId,
      associationId,
      state: "accepte",
      projectTitle: opts.title ?? `Projet ${dossierCounter}`,
      requestedCents: opts.requested ?? 1_500_000,
      proposedCents: opts.proposed ?? 1_200_000,
      decidedAt: opts.decidedAt ?? new Date("2026-03-15T10:00:00Z"),
      submittedAt: new Date("2026-02-01T10:00:00Z"),
    },
  });
}

beforeAll(async () => {
  staff = await createUser(prisma, { role: "staff" });
  const call = await prisma.call.create({
    data: {
      slug: `appel-test-${Date.now()}`,
      title: "Appel à projets test",
      summary: "Résumé",
      body: "Texte",
      envelopeCents: 10_000_000,
      minAmountCents: 100_000,
      maxAmountCents: 5_000_000,
      opensAt: new Date("2026-01-01T00:00:00Z"),
      closesAt: new Date("2026-02-15T00:00:00Z"),
      financialYear: 2026,
      status: "decisions_publiees",
    },
  });
  callId = call.id;
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("createSubsidyFromDossier", () => {
  it("creates the subsidy of an accepted dossier once, with its amounts, year and purpose", async () => {
    const asso = await createAssociation(prisma);
    const dossier = await acceptedDossier(asso.id, {
      requested: 2_000_000,
      proposed: 1_800_000,
      decidedAt: new Date("2025-12-31T23:30:00Z"),
      title: "Épicerie mobile",
    });
    const first = await subsidy.createSubsidyFromDossier(dossier.id, staff);
    expect(first).toMatchObject({
      associationId: asso.id,
      dossierId: dossier.id,
      requestedCents: 2_000_000,
      proposedCents: 1_800_000,
      purpose: "Épicerie mobile",
      fundsAction: true,
      // 31 December 23:30 UTC is 1 January in Paris.
      financialYear: 2026,
      votedCents: null,
    });
    expect(first.number).toMatch(/^SUB-2026-\d{4}$/);
    const again = await subsidy.createSubsidyFromDossier(dossier.id, staff);
    expect(again.id).toBe(first.id);
    expect(await prisma.subsidy.count({ where: { dossierId: dossier.id } })).toBe(1);
    const [a, b] = await Promise.all([
      subsidy.createSubsidyFromDossier((await acceptedDossier(asso.id)).id, staff),
      subsidy.createSubsidyFromDossier((await acceptedDossier(asso.id)).id, staff),
    ]);
    expect(a.number).not.toBe(b.number);
  });

  it("refuses a dossier that is not accepted", async () => {
    const asso = await createAssociation(prisma);
    const dossier = await acceptedDossier(asso.id);
    await prisma.dossier.update({ where: { id: dossier.id }, data: { state: "en_instruction" } });
    await expect(subsidy.createSubsidyFromDossier(dossier.id, staff)).rejects.toThrow(/dossier accepté/);
  });
});

async function votedSubsidy(yearAmounts: number[], opts: { decidedAt?: Date; associationId?: string; siret?: string } = {}) {
  const associationId = opts.associationId ?? (await createAssociation(prisma, opts.siret ? { siret: opts.siret } : {})).id;
  const dossier = await acceptedDossier(associationId, { decidedAt: opts.decidedAt ?? new Date("2026-03-15T10:00:00Z") });
  const created = await subsidy.createSubsidyFromDossier(dossier.id, staff);
  await subsidy.recordVote(created.id, { decisionDate: "2026-03-20", deliberationRef: `CA-${created.number}`, yearAmounts }, staff);
  return prisma.subsidy.findUniqueOrThrow({ where: { id: created.id }, include: { years: true, convention: true, reports: true } });
}

const MINIMAL_PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

async function signConvention(subsidyId: string, signedAt = "2026-04-01") {
  await convention.markConventionSent(subsidyId, staff);
  await convention.markConventionSigned(subsidyId, { signedAt, file: { name: "signee.pdf", bytes: MINIMAL_PDF } }, staff);
}

describe("the 23 000 € rule", () => {
  it("requires a convention only above 23 000 € for a year", () => {
    expect(subsidy.requiresConvention([2_300_000])).toBe(false);
    expect(subsidy.requiresConvention([2_300_001])).toBe(true);
    expect(subsidy.requiresConvention([1_000_000, 2_400_000])).toBe(true);
    expect(subsidy.requiresConvention([2_000_000, 2_000_000, 2_000_000])).toBe(false);
  });

  it("creates the convention at the vote and refuses any payment until it is signed", async () => {
    const s = await votedSubsidy([3_000_000]);
    expect(s.convention?.status).toBe("a_preparer");
    await subsidy.setSchedule(
      s.id,
      [
        { kind: "avance", amountCents: 1_500_000, plannedDate: "2026-04-15" },
        { kind: "solde", amountCents: 1_500_000, plannedDate: "2026-05-15" },
      ],
      staff,
    );
    const [first] = await prisma.instalment.findMany({ where: { subsidyId: s.id }, orderBy: { plannedDate: "asc" } });
    await expect(
      subsidy.recordPayment(s.id, { instalmentId: first.id, paidAt: "2026-04-15", amountCents: 1_500_000 }, staff),
    ).rejects.toThrow(/23 000 € : aucun versement n'est possible avant la signature de la convention/);
    // Sent is not signed.
    await convention.markConventionSent(s.id, staff);
    await expect(
      subsidy.recordPayment(s.id, { instalmentId: first.id, paidAt: "2026-04-15", amountCents: 1_500_000 }, staff),
    ).rejects.toThrow(/signature de la convention/);
    await convention.markConventionSigned(s.id, { signedAt: "2026-04-01", file: { name: "signee.pdf", bytes: MINIMAL_PDF } }, staff);
    await subsidy.recordPayment(s.id, { instalmentId: first.id, paidAt: "2026-04-15", amountCents: 1_500_000 }, staff);
    expect((await prisma.instalment.findUniqueOrThrow({ where: { id: first.id } })).paidCents).toBe(1_500_000);
  });

  it("counts the yearly amounts of a CPO, not its total", async () => {
    const cpo = await votedSubsidy([2_000_000, 2_000_000, 2_000_000]);
    expect(cpo.votedCents).toBe(6_000_000);
    expect(cpo.multiYear).toBe(true);
    expect(cpo.years.map((y) => [y.year, y.amountCents]).sort()).toEqual([
      [2026, 2_000_000],
      [2027, 2_000_000],
      [2028, 2_000_000],
    ]);
    expect(cpo.convention).toBeNull();
    expect(cpo.reports.map((r) => r.financialYear).sort()).toEqual([2026, 2027, 2028]);
  });

  it("accepts a signed PDF only, checked by its content", async () => {
    const s = await votedSubsidy([2_500_000]);
    await convention.markConventionSent(s.id, staff);
    const fake = { name: "convention.pdf", bytes: Buffer.from("Ceci n'est pas un PDF, juste du texte.") };
    await expect(convention.markConventionSigned(s.id, { signedAt: "2026-04-01", file: fake }, staff)).rejects.toThrow(/n'est pas un PDF/);
    const png = { name: "scan.pdf", bytes: Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex") };
    await expect(convention.markConventionSigned(s.id, { signedAt: "2026-04-01", file: png }, staff)).rejects.toThrow(/n'est pas un PDF/);
    expect((await prisma.convention.findUniqueOrThrow({ where: { subsidyId: s.id } })).status).toBe("envoyee");
    await convention.markConventionSigned(s.id, { signedAt: "2026-04-01", file: { name: "ok.pdf", bytes: MINIMAL_PDF } }, staff);
    const signed = await prisma.convention.findUniqueOrThrow({ where: { subsidyId: s.id } });
    expect(signed.status).toBe("signee");
    const doc = await prisma.document.findUniqueOrThrow({ where: { id: signed.signedDocumentId! } });
    expect(doc.associationId).toBe(s.associationId);
    expect(readFileSync(path.join(getEnv().UPLOAD_DIR, doc.storedName)).equals(MINIMAL_PDF)).toBe(true);
  });
});

describe("payment schedule and payments", () => {
  it("refuses instalments that do not add up to the voted amount", async () => {
    const s = await votedSubsidy([1_000_000]);
    await expect(
      subsidy.setSchedule(
        s.id,
        [
          { kind: "avance", amountCents: 500_000, plannedDate: "2026-04-01" },
          { kind: "solde", amountCents: 400_000, plannedDate: "2026-09-01" },
        ],
        staff,
      ),
    ).rejects.toThrow(/totalisent 9\s000,00\s€ alors que le montant voté est de 10\s000,00\s€/);
    await expect(subsidy.setSchedule(s.id, [{ kind: "solde", amountCents: 1_000_001, plannedDate: "2026-04-01" }], staff)).rejects.toThrow(
      /exactement au montant voté/,
    );
    expect(await prisma.instalment.count({ where: { subsidyId: s.id } })).toBe(0);
    await subsidy.setSchedule(
      s.id,
      [
        { kind: "avance", amountCents: 600_000, plannedDate: "2026-04-01" },
        { kind: "solde", amountCents: 400_000, plannedDate: "2026-09-01" },
      ],
      staff,
    );
    expect(await prisma.instalment.count({ where: { subsidyId: s.id } })).toBe(2);
  });

  it("keeps paid instalments when the schedule changes and counts them in the total", async () => {
    const s = await votedSubsidy([1_000_000]);
    await subsidy.setSchedule(
      s.id,
      [
        { kind: "avance", amountCents: 600_000, plannedDate: "2026-04-01" },
        { kind: "solde", amountCents: 400_000, plannedDate: "2026-09-01" },
      ],
      staff,
    );
    const [avance] = await prisma.instalment.findMany({ where: { subsidyId: s.id }, orderBy: { plannedDate: "asc" } });
    await subsidy.recordPayment(s.id, { instalmentId: avance.id, paidAt: "2026-04-02", amountCents: 600_000 }, staff);
    await expect(subsidy.setSchedule(s.id, [{ kind: "solde", amountCents: 1_000_000, plannedDate: "2026-10-01" }], staff)).rejects.toThrow(
      /déjà effectués compris/,
    );
    await subsidy.setSchedule(
      s.id,
      [
        { kind: "acompte", amountCents: 200_000, plannedDate: "2026-06-01" },
        { kind: "solde", amountCents: 200_000, plannedDate: "2026-10-01" },
      ],
      staff,
    );
    const all = await prisma.instalment.findMany({ where: { subsidyId: s.id } });
    expect(all).toHaveLength(3);
    expect(all.find((i) => i.id === avance.id)?.paidCents).toBe(600_000);
  });

  it("refuses a payment that would exceed the voted amount", async () => {
    const s = await votedSubsidy([1_000_000]);
    await subsidy.setSchedule(
      s.id,
      [
        { kind: "avance", amountCents: 500_000, plannedDate: "2026-04-01" },
        { kind: "solde", amountCents: 500_000, plannedDate: "2026-09-01" },
      ],
      staff,
    );
    const [a, b] = await prisma.instalment.findMany({ where: { subsidyId: s.id }, orderBy: { plannedDate: "asc" } });
    await expect(subsidy.recordPayment(s.id, { instalmentId: a.id, paidAt: "2026-04-01", amountCents: 1_000_001 }, staff)).rejects.toThrow(
      /au-delà du montant voté/,
    );
    await subsidy.recordPayment(s.id, { instalmentId: a.id, paidAt: "2026-04-01", amountCents: 700_000 }, staff);
    await expect(subsidy.recordPayment(s.id, { instalmentId: b.id, paidAt: "2026-09-01", amountCents: 300_001 }, staff)).rejects.toThrow(
      /10\s000,01\s€, au-delà du montant voté \(10\s000,00\s€\)/,
    );
    await expect(subsidy.recordPayment(s.id, { instalmentId: a.id, paidAt: "2026-04-01", amountCents: 1 }, staff)).rejects.toThrow(
      /déjà enregistré/,
    );
    await subsidy.recordPayment(s.id, { instalmentId: b.id, paidAt: "2026-09-01", amountCents: 300_000 }, staff);
    const detail = await subsidy.getSubsidyForStaff(s.id);
    expect(detail?.paidCents).toBe(1_000_000);
    expect(detail?.stage).toBe("versee");
  });

  it("refuses payments before the vote", async () => {
    const asso = await createAssociation(prisma);
    const created = await subsidy.createSubsidyFromDossier((await acceptedDossier(asso.id)).id, staff);
    await expect(subsidy.setSchedule(created.id, [{ kind: "solde", amountCents: 100, plannedDate: "2026-04-01" }], staff)).rejects.toThrow(
      /vote/,
    );
  });
});

describe("flags", () => {
  const now = new Date("2026-06-10T10:00:00Z");
  it("flags an unpaid instalment once its planned day is over", () => {
    expect(subsidy.instalmentFlags({ plannedDate: subsidy.parisDay("2026-06-09"), paidAt: null }, null, now)).toEqual(["late"]);
    expect(subsidy.instalmentFlags({ plannedDate: subsidy.parisDay("2026-06-10"), paidAt: null }, null, now)).toEqual([]);
    expect(
      subsidy.instalmentFlags({ plannedDate: subsidy.parisDay("2026-06-01"), paidAt: new Date("2026-06-01T10:00:00Z") }, null, now),
    ).toEqual([]);
  });
  it("flags an instalment planned more than 60 days after the signature", () => {
    const signed = subsidy.parisDay("2026-04-01");
    const early = new Date("2026-04-02T10:00:00Z");
    // 1 April + 60 days = 31 May.
    expect(subsidy.instalmentFlags({ plannedDate: subsidy.parisDay("2026-05-31"), paidAt: null }, signed, early)).toEqual([]);
    expect(subsidy.instalmentFlags({ plannedDate: subsidy.parisDay("2026-06-01"), paidAt: null }, signed, early)).toEqual([
      "beyond_60_days",
    ]);
    expect(subsidy.instalmentFlags({ plannedDate: subsidy.parisDay("2026-06-01"), paidAt: null }, signed, now)).toEqual([
      "late",
      "beyond_60_days",
    ]);
  });
  it("reports the flags on the subsidy as staff see it", async () => {
    const s = await votedSubsidy([2_400_000]);
    await signConvention(s.id, "2026-04-01");
    await subsidy.setSchedule(
      s.id,
      [
        { kind: "avance", amountCents: 1_200_000, plannedDate: "2026-04-20" },
        { kind: "solde", amountCents: 1_200_000, plannedDate: "2026-07-15" },
      ],
      staff,
    );
    const detail = await subsidy.getSubsidyForStaff(s.id, now);
    expect(detail!.instalments.map((i) => i.flags)).toEqual([["late"], ["beyond_60_days"]]);
  });
});

describe("financial reports", () => {
  it("a compte rendu whose second attachment passes the quota stores neither file nor row", async () => {
    const { resetEnvCache } = await import("../env.server");
    const { associationStorage } = await import("../documents/quota.server");
    const { mkdirSync, readdirSync } = await import("node:fs");
    mkdirSync(getEnv().UPLOAD_DIR, { recursive: true });
    const s = await votedSubsidy([800_000]);
    const [report] = s.reports;
    const listing = () =>
      readdirSync(getEnv().UPLOAD_DIR, { withFileTypes: true })
        .map((e) => e.name)
        .sort();
    const { used } = await associationStorage(s.associationId);
    const saved = process.env.ASSOCIATION_STORAGE_QUOTA_MB;
    // Room for one of the two attachments, not both.
    process.env.ASSOCIATION_STORAGE_QUOTA_MB = String((used + MINIMAL_PDF.length * 1.5) / (1024 * 1024));
    resetEnvCache();
    try {
      const before = listing();
      const data = {
        charges: [{ code: "60", label: "60 – Achats", plannedCents: 500_000, actualCents: 480_000 }],
        income: [],
        qualitative: "Bilan",
      };
      const files = [
        { name: "factures.pdf", bytes: MINIMAL_PDF },
        { name: "releve.pdf", bytes: MINIMAL_PDF },
      ];
      await expect(subsidy.submitReport(s.associationId, report.id, data, files, staff)).rejects.toThrow(
        /dépasse l'espace de stockage restant/,
      );
      expect(listing()).toEqual(before);
      expect(await prisma.document.count({ where: { associationId: s.associationId, kind: "compte_rendu" } })).toBe(0);
      expect((await prisma.financialReport.findUniqueOrThrow({ where: { id: report.id } })).status).toBe(report.status);
    } finally {
      if (saved === undefined) delete process.env.ASSOCIATION_STORAGE_QUOTA_MB;
      else process.env.ASSOCIATION_STORAGE_QUOTA_MB = saved;
      resetEnvCache();
    }
  });

  it("is due six months after the end of the financial year", () => {
    expect(subsidy.reportDueDate(2025).toISOString()).toBe("2026-06-30T21:59:59.000Z");
    expect(subsidy.toDateInput(subsidy.reportDueDate(2026))).toBe("2027-06-30");
  });

  it("is overdue when not submitted by then, and hasOverdueReport says so for that association only", async () => {
    const s = await votedSubsidy([800_000]);
    const other = await votedSubsidy([800_000]);
    const [report] = s.reports;
    expect(report.dueDate.toISOString()).toBe(subsidy.reportDueDate(2026).toISOString());
    expect(await subsidy.hasOverdueReport(s.associationId, new Date("2027-06-30T12:00:00Z"))).toBe(false);
    expect(await subsidy.hasOverdueReport(s.associationId, new Date("2027-07-01T12:00:00Z"))).toBe(true);
    const data = {
      charges: [{ code: "60", label: "60 – Achats", plannedCents: 500_000, actualCents: 480_000 }],
      income: [],
      qualitative: "Bilan",
    };
    // Another association cannot submit it.
    expect(await subsidy.submitReport(other.associationId, report.id, data, [], staff)).toBeNull();
    await subsidy.submitReport(s.associationId, report.id, data, [{ name: "factures.pdf", bytes: MINIMAL_PDF }], staff);
    expect(await subsidy.hasOverdueReport(s.associationId, new Date("2027-07-01T12:00:00Z"))).toBe(false);
    await subsidy.requestReportCorrection(report.id, "Il manque les produits.", staff);
    expect(await subsidy.hasOverdueReport(s.associationId, new Date("2027-07-01T12:00:00Z"))).toBe(true);
    await expect(subsidy.validateReport(report.id, staff)).rejects.toThrow(/transmis/);
    await subsidy.submitReport(s.associationId, report.id, data, [], staff);
    await subsidy.validateReport(report.id, staff);
    const saved = await prisma.financialReport.findUniqueOrThrow({ where: { id: report.id } });
    expect(saved.status).toBe("valide");
    expect((saved.data as { attachmentIds: string[] }).attachmentIds).toHaveLength(1);
    expect(await subsidy.hasOverdueReport(s.associationId, new Date("2030-01-01T12:00:00Z"))).toBe(false);
    expect(await subsidy.hasOverdueReport(other.associationId, new Date("2027-07-01T12:00:00Z"))).toBe(true);
  });

  it("scopes an association's reading to its own subsidies", async () => {
    const s = await votedSubsidy([800_000]);
    const other = await createAssociation(prisma);
    expect(await subsidy.getSubsidyForAssociation(other.id, s.id)).toBeNull();
    expect((await subsidy.getSubsidyForAssociation(s.associationId, s.id))?.id).toBe(s.id);
  });
});

describe("the convention PDF", () => {
  it("names both parties with their SIRET, the purpose, the amount, the schedule and the report duty", async () => {
    const s = await votedSubsidy([3_250_050], { siret: "73282932000074" });
    await subsidy.setSchedule(
      s.id,
      [
        { kind: "avance", amountCents: 2_000_000, plannedDate: "2026-05-01" },
        { kind: "solde", amountCents: 1_250_050, plannedDate: "2026-11-01" },
      ],
      staff,
    );
    const { bytes } = await convention.generateConventionPdf(s.id);
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    const { text } = await extractText(pdf, { mergePages: true });
    const flat = text.replace(/\s+/g, " ");
    const asso = await prisma.association.findUniqueOrThrow({ where: { id: s.associationId } });
    // The test database holds Besançon's seeded settings, whose SIRET is not configured.
    expect(flat).toContain("Le Centre communal d'action sociale de Besançon (CCAS de Besançon), SIRET non renseigné, 13 rue Ronchaux");
    expect(flat).toContain("du tribunal administratif de Besançon");
    expect(flat).toContain(asso.name);
    expect(flat).toContain("73282932000074");
    expect(flat).toContain(s.purpose);
    expect(flat).toContain("32 500,50 €");
    expect(flat).toMatch(/Avance de 20 000,00 €, prévu le 1 mai 2026/);
    expect(flat).toMatch(/Solde de 12 500,50 €, prévu le 1 novembre 2026/);
    expect(flat).toMatch(/compte rendu financier/);
    expect(flat).toContain("30 juin 2027");
    expect(flat).toContain(`CA-${s.number}`);
  });

  it("names the CCAS of the settings: its identity, SIRET, address, representative and court", async () => {
    const before = await prisma.portalSettings.findUniqueOrThrow({ where: { id: "ccas" }, omit: { logo: true } });
    const dole = {
      name: "CCAS de Dole",
      longName: "Centre communal d'action sociale de Dole",
      siret: "26390045100016",
      address: "2 place de l'Europe",
      postcode: "39100",
      city: "Dole",
      representative: "le président du CCAS",
      court: "tribunal administratif de Dijon",
      communes: [{ code: "39198", name: "Dole" }],
    };
    await prisma.portalSettings.update({ where: { id: "ccas" }, data: dole });
    invalidateReferenceData();
    try {
      const association = await createAssociation(prisma, {
        name: "Les Amis du Jura",
        address: "5 rue des Arènes",
        siret: "73282932000074",
        postcode: "39100",
        city: "Dole",
      });
      const s = await votedSubsidy([3_000_000], { associationId: association.id });
      const { bytes } = await convention.generateConventionPdf(s.id);
      const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
      const flat = text.replace(/\s+/g, " ");
      expect(flat).toContain(
        "Le Centre communal d'action sociale de Dole (CCAS de Dole), SIRET 26390045100016, 2 place de l'Europe, 39100 Dole, représenté par le président du CCAS",
      );
      expect(flat).toContain("mentionner le soutien du CCAS de Dole");
      expect(flat).toContain("du tribunal administratif de Dijon");
      expect(flat).toContain("Fait à Dole");
      expect(flat).toContain("Pour le CCAS de Dole");
      expect(flat).not.toMatch(/Besançon|26250000200015/);
      expect((await getMeta(new Uint8Array(bytes))).info).toMatchObject({ Author: "CCAS de Dole" });
    } finally {
      const { id: _id, updatedAt: _at, communes, ...rest } = before;
      await prisma.portalSettings.update({ where: { id: "ccas" }, data: { ...rest, communes: communes ?? [] } });
      invalidateReferenceData();
    }
  });
});

describe("dashboard and exports", () => {
  it("adds up per call, per field and per district what the database holds", async () => {
    const year = 2024;
    const call2 = await prisma.call.create({
      data: {
        slug: `appel-2024-${Date.now()}`,
        title: "Appel 2024",
        summary: "s",
        body: "b",
        envelopeCents: 9_000_000,
        minAmountCents: 0,
        maxAmountCents: 9_000_000,
        opensAt: new Date("2024-01-01T00:00:00Z"),
        closesAt: new Date("2024-02-01T00:00:00Z"),
        financialYear: 2024,
        status: "decisions_publiees",
      },
    });
    const made: string[] = [];
    for (const [i, amount] of [1_000_000, 2_500_000, 700_000].entries()) {
      const asso = await createAssociation(prisma, {
        district: i === 2 ? "planoise" : "velotte",
        fields: i === 0 ? ["sante", "handicap"] : ["sante"],
      });
      const d = await prisma.dossier.create({
        data: {
          number: `D24-${Date.now()}-${i}`,
          callId: call2.id,
          associationId: asso.id,
          state: "accepte",
          projectTitle: `Projet 2024 ${i}`,
          requestedCents: amount,
          proposedCents: amount,
          decidedAt: new Date("2024-03-01T10:00:00Z"),
        },
      });
      const s = await subsidy.createSubsidyFromDossier(d.id, staff);
      await subsidy.recordVote(s.id, { decisionDate: "2024-03-05", deliberationRef: `CA-2024-${i}`, yearAmounts: [amount] }, staff);
      made.push(s.id);
    }
    // One granted outside a call, one only proposed.
    const outsideAsso = await createAssociation(prisma, { district: "planoise", fields: ["mobilite"] });
    const outside = await subsidy.createGrant(
      { associationId: outsideAsso.id, purpose: "Transport solidaire", amount: 400_000, financialYear: year, fundsAction: false },
      staff,
    );
    await subsidy.recordVote(outside.id, { decisionDate: "2024-05-05", deliberationRef: "CA-2024-H", yearAmounts: [400_000] }, staff);
    await subsidy.createGrant(
      { associationId: outsideAsso.id, purpose: "Pas encore voté", amount: 100_000, financialYear: year, fundsAction: true },
      staff,
    );
    await signConvention(made[1], "2024-03-10");
    await subsidy.setSchedule(made[0], [{ kind: "solde", amountCents: 1_000_000, plannedDate: "2024-04-01" }], staff);
    await subsidy.setSchedule(
      made[1],
      [
        { kind: "avance", amountCents: 1_500_000, plannedDate: "2024-04-01" },
        { kind: "solde", amountCents: 1_000_000, plannedDate: "2024-09-01" },
      ],
      staff,
    );
    const i0 = await prisma.instalment.findFirstOrThrow({ where: { subsidyId: made[0] } });
    const i1 = await prisma.instalment.findFirstOrThrow({ where: { subsidyId: made[1] }, orderBy: { plannedDate: "asc" } });
    await subsidy.recordPayment(made[0], { instalmentId: i0.id, paidAt: "2024-04-01", amountCents: 1_000_000 }, staff);
    await subsidy.recordPayment(made[1], { instalmentId: i1.id, paidAt: "2024-04-02", amountCents: 1_500_000 }, staff);

    const dash = await reporting.getDashboard(year, new Date("2024-10-01T10:00:00Z"));
    // Expected sums computed from the database, independently of the dashboard's code.
    const rows = await prisma.subsidy.findMany({
      where: { financialYear: year, votedCents: { not: null } },
      include: { instalments: true, dossier: true, association: { include: { fields: true } } },
    });
    const voted = rows.reduce((s, r) => s + r.votedCents!, 0);
    const paid = rows.reduce((s, r) => s + r.instalments.reduce((t, i) => t + (i.paidCents ?? 0), 0), 0);
    expect(voted).toBe(4_600_000);
    expect(dash.totals.votedCents).toBe(voted);
    expect(dash.totals.paidCents).toBe(paid);
    expect(dash.totals.remainingCents).toBe(voted - paid);
    expect(dash.totals.associationsFunded).toBe(new Set(rows.map((r) => r.associationId)).size);
    expect(dash.totals.proposed).toBe(1);
    const callRow = dash.callRows.find((r) => r.key === call2.id)!;
    expect(callRow.envelopeCents).toBe(9_000_000);
    expect(callRow.votedCents).toBe(rows.filter((r) => r.dossier?.callId === call2.id).reduce((s, r) => s + r.votedCents!, 0));
    expect(dash.callRows.find((r) => r.key === "hors-appel")?.votedCents).toBe(400_000);
    const sante = rows.filter((r) => r.association.fields.some((f) => f.slug === "sante"));
    expect(dash.byField.find((b) => b.key === "sante")).toMatchObject({
      votedCents: sante.reduce((s, r) => s + r.votedCents!, 0),
      associations: sante.length,
    });
    const planoise = rows.filter((r) => r.association.district === "planoise");
    expect(dash.byDistrict.find((b) => b.key === "planoise")?.votedCents).toBe(planoise.reduce((s, r) => s + r.votedCents!, 0));
    expect(dash.byDistrict.reduce((s, b) => s + b.votedCents, 0)).toBe(voted);
    // The solde of made[1] is late on 1 October and planned > 60 days after the signature.
    const flagged = dash.flaggedPayments.find((p) => p.subsidyId === made[1]);
    expect(flagged?.flags).toEqual(["late", "beyond_60_days"]);

    const csv = await reporting.exportCsv("subventions");
    expect(csv.startsWith("\ufeffNuméro;Exercice;Association")).toBe(true);
    const parsed = parse(csv.slice(1), { columns: true, delimiter: ";" }) as Record<string, string>[];
    const row = parsed.find((r) => r["Numéro"] === rows.find((x) => x.id === made[1])!.number)!;
    expect(row["Montant voté (€)"]).toBe("25000,00");
    expect(row["Versé (€)"]).toBe("15000,00");
    expect(row["Reste à verser (€)"]).toBe("10000,00");
    const xlsx = await reporting.exportXlsx();
    expect(xlsx.subarray(0, 2).toString()).toBe("PK");
  });

  it("publishes the SCDL file: decided subsidies only, column by column", async () => {
    const s = await votedSubsidy([2_600_000], { siret: "73282932000074" });
    await signConvention(s.id, "2026-04-02");
    await subsidy.setSchedule(
      s.id,
      [
        { kind: "avance", amountCents: 1_600_000, plannedDate: "2026-04-20" },
        { kind: "solde", amountCents: 1_000_000, plannedDate: "2026-10-20" },
      ],
      staff,
    );
    const small = await votedSubsidy([500_000]);
    await subsidy.setSchedule(small.id, [{ kind: "solde", amountCents: 500_000, plannedDate: "2026-05-02" }], staff);
    const asso = await createAssociation(prisma);
    const proposedOnly = await subsidy.createSubsidyFromDossier((await acceptedDossier(asso.id, { title: "Jamais voté XYZ" })).id, staff);

    // Published once the CCAS's SIRET is configured (the template database has none).
    await prisma.portalSettings.update({ where: { id: "ccas" }, data: { siret: "21250056500008" } });
    invalidateReferenceData();
    const file = await reporting.scdlFile();
    if (!file.published) throw new Error("fichier des subventions non publié");
    const csv = file.csv;
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    const records = parse(csv, { columns: true, delimiter: "," }) as Record<string, string>[];
    expect(Object.keys(records[0])).toEqual([...reporting.SCDL_COLUMNS]);
    expect(records.some((r) => r.objet === proposedOnly.purpose)).toBe(false);
    expect(records).toHaveLength(await prisma.subsidy.count({ where: { votedCents: { not: null } } }));

    const assoName = (await prisma.association.findUniqueOrThrow({ where: { id: s.associationId } })).name;
    const big = records.find((r) => r.referenceDecision === `CA-${s.number}`)!;
    expect(big.nomAttribuant).toBe("Centre communal d'action sociale de Besançon");
    expect(big.idAttribuant).toBe("21250056500008");
    expect(big.dateConvention).toBe("2026-04-02");
    expect(big.nomBeneficiaire).toBe(assoName);
    expect(big.idBeneficiaire).toBe("73282932000074");
    expect(big.objet).toBe(s.purpose);
    expect(big.montant).toBe("26000.00");
    expect(big.nature).toBe("aide en numéraire");
    expect(big.conditionsVersement).toBe("échelonné");
    expect(big.datesPeriodeVersement).toBe("2026-04-20/2026-10-20");
    expect(big.idRAE).toBe("");
    expect(big.notificationUE).toBe("non");
    expect(big.pourcentageSubvention).toBe("1");

    const one = records.find((r) => r.referenceDecision === `CA-${small.number}`)!;
    // No convention below 23 000 €: the decision's date stands for it.
    expect(one.dateConvention).toBe("2026-03-20");
    expect(one.conditionsVersement).toBe("unique");
    expect(one.datesPeriodeVersement).toBe("2026-05-02");
    for (const r of records) {
      expect(r.idAttribuant).toMatch(/^\d{14}$/);
      expect(r.dateConvention).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(r.datesPeriodeVersement).toMatch(/^[0-9]{4}-[0-9]{2}-[0-9]{2}(\/[0-9]{4}-[0-9]{2}-[0-9]{2})?$/);
      expect(Number(r.montant)).toBeGreaterThan(0);
    }
  });
});
