// How long the exchanges between associations are kept, and what an association's data export
// holds of them (docs/retention.md): a conversation goes 2 years after its last message, with its
// messages and their reports; the export has every conversation of the association, both sides'
// messages (they were written to it), hidden ones without their text.
import { prisma } from "~/db.server";

export const CONVERSATION_RETENTION_DAYS = 2 * 365;

/** Deletes the conversations whose last message is older than the retention period (messages cascade). */
export async function purgeOldConversations(now = new Date()) {
  const before = new Date(now.getTime() - CONVERSATION_RETENTION_DAYS * 24 * 3600_000);
  const { count } = await prisma.conversation.deleteMany({ where: { lastMessageAt: { lt: before } } });
  return count;
}

/** The association's conversations for its data export (`conversations.json` of the ZIP). */
export async function conversationsForExport(associationId: string) {
  const rows = await prisma.conversation.findMany({
    where: { OR: [{ fromAssociationId: associationId }, { toAssociationId: associationId }] },
    orderBy: { createdAt: "asc" },
    select: {
      subject: true,
      createdAt: true,
      lastMessageAt: true,
      fromAssociation: { select: { id: true, name: true } },
      toAssociation: { select: { id: true, name: true } },
      post: { select: { title: true } },
      messages: {
        orderBy: { createdAt: "asc" },
        select: {
          associationId: true,
          body: true,
          createdAt: true,
          hiddenAt: true,
          hiddenReason: true,
          author: { select: { name: true } },
        },
      },
    },
  });
  return rows.map((c) => {
    const names: Record<string, string> = { [c.fromAssociation.id]: c.fromAssociation.name, [c.toAssociation.id]: c.toAssociation.name };
    return {
      subject: c.subject,
      startedBy: c.fromAssociation.name,
      writtenTo: c.toAssociation.name,
      post: c.post?.title ?? null,
      createdAt: c.createdAt,
      lastMessageAt: c.lastMessageAt,
      messages: c.messages.map((m) => ({
        association: names[m.associationId] ?? null,
        author: m.author?.name ?? null,
        createdAt: m.createdAt,
        ...(m.hiddenAt ? { hiddenByCcas: true, hiddenReason: m.hiddenReason } : { body: m.body }),
      })),
    };
  });
}
