// The messagerie on a real SQLite database: both directions listed, latest first, unread marks
// per side; a conversation read from one side only (404 for a third association), oldest message
// first, hidden messages without their text, and opening marks it read for that side alone.
import { describe, expect, it } from "vitest";
import { createAssociation } from "../../prisma/factories/association";
import { createConversation } from "../../prisma/factories/conversations";
import { addMembership, createUser } from "../../prisma/factories/user";

const { prisma } = await import("../db.server");
const { listConversations, readConversation } = await import("./inbox.server");
const { replyToConversation, writeToAssociation } = await import("./conversations.server");

async function memberOf() {
  const association = await createAssociation(prisma);
  const user = await createUser(prisma);
  await addMembership(prisma, user.id, association.id, true);
  return { ...association, user };
}

describe("the messagerie", () => {
  it("lists the conversations of both directions, latest first, with unread marks for the side reading", async () => {
    const a = await memberOf();
    const b = await memberOf();
    const c = await memberOf();
    const fromA = await writeToAssociation({
      fromAssociationId: a.id,
      toAssociationId: b.id,
      subject: "De A à B",
      body: "Bonjour B",
      authorId: a.user.id,
    });
    await new Promise((r) => setTimeout(r, 5));
    const fromC = await writeToAssociation({
      fromAssociationId: c.id,
      toAssociationId: a.id,
      subject: "De C à A",
      body: "Bonjour A",
      authorId: c.user.id,
    });

    const ofA = await listConversations(a.id);
    expect(ofA.total).toBe(2);
    expect(ofA.conversations.map((x) => [x.subject, x.started, x.unread, x.other.name])).toEqual([
      ["De C à A", false, true, c.name],
      ["De A à B", true, false, b.name],
    ]);
    expect(ofA.conversations[0].other.directoryPath).toBe(`/annuaire/${c.slug}`);
    const ofB = await listConversations(b.id);
    expect(ofB.conversations.map((x) => [x.id, x.unread])).toEqual([[fromA.conversationId, true]]);

    // B replies: A now has an unread message in the conversation it started.
    await replyToConversation({ conversationId: fromA.conversationId, associationId: b.id, authorId: b.user.id, body: "Bonjour A" });
    const again = await listConversations(a.id);
    expect(again.conversations.find((x) => x.id === fromA.conversationId)?.unread).toBe(true);
    expect(again.conversations[0].id).toBe(fromA.conversationId);
    expect((await listConversations(c.id)).conversations.map((x) => x.id)).toEqual([fromC.conversationId]);
  });

  it("reads a conversation from one of its sides only, and marks it read for that side", async () => {
    const a = await memberOf();
    const b = await memberOf();
    const stranger = await memberOf();
    const { conversationId } = await writeToAssociation({
      fromAssociationId: a.id,
      toAssociationId: b.id,
      subject: "Prêt de barnum",
      body: "Premier message",
      authorId: a.user.id,
    });
    await replyToConversation({ conversationId, associationId: b.id, authorId: b.user.id, body: "Deuxième message" });

    await expect(readConversation(stranger.id, conversationId)).rejects.toMatchObject({ status: 404 });
    await expect(readConversation(a.id, "inexistant")).rejects.toMatchObject({ status: 404 });
    await expect(readConversation(a.id, "x".repeat(5000))).rejects.toMatchObject({ status: 404 });

    const before = await prisma.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    const seen = await readConversation(a.id, conversationId);
    expect(seen.messages.map((m) => [m.body, m.mine, m.associationName, m.authorName])).toEqual([
      ["Premier message", true, a.name, a.user.name],
      ["Deuxième message", false, b.name, b.user.name],
    ]);
    const after = await prisma.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(after.fromReadAt!.getTime()).toBeGreaterThanOrEqual(after.lastMessageAt.getTime());
    expect(after.toReadAt?.getTime()).toBe(before.toReadAt?.getTime());
    expect((await listConversations(a.id)).conversations[0].unread).toBe(false);
  });

  it("shows a message hidden by the CCAS with its reason, never its text", async () => {
    const a = await memberOf();
    const b = await memberOf();
    const { id, messageIds } = await createConversation(prisma, {
      fromAssociationId: a.id,
      toAssociationId: b.id,
      messages: [
        { from: "from", body: "Texte injurieux" },
        { from: "to", body: "Réponse" },
      ],
    });
    await prisma.conversationMessage.update({
      where: { id: messageIds[0] },
      data: { hiddenAt: new Date(), hiddenReason: "Propos injurieux" },
    });
    const seen = await readConversation(b.id, id);
    expect(seen.messages[0]).toMatchObject({ hidden: true, hiddenReason: "Propos injurieux", body: null });
    expect(JSON.stringify(seen)).not.toContain("Texte injurieux");
    expect(seen.messages[1]).toMatchObject({ hidden: false, body: "Réponse" });
  });
});
