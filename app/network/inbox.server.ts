// The association's messagerie: its conversations with other associations (both directions) and
// one conversation read from one side. Every read is scoped by the side asking: a conversation the
// association is not a side of does not exist for it (404).
import { prisma, type Prisma } from "~/db.server";
import { notFoundError } from "~/lib/domain-error";
import { markConversationRead } from "./conversations.server";

const sideSelect = { id: true, name: true, slug: true, status: true, dissolvedAt: true } satisfies Prisma.AssociationSelect;

export const conversationSummarySelect = {
  id: true,
  subject: true,
  lastMessageAt: true,
  fromAssociationId: true,
  fromReadAt: true,
  toReadAt: true,
  fromAssociation: { select: sideSelect },
  toAssociation: { select: sideSelect },
  post: { select: { id: true, title: true } },
} satisfies Prisma.ConversationSelect;

type Row = Prisma.ConversationGetPayload<{ select: typeof conversationSummarySelect }>;

/** The other side, as the page names it: a directory link only while it is listed there. */
function otherSide(row: Row, associationId: string) {
  const other = row.fromAssociationId === associationId ? row.toAssociation : row.fromAssociation;
  const listed = other.status === "validated" && other.dissolvedAt === null;
  return { id: other.id, name: other.name, directoryPath: listed ? `/annuaire/${other.slug}` : null };
}

function isUnread(row: Row, associationId: string) {
  const readAt = row.fromAssociationId === associationId ? row.fromReadAt : row.toReadAt;
  return readAt === null || readAt < row.lastMessageAt;
}

function summary(row: Row, associationId: string) {
  return {
    id: row.id,
    subject: row.subject,
    lastMessageAt: row.lastMessageAt,
    started: row.fromAssociationId === associationId,
    other: otherSide(row, associationId),
    post: row.post ? { id: row.post.id, title: row.post.title } : null,
    unread: isUnread(row, associationId),
  };
}

export type ConversationSummary = ReturnType<typeof summary>;

const PAGE_SIZE = 50;

/** The association's conversations, latest message first (50 a page). */
export async function listConversations(associationId: string, page = 1) {
  const where = { OR: [{ fromAssociationId: associationId }, { toAssociationId: associationId }] } satisfies Prisma.ConversationWhereInput;
  const safePage = Number.isInteger(page) && page > 0 && page < 10_000 ? page : 1;
  const [rows, total] = await Promise.all([
    prisma.conversation.findMany({
      where,
      select: conversationSummarySelect,
      orderBy: [{ lastMessageAt: "desc" }, { id: "asc" }],
      skip: (safePage - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
    prisma.conversation.count({ where }),
  ]);
  return {
    conversations: rows.map((r) => summary(r, associationId)),
    total,
    page: safePage,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
  };
}

/**
 * One conversation as this side reads it, messages oldest first; a message hidden by the CCAS
 * shows the reason, never its text. Opening it marks it read for this side.
 */
export async function readConversation(associationId: string, conversationId: string, { markRead = true } = {}) {
  if (typeof conversationId !== "string" || conversationId.length > 64) throw notFoundError();
  const row = await prisma.conversation.findFirst({
    where: { id: conversationId, OR: [{ fromAssociationId: associationId }, { toAssociationId: associationId }] },
    select: {
      ...conversationSummarySelect,
      messages: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
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
  if (!row) throw notFoundError("Cette conversation n'existe pas ou votre association n'y participe pas.");
  if (markRead) await markConversationRead(row.id, associationId);
  const names = { [row.fromAssociation.id]: row.fromAssociation.name, [row.toAssociation.id]: row.toAssociation.name };
  return {
    ...summary(row, associationId),
    messages: row.messages.map((m) => ({
      id: m.id,
      mine: m.associationId === associationId,
      associationName: names[m.associationId] ?? "",
      authorName: m.author?.name ?? "Compte supprimé",
      createdAt: m.createdAt,
      hidden: m.hiddenAt !== null,
      hiddenReason: m.hiddenAt ? (m.hiddenReason ?? "") : null,
      body: m.hiddenAt ? null : m.body,
    })),
  };
}

export type ConversationView = Awaited<ReturnType<typeof readConversation>>;
