// The public page's figures, recomputed straight from the database with queries of their own:
// per axis of the project covering the year, the « Non rattaché » group, the totals; only voted
// subsidies of validated associations of that financial year; a dissolved association unlinked.
import { beforeAll, describe, expect, it } from "vitest";
import { createAssociation } from "../../prisma/factories/association";
import { createSocialProject } from "../../prisma/factories/steering";
import { createUser } from "../../prisma/factories/user";

const { prisma } = await import("../db.server");
const { createGrant } = await import("../subsidies/creation.server");
const { recordVote } = await import("../subsidies/vote.server");
const funding = await import("./public-funding.server");
const route = await import("../routes/financements");
const { PUBLIC_PAGES } = await import("../../server/page-cache");

const YEAR = 2092;
let project: Awaited<ReturnType<typeof createSocialProject>>;
let staff: { id: string };
const names = { a: "Épicerie des Tilleuls", b: "Atelier Numérique Solidaire", c: "Amicale dissoute", p: "Association en attente" };

async function grant(associationId: string, purpose: string, cents: number, year = YEAR, years?: number[]) {
  const s = await createGrant({ associationId, purpose, amount: cents, financialYear: year, fundsAction: true }, staff);
  await recordVote(
    s.id,
    { decisionDate: `${year}-03-20`, deliberationRef: `CA-${year}-${purpose.length}`, yearAmounts: years ?? [cents] },
    staff,
  );
  return s.id;
}

beforeAll(async () => {
  staff = await createUser(prisma, { role: "staff" });
  project = await createSocialProject(prisma, {
    title: "Projet social 2091-2095",
    startYear: 2091,
    endYear: 2095,
    axes: [
      { title: "Accès aux droits", flagships: ["Médiateurs numériques", "Permanences"] },
      { title: "Autonomie", flagships: ["Mobilités"] },
      { title: "Axe sans projet", flagships: [] },
    ],
  });
  const [axis1, axis2] = project.axes;
  const a = await createAssociation(prisma, { name: names.a });
  const b = await createAssociation(prisma, { name: names.b });
  const c = await createAssociation(prisma, { name: names.c });
  const p = await createAssociation(prisma, { name: names.p });
  const attach = (id: string, axisId: string | null, flagshipId: string | null = null) =>
    prisma.subsidy.update({ where: { id }, data: { axisId, flagshipId } });

  await attach(await grant(a.id, "Paniers solidaires", 12_000_00), axis1.id, axis1.flagships[0].id);
  await attach(await grant(b.id, "Ateliers numériques", 8_500_50), axis1.id, axis1.flagships[1].id);
  await attach(await grant(a.id, "Transport solidaire", 3_000_00), axis2.id);
  // A multi-year agreement: its total in the year of its first exercise.
  await attach(
    await grant(b.id, "Convention pluriannuelle", 10_000_00, YEAR, [10_000_00, 10_000_00, 5_000_00]),
    axis2.id,
    axis2.flagships[0].id,
  );
  await grant(c.id, "Vestiaire", 2_000_00); // unattached
  await grant(a.id, "Sorties familles", 1_500_00); // unattached
  await prisma.association.update({ where: { id: c.id }, data: { dissolvedAt: new Date(Date.UTC(YEAR, 5, 1)) } });
  // Not shown: proposed only, another year, an association no longer validated.
  await createGrant(
    { associationId: a.id, purpose: "Proposée seulement", amount: 9_999_00, financialYear: YEAR, fundsAction: true },
    staff,
  );
  await attach(await grant(a.id, "Autre année", 7_000_00, YEAR + 1), axis1.id);
  await attach(await grant(p.id, "Association refusée ensuite", 4_000_00), axis1.id);
  await prisma.association.update({ where: { id: p.id }, data: { status: "refused" } });
  // A year no social project covers.
  await grant(b.id, "Hors période", 2_500_00, YEAR + 10);
});

/** The page's rule, as its own query: voted, validated association, the financial year. */
const shown = { financialYear: YEAR, votedCents: { not: null }, association: { status: "validated" as const } };

