// What the network adds to an association's space: its needs and offers, its conversations with the
// other associations (unread ones counted), and the CCAS's consultations it has not answered yet.
import { prisma } from "~/db.server";
import type { SpaceLink } from "~/associations/member-space.server";

function count(n: number, one: string, many: string, none: string) {
  if (n === 0) return none;
  return n === 1 ? `1 ${one}` : `${n} ${many}`;
}

/** Conversations whose last message came after this side last read them. */
export async function unreadConversationCount(associationId: string) {
  const rows = await prisma.conversation.findMany({
    where: { OR: [{ fromAssociationId: associationId }, { toAssociationId: associationId }] },
    select: { fromAssociationId: true, lastMessageAt: true, fromReadAt: true, toReadAt: true },
  });
  return rows.filter((c) => {
    const readAt = c.fromAssociationId === associationId ? c.fromReadAt : c.toReadAt;
    return !readAt || readAt < c.lastMessageAt;
  }).length;
}

export async function networkSpaceLinks(associationId: string): Promise<SpaceLink[]> {
  const now = new Date();
  const [openPosts, unread, consultations] = await Promise.all([
    prisma.networkPost.count({ where: { associationId, status: "open" } }),
    unreadConversationCount(associationId),
    prisma.consultation.count({
      where: {
        publishedAt: { not: null },
        opensAt: { lte: now },
        closesAt: { gt: now },
        responses: { none: { associationId } },
      },
    }),
  ]);
  return [
    {
      href: `/espace/associations/${associationId}/reseau`,
      label: "Besoins et offres du réseau",
      note: count(openPosts, "annonce en cours de votre association", "annonces en cours de votre association", "aucune annonce en cours"),
    },
    {
      href: `/espace/associations/${associationId}/messagerie`,
      label: "Messagerie entre associations",
      note: count(unread, "conversation non lue", "conversations non lues", "aucun message non lu"),
    },
    {
      href: `/espace/associations/${associationId}/consultations`,
      label: "Consultations du CCAS",
      note: count(
        consultations,
        "consultation attend votre réponse",
        "consultations attendent votre réponse",
        "aucune consultation en attente",
      ),
    },
  ];
}
