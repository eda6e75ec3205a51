// Relayed messages on a real SQLite database: the members of the side written to are told by
// e-mail without the writer's address, a post's answers stay in one conversation, only the two
// sides may reply, the same text sent twice is written once, and the per-person limits hold.
import { describe, expect, it } from "vitest";
import { createAssociation } from "../../prisma/factories/association";
import { createNetworkPost } from "../../prisma/factories/network";
import { addMembership, createUser } from "../../prisma/factories/user";

const { prisma } = await import("../db.server");
const { MESSAGE_LIMITS, replyToConversation, writeToAssociation } = await import("./conversations.server");

async function associationWithMembers(count = 2) {
  const association = await createAssociation(prisma);
  const members = [];
  for (let i = 0; i < count; i += 1) {
    const user = await createUser(prisma);
    await addMembership(prisma, user.id, association.id, i === 0);
    members.push(user);
  }
  return { ...association, members };
}

describe("relayed messages", () => {
  it("tells every member of the association written to, with the text and a link, never the writer's address", async () => {
    const from = await associationWithMembers(1);
    const to = await associationWithMembers(2);
    const { conversationId } = await writeToAssociation({
      fromAssociationId: from.id,
      toAssociationId: to.id,
      subject: "Prêt de tables",
      body: "Pourriez-vous nous prêter dix tables le 12 ?",
      authorId: from.members[0].id,
    });
    const mails = await prisma.emailMessage.findMany({ where: { to: { in: to.members.map((m) => m.email) } } });
    expect(mails.map((m) => m.to).sort()).toEqual(to.members.map((m) => m.email).sort());
    for (const mail of mails) {
      expect(mail.subject).toBe(`${from.name} vous a écrit : Prêt de tables`);
      expect(mail.text).toContain("Pourriez-vous nous prêter dix tables le 12 ?");
      expect(mail.text).toContain(`/espace/associations/${to.id}/messagerie/${conversationId}`);
      expect(mail.text).not.toContain(from.members[0].email);
    }
    const conversation = await prisma.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(conversation.fromReadAt).not.toBeNull();
    expect(conversation.toReadAt).toBeNull();
  });

  it("keeps one conversation per post and answering association, and lets only its two sides reply", async () => {
    const author = await associationWithMembers(1);
    const answering = await associationWithMembers(1);
    const stranger = await associationWithMembers(1);
    const post = await createNetworkPost(prisma, author.id, { title: "Besoin de bénévoles" });
    const first = await writeToAssociation({
      fromAssociationId: answering.id,
      toAssociationId: author.id,
      postId: post.id,
      subject: post.title,
      body: "Nous avons deux bénévoles disponibles.",
      authorId: answering.members[0].id,
    });
    const second = await writeToAssociation({
      fromAssociationId: answering.id,
      toAssociationId: author.id,
      postId: post.id,
      subject: post.title,
      body: "Et un troisième le dimanche.",
      authorId: answering.members[0].id,
    });
    expect(second.conversationId).toBe(first.conversationId);

    await replyToConversation({
      conversationId: first.conversationId,
      associationId: author.id,
      authorId: author.members[0].id,
      body: "Merci !",
    });
    await expect(
      replyToConversation({
        conversationId: first.conversationId,
        associationId: stranger.id,
        authorId: stranger.members[0].id,
        body: "Moi aussi",
      }),
    ).rejects.toMatchObject({ status: 404 });
    // A member of one side cannot write as the other side.
    await expect(
      replyToConversation({
        conversationId: first.conversationId,
        associationId: author.id,
        authorId: stranger.members[0].id,
        body: "Usurpé",
      }),
    ).rejects.toMatchObject({ status: 404 });
    const messages = await prisma.conversationMessage.findMany({ where: { conversationId: first.conversationId } });
    expect(messages.map((m) => m.body).sort()).toEqual([
      "Et un troisième le dimanche.",
      "Merci !",
      "Nous avons deux bénévoles disponibles.",
    ]);
  });

  it("refuses writing to oneself or to an association not in the directory", async () => {
    const from = await associationWithMembers(1);
    const pending = await createAssociation(prisma, { status: "pending" });
    const base = { fromAssociationId: from.id, subject: "Bonjour", body: "Bonjour", authorId: from.members[0].id };
    await expect(writeToAssociation({ ...base, toAssociationId: from.id })).rejects.toMatchObject({ code: "same_association" });
    await expect(writeToAssociation({ ...base, toAssociationId: pending.id })).rejects.toMatchObject({ status: 404 });
  });

  it("writes the same text sent twice once, and stops a person starting too many conversations", async () => {
    const from = await associationWithMembers(1);
    const targets = [];
    for (let i = 0; i <= MESSAGE_LIMITS.newPerHour; i += 1) targets.push(await createAssociation(prisma));
    const write = (toAssociationId: string, body: string) =>
      writeToAssociation({ fromAssociationId: from.id, toAssociationId, subject: "Partenariat", body, authorId: from.members[0].id });
    const { conversationId } = await write(targets[0].id, "Bonjour, partenariat ?");
    await replyToConversation({ conversationId, associationId: from.id, authorId: from.members[0].id, body: "Relance" });
    await replyToConversation({ conversationId, associationId: from.id, authorId: from.members[0].id, body: "Relance" });
    expect(await prisma.conversationMessage.count({ where: { conversationId } })).toBe(2);

    for (const target of targets.slice(1, MESSAGE_LIMITS.newPerHour)) await write(target.id, `Bonjour ${target.id}`);
    await expect(write(targets[MESSAGE_LIMITS.newPerHour].id, "Encore une")).rejects.toMatchObject({ status: 429, code: "rate_limited" });
    expect(await prisma.conversation.count({ where: { startedById: from.members[0].id } })).toBe(MESSAGE_LIMITS.newPerHour);
  });
});
