// Conversations between associations for tests and the demo seed, written straight into the
// database (no limits, no e-mail): app/network/conversations.server.ts is the portal's way.
import type { Db } from "../../app/db.server";

export type ConversationData = {
  fromAssociationId: string;
  toAssociationId: string;
  subject?: string;
  postId?: string | null;
  startedById?: string | null;
  /** The messages, oldest first; `from: "to"` is a reply of the association written to. */
  messages?: { from: "from" | "to"; body: string; authorId?: string | null; at?: Date }[];
  /** Whether each side has read up to the last message. */
  readByFrom?: boolean;
  readByTo?: boolean;
};

export async function createConversation(db: Db, data: ConversationData) {
  const messages = data.messages ?? [{ from: "from" as const, body: "Bonjour, pourrions-nous échanger ?" }];
  const start = Date.now() - messages.length * 60_000;
  const dated = messages.map((m, i) => ({ ...m, at: m.at ?? new Date(start + i * 60_000) }));
  const last = dated.length ? dated[dated.length - 1].at : new Date();
  const conversation = await db.conversation.create({
    data: {
      fromAssociationId: data.fromAssociationId,
      toAssociationId: data.toAssociationId,
      subject: data.subject ?? "Prise de contact",
      postId: data.postId ?? null,
      startedById: data.startedById ?? null,
      createdAt: dated[0]?.at ?? last,
      lastMessageAt: last,
      fromReadAt: data.readByFrom === false ? null : last,
      toReadAt: data.readByTo ? last : null,
    },
    select: { id: true },
  });
  const ids: string[] = [];
  for (const m of dated) {
    const row = await db.conversationMessage.create({
      data: {
        conversationId: conversation.id,
        associationId: m.from === "from" ? data.fromAssociationId : data.toAssociationId,
        authorId: m.authorId ?? null,
        body: m.body,
        createdAt: m.at,
      },
      select: { id: true },
    });
    ids.push(row.id);
  }
  return { id: conversation.id, messageIds: ids };
}