describe("getPublicFunding", () => {
  it("adds up each axis, « Non rattaché » last, and the totals, as the database says", async () => {
    const page = await funding.getPublicFunding(YEAR);
    expect(page.project?.title).toBe("Projet social 2091-2095");
    expect(page.groups.map((g) => g.number)).toEqual([1, 2, 3, null]);
    expect(page.groups.at(-1)!.title).toBe(funding.UNATTACHED_TITLE);

    const axisIds = project.axes.map((a) => a.id);
    for (const group of page.groups) {
      const where =
        group.number === null ? { ...shown, OR: [{ axisId: null }, { axisId: { notIn: axisIds } }] } : { ...shown, axisId: group.key };
      const sum = await prisma.subsidy.aggregate({ where, _sum: { votedCents: true }, _count: true });
      const associations = await prisma.subsidy.findMany({
        where,
        distinct: ["associationId"],
        select: { association: { select: { name: true } } },
      });
      expect(group.votedCents).toBe(sum._sum.votedCents ?? 0);
      expect(group.projects).toHaveLength(sum._count);
      expect(group.associations.map((a) => a.name).sort()).toEqual(associations.map((a) => a.association.name).sort());
    }
    const total = await prisma.subsidy.aggregate({ where: shown, _sum: { votedCents: true }, _count: true });
    const distinct = await prisma.subsidy.findMany({ where: shown, distinct: ["associationId"], select: { associationId: true } });
    expect(page.totals).toEqual({ votedCents: total._sum.votedCents, projects: total._count, associations: distinct.length });
    // The figures the factories were given, so a wrong rule on both sides fails too.
    expect(page.groups.map((g) => g.votedCents)).toEqual([20_500_50, 28_000_00, 0, 3_500_00]);
    expect(page.totals).toEqual({ votedCents: 52_000_50, projects: 6, associations: 3 });
  });

  it("names the projet phare within its axis, and links only associations still in the directory", async () => {
    const page = await funding.getPublicFunding(YEAR);
    const axis1 = page.groups[0];
    expect(axis1.projects.map((p) => [p.title, p.flagship])).toEqual([
      ["Paniers solidaires", "n°1 Médiateurs numériques"],
      ["Ateliers numériques", "n°2 Permanences"],
    ]);
    expect(page.groups[1].projects.find((p) => p.title === "Transport solidaire")?.flagship).toBeNull();
    const unattached = page.groups.at(-1)!;
    expect(unattached.associations).toEqual([
      { name: names.c, slug: null },
      { name: names.a, slug: expect.any(String) },
    ]);
    const slug = unattached.associations[1].slug!;
    expect(await prisma.association.count({ where: { slug, name: names.a } })).toBe(1);
  });

  it("shows no personal data: only association names, slugs, purposes and amounts", async () => {
    const page = await funding.getPublicFunding(YEAR);
    const keys = new Set<string>();
    const walk = (value: unknown) => {
      if (!value || typeof value !== "object") return;
      for (const [k, v] of Object.entries(value)) {
        keys.add(k);
        walk(v);
      }
    };
    walk(page);
    for (const forbidden of ["email", "phone", "representative", "members", "siret", "userId"]) expect(keys.has(forbidden)).toBe(false);
  });

  it("without a project covering the year, puts everything under « Non rattaché »", async () => {
    const page = await funding.getPublicFunding(YEAR + 10);
    expect(page.project).toBeNull();
    expect(page.groups.map((g) => [g.title, g.votedCents, g.projects.length])).toEqual([[funding.UNATTACHED_TITLE, 2_500_00, 1]]);
    expect(page.totals).toEqual({ votedCents: 2_500_00, projects: 1, associations: 1 });
  });

  it("offers the years with voted subsidies, and reads ?annee= safely", async () => {
    const years = await funding.publicFundingYears(new Date(Date.UTC(2026, 5, 1)));
    expect(years).toEqual([YEAR + 10, YEAR + 1, YEAR, 2026]);
    expect(funding.parseFundingYear("2092")).toBe(2092);
    for (const raw of [null, "", "abc", "20925", "1999", "2101", "2092' OR 1=1"]) expect(funding.parseFundingYear(raw)).toBeNull();
  });
});

describe("the /financements loader", () => {
  it("serves the year asked, and the current year for anything else", async () => {
    const asked = await route.loader({
      request: new Request(`http://portail.test/financements?annee=${YEAR}`),
      params: {},
      context: { cspNonce: "" },
    });
    expect(asked.funding.totals.votedCents).toBe(52_000_50);
    expect(asked.years).toContain(YEAR);
    const odd = await route.loader({
      request: new Request("http://portail.test/financements?annee=%00%27"),
      params: {},
      context: { cspNonce: "" },
    });
    expect(odd.funding.year).toBe(funding.defaultFundingYear());
  });

  it("is a public page for the anonymous page cache (decision 008)", () => {
    expect(PUBLIC_PAGES.test("/financements")).toBe(true);
    expect(PUBLIC_PAGES.test("/financements/autre")).toBe(false);
  });
});
