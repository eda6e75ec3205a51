// Demo routing: the open call's reviewers in two groups (large requests, everything else), its
// deposited dossiers routed by the same rules, one followed and one saved filter for the
// demo reviewer.
import type { SeedContext } from "./index";
import { firstMatchingGroup } from "../../app/review/routing-rules";

export async function seedRouting(ctx: SeedContext) {
  const { db } = ctx;
  const [ines, second] = await Promise.all(
    ["instructrice@ccas-besancon.test", "instructeur2@ccas-besancon.test"].map((email) =>
      db.user.findUnique({ where: { email }, select: { id: true } }),
    ),
  );
  const call = await db.call.findFirst({ where: { status: "publie" }, orderBy: { closesAt: "desc" }, select: { id: true } });
  if (!ines || !second || !call) return;
  const groups = [
    await db.reviewGroup.create({
      data: { callId: call.id, name: "Grands projets", position: 1, minCents: 10_000_00, members: { create: [{ userId: second.id }] } },
    }),
    await db.reviewGroup.create({
      data: { callId: call.id, name: "Accueil et proximité", position: 2, members: { create: [{ userId: ines.id }] } },
    }),
  ];
  const dossiers = await db.dossier.findMany({
    where: { callId: call.id, state: { not: "brouillon" } },
    orderBy: { number: "asc" },
    select: { id: true, requestedCents: true, association: { select: { district: true, fields: { select: { slug: true } } } } },
  });
  for (const d of dossiers) {
    const group = firstMatchingGroup(groups, {
      fieldSlugs: d.association.fields.map((f) => f.slug),
      districtSlug: d.association.district,
      requestedCents: d.requestedCents,
    });
    if (group) await db.dossier.update({ where: { id: d.id }, data: { reviewGroupId: group.id } });
  }
  if (dossiers[0]) await db.dossierFollow.create({ data: { dossierId: dossiers[0].id, userId: ines.id } });
  await db.savedFilter.create({
    data: { userId: ines.id, name: "À suivre, plus gros montants d'abord", query: "onglet=a-suivre&tri=montant" },
  });
}
