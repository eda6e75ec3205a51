// Contacting an association from its directory page: who may (a member of another validated
// association; not the public, not CCAS staff, not the association's own members), on behalf of
// which of their associations, and the first message, written through writeToAssociation.
import type { SessionUser } from "~/accounts/auth.server";
import { prisma } from "~/db.server";
import { DomainError, forbiddenError, notFoundError } from "~/lib/domain-error";
import { writeToAssociation } from "./conversations.server";

export const STAFF_CANNOT_CONTACT =
  "Les comptes du CCAS n'écrivent pas aux associations par l'annuaire : cette messagerie relie les associations entre elles. Utilisez la messagerie des dossiers ou votre messagerie habituelle.";
export const OWN_ASSOCIATION = "Vous ne pouvez pas écrire à votre propre association.";
export const NO_ASSOCIATION = "Seuls les membres d'une association validée du réseau peuvent contacter une association par le portail.";

const listed = { status: "validated", dissolvedAt: null } as const;

/** The person's validated associations (those they may write on behalf of, but the one written to). */
async function ownListedAssociations(userId: string) {
  const rows = await prisma.membership.findMany({
    where: { userId, association: listed },
    orderBy: { createdAt: "asc" },
    select: { association: { select: { id: true, name: true } } },
  });
  return rows.map((r) => r.association);
}

/** Whether the directory page shows « Contacter cette association » to this visitor. */
export async function canContact(user: SessionUser | null, targetId: string) {
  if (!user || user.role !== "member") return false;
  const mine = await ownListedAssociations(user.id);
  return mine.length > 0 && !mine.some((a) => a.id === targetId);
}

/** The contact page's facts, or the refusal (404 unknown association, 403 staff / no association / own). */
export async function contactContext(user: SessionUser, slug: string) {
  const target = await prisma.association.findFirst({
    where: { slug: String(slug).slice(0, 200), ...listed },
    select: { id: true, name: true, slug: true },
  });
  if (!target) throw notFoundError("Cette association n'existe pas ou n'est pas publiée dans l'annuaire.");
  if (user.role !== "member") throw forbiddenError(STAFF_CANNOT_CONTACT);
  const mine = await ownListedAssociations(user.id);
  const senders = mine.filter((a) => a.id !== target.id);
  if (senders.length === 0) throw forbiddenError(mine.length ? OWN_ASSOCIATION : NO_ASSOCIATION);
  return { target, senders };
}

/** Writes the first message; the sender must be one of the person's own associations. */
export async function contactFromDirectory(
  user: SessionUser,
  slug: string,
  input: { fromAssociationId?: string; subject: string; body: string },
) {
  const { target, senders } = await contactContext(user, slug);
  const from = senders.length === 1 && !input.fromAssociationId ? senders[0] : senders.find((a) => a.id === input.fromAssociationId);
  if (!from)
    throw new DomainError("Écrire au nom de : choisissez une de vos associations.", {
      field: "fromAssociationId",
      code: "not_your_association",
    });
  const { conversationId } = await writeToAssociation({
    fromAssociationId: from.id,
    toAssociationId: target.id,
    subject: input.subject,
    body: input.body,
    authorId: user.id,
  });
  return { conversationId, fromAssociationId: from.id, target };
}
