// What the CCAS funded in a year, by axis of its social project, as the public sees it
// (/financements): amounts voted, projects, associations funded. Only voted subsidies of validated
// associations; no person, e-mail or phone, only the association's name and its directory slug.
// Money counts in the subsidy's financial year, as on the staff dashboard (subsidies/dashboard.server.ts).
import { projectForYear } from "./social-project.server";
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/db.server";
import { IN_DIRECTORY } from "~/associations/directory-visibility";
import { parisYear } from "~/subsidies/rules";

/** The subsidies the public page may show: voted, to an association the CCAS validated. */
export const PUBLIC_FUNDING_WHERE = {
  votedCents: { not: null },
  association: { status: "validated" },
} as const satisfies Prisma.SubsidyWhereInput;

const fundingSelect = {
  id: true,
  purpose: true,
  votedCents: true,
  axisId: true,
  flagship: { select: { number: true, title: true, axisId: true } },
  association: { select: { id: true, name: true, slug: true, dissolvedAt: true } },
} satisfies Prisma.SubsidySelect;

export type FundedAssociation = { name: string; slug: string | null };
export type FundedProject = {
  id: string;
  title: string;
  association: FundedAssociation;
  flagship: string | null;
  votedCents: number;
};
export type FundingGroup = {
  /** The axis's id, or "non-rattache". */
  key: string;
  number: number | null;
  title: string;
  votedCents: number;
  projects: FundedProject[];
  associations: FundedAssociation[];
};

export const UNATTACHED_KEY = "non-rattache";
export const UNATTACHED_TITLE = "Non rattaché au projet social";

/** The years a visitor may choose: those with voted subsidies, and the current one; newest first. */
export async function publicFundingYears(now = new Date()): Promise<number[]> {
  const rows = await prisma.subsidy.findMany({
    where: PUBLIC_FUNDING_WHERE,
    distinct: ["financialYear"],
    select: { financialYear: true },
  });
  return [...new Set([parisYear(now), ...rows.map((r) => r.financialYear)])].sort((a, b) => b - a);
}

/** The year the page opens on: the current one. */
export function defaultFundingYear(now = new Date()): number {
  return parisYear(now);
}

/** `?annee=` as a year the page can show, or null (then the default year). */
export function parseFundingYear(raw: string | null): number | null {
  if (!raw || !/^\d{4}$/.test(raw.trim())) return null;
  const year = Number(raw.trim());
  return year >= 2000 && year <= 2100 ? year : null;
}

const byName = (a: FundedAssociation, b: FundedAssociation) => a.name.localeCompare(b.name, "fr");

/**
 * One year: the social project covering it (or none), one group per axis in order (those without
 * any project too, with zero), then « Non rattaché » when some voted subsidy serves no axis of that project.
 */
export async function getPublicFunding(year: number) {
  const [project, subsidies] = await Promise.all([
    projectForYear(year),
    prisma.subsidy.findMany({
      where: { ...PUBLIC_FUNDING_WHERE, financialYear: year },
      select: fundingSelect,
      orderBy: [{ votedCents: "desc" }, { number: "asc" }],
    }),
  ]);

  const groups: FundingGroup[] = (project?.axes ?? []).map((axis) => ({
    key: axis.id,
    number: axis.number,
    title: axis.title,
    votedCents: 0,
    projects: [],
    associations: [],
  }));
  const unattached: FundingGroup = {
    key: UNATTACHED_KEY,
    number: null,
    title: UNATTACHED_TITLE,
    votedCents: 0,
    projects: [],
    associations: [],
  };

  const seenIn = new Map<FundingGroup, Set<string>>();
  for (const s of subsidies) {
    const group = groups.find((g) => g.key === s.axisId) ?? unattached;
    const association: FundedAssociation = {
      name: s.association.name,
      // A dissolved association is no longer in the directory: its name, without a link.
      slug: s.association.dissolvedAt === IN_DIRECTORY.dissolvedAt ? s.association.slug : null,
    };
    const flagship = group !== unattached && s.flagship && s.flagship.axisId === s.axisId ? s.flagship : null;
    group.votedCents += s.votedCents!;
    group.projects.push({
      id: s.id,
      title: s.purpose,
      association,
      flagship: flagship ? `n°${flagship.number} ${flagship.title}` : null,
      votedCents: s.votedCents!,
    });
    const seen = (seenIn.get(group) ?? seenIn.set(group, new Set()).get(group))!;
    if (!seen.has(s.association.id)) {
      seen.add(s.association.id);
      group.associations.push(association);
    }
  }
  const all = [...groups, ...(unattached.projects.length ? [unattached] : [])];
  for (const g of all) g.associations.sort(byName);

  return {
    year,
    project: project ? { title: project.title, startYear: project.startYear, endYear: project.endYear } : null,
    groups: all,
    totals: {
      votedCents: subsidies.reduce((sum, s) => sum + s.votedCents!, 0),
      projects: subsidies.length,
      associations: new Set(subsidies.map((s) => s.association.id)).size,
    },
  };
}

export type PublicFunding = Awaited<ReturnType<typeof getPublicFunding>>;
