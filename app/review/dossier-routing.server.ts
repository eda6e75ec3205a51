// The dossier page's « Routage et suivi » section: its group (and the others of its call to move
// it to), its rules in French, who follows it.
import { prisma } from "~/db.server";
import { getTaxonomy } from "~/settings/taxonomy.server";
import { requireDossierAccess, type Actor } from "./access.server";
import { dossierFollowers } from "./follows.server";
import { describeRules, type RuleLabels } from "./routing-rules";

/** Labels for rules: a retired term says so. */
export async function ruleLabels(): Promise<RuleLabels> {
  const taxonomy = await getTaxonomy();
  const of = (kind: "field" | "district") => (slug: string) => {
    const term = taxonomy.find(kind, slug);
    return { label: term?.label ?? slug, retired: !term || term.retired };
  };
  return { field: of("field"), district: of("district") };
}

export async function getDossierRouting(user: Actor, dossierId: string) {
  const { callId } = await requireDossierAccess(user, dossierId);
  const [dossier, groups, follow, labels] = await Promise.all([
    prisma.dossier.findUniqueOrThrow({ where: { id: dossierId }, select: { reviewGroupId: true } }),
    prisma.reviewGroup.findMany({
      where: { callId },
      orderBy: { position: "asc" },
      select: { id: true, name: true, fieldSlug: true, districtSlug: true, minCents: true, maxCents: true },
    }),
    dossierFollowers(user, dossierId),
    ruleLabels(),
  ]);
  const current = groups.find((g) => g.id === dossier.reviewGroupId) ?? null;
  return {
    callId,
    group: current ? { id: current.id, name: current.name, rules: describeRules(current, labels) } : null,
    groups: groups.map((g) => ({ id: g.id, name: g.name })),
    ...follow,
  };
}
