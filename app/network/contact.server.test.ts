// Contacting an association from the directory: who sees the link and may write (members of
// another validated association only), on behalf of which association (only the writer's own),
// and the limits' refusal in French once a person has started 5 conversations in an hour.
import { describe, expect, it } from "vitest";
import { createAssociation } from "../../prisma/factories/association";
import { addMembership, createUser } from "../../prisma/factories/user";
import type { SessionUser } from "../accounts/auth.server";

const { prisma } = await import("../db.server");
const { canContact, contactContext, contactFromDirectory, OWN_ASSOCIATION, STAFF_CANNOT_CONTACT } = await import("./contact.server");
const { MESSAGE_LIMITS } = await import("./conversations.server");

async function person(role: "member" | "staff" = "member") {
  return (await createUser(prisma, { role })) as SessionUser;
}

describe("contact from the directory", () => {
  it("is offered to members of another validated association only", async () => {
    const target = await createAssociation(prisma);
    const other = await createAssociation(prisma);
    const pending = await createAssociation(prisma, { status: "pending" });
    const outsider = await person();
    await addMembership(prisma, outsider.id, other.id);
    const own = await person();
    await addMembership(prisma, own.id, target.id);
    const onlyPending = await person();
    await addMembership(prisma, onlyPending.id, pending.id);
    const staff = await person("staff");

    expect(await canContact(null, target.id)).toBe(false);
    expect(await canContact(outsider, target.id)).toBe(true);
    expect(await canContact(own, target.id)).toBe(false);
    expect(await canContact(onlyPending, target.id)).toBe(false);
    expect(await canContact(staff, target.id)).toBe(false);

    await expect(contactContext(staff, target.slug)).rejects.toMatchObject({ status: 403, message: STAFF_CANNOT_CONTACT });
    await expect(contactContext(own, target.slug)).rejects.toMatchObject({ status: 403, message: OWN_ASSOCIATION });
    await expect(contactContext(onlyPending, target.slug)).rejects.toMatchObject({ status: 403 });
    await expect(contactContext(outsider, "pas-une-association")).rejects.toMatchObject({ status: 404 });
    await expect(contactContext(outsider, pending.slug)).rejects.toMatchObject({ status: 404 });
    expect((await contactContext(outsider, target.slug)).senders.map((s) => s.id)).toEqual([other.id]);
  });

  it("writes on behalf of one of the person's own associations only", async () => {
    const target = await createAssociation(prisma);
    const first = await createAssociation(prisma);
    const second = await createAssociation(prisma);
    const foreign = await createAssociation(prisma);
    const writer = await person();
    await addMembership(prisma, writer.id, first.id);
    await addMembership(prisma, writer.id, second.id);
    // A member of both the target and another association writes from the other one.
    await addMembership(prisma, writer.id, target.id);
    const message = { subject: "Partenariat", body: "Bonjour, travaillons ensemble." };

    await expect(contactFromDirectory(writer, target.slug, message)).rejects.toMatchObject({ field: "fromAssociationId" });
    await expect(contactFromDirectory(writer, target.slug, { ...message, fromAssociationId: foreign.id })).rejects.toMatchObject({
      field: "fromAssociationId",
    });
    await expect(contactFromDirectory(writer, target.slug, { ...message, fromAssociationId: target.id })).rejects.toMatchObject({
      field: "fromAssociationId",
    });
    const sent = await contactFromDirectory(writer, target.slug, { ...message, fromAssociationId: second.id });
    expect(sent.fromAssociationId).toBe(second.id);
    const conversation = await prisma.conversation.findUniqueOrThrow({ where: { id: sent.conversationId } });
    expect(conversation).toMatchObject({
      fromAssociationId: second.id,
      toAssociationId: target.id,
      subject: "Partenariat",
      startedById: writer.id,
    });
  });

  it("refuses the 6th new conversation of the hour with a French message", async () => {
    const writer = await person();
    const from = await createAssociation(prisma);
    await addMembership(prisma, writer.id, from.id);
    const targets = [];
    for (let i = 0; i <= MESSAGE_LIMITS.newPerHour; i += 1) targets.push(await createAssociation(prisma));
    for (const t of targets.slice(0, MESSAGE_LIMITS.newPerHour))
      await contactFromDirectory(writer, t.slug, { subject: "Bonjour", body: `Bonjour ${t.name}` });
    await expect(
      contactFromDirectory(writer, targets[MESSAGE_LIMITS.newPerHour].slug, { subject: "Bonjour", body: "Une de trop" }),
    ).rejects.toMatchObject({
      status: 429,
      code: "rate_limited",
      message: expect.stringContaining("Vous avez envoyé beaucoup de messages en peu de temps. Réessayez dans une heure"),
    });
    expect(await prisma.conversation.count({ where: { startedById: writer.id } })).toBe(MESSAGE_LIMITS.newPerHour);
  });
});
