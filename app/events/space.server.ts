// The association's space: its registrations to coming events and the link to them.
import { prisma } from "~/db.server";
import type { SpaceLink } from "~/associations/member-space.server";
import { placeSelect } from "~/events/places.server";

export async function listAssociationRegistrations(associationId: string, now = new Date()) {
  return prisma.registration.findMany({
    where: { associationId, status: { in: ["confirmee", "liste_attente"] }, event: { endsAt: { gte: now } } },
    orderBy: [{ event: { startsAt: "asc" } }, { name: "asc" }],
    select: {
      ...placeSelect,
      event: { select: { slug: true, title: true, startsAt: true } },
    },
  });
}

export async function eventSpaceLinks(associationId: string): Promise<SpaceLink[]> {
  const count = await prisma.registration.count({
    where: { associationId, status: { in: ["confirmee", "liste_attente"] }, event: { endsAt: { gte: new Date() } } },
  });
  return [
    {
      href: `/espace/associations/${associationId}/inscriptions`,
      label: "Inscriptions aux événements",
      note: count ? `${count} inscription(s) à venir` : "aucune inscription à venir",
    },
  ];
}
