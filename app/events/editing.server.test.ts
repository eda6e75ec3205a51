// Staff edit an event: a larger capacity promotes the waiting list, a smaller one than the
// confirmed is refused.
import { describe, expect, it } from "vitest";
import { createEvent } from "../../prisma/factories/event";
import { createUser } from "../../prisma/factories/user";
import { DomainError } from "../lib/domain-error";
import { memberOfNewAssociation, person } from "./test-support";

const { prisma } = await import("../db.server");
const events = { ...(await import("./registration.server")), ...(await import("./editing.server")) };

describe("staff tools", () => {
  it("promotes from the waiting list when staff raise the capacity, and refuses going below the confirmed", async () => {
    const event = await createEvent(prisma, { capacity: 1 });
    const a = await memberOfNewAssociation(prisma);
    const created = await events.registerForAssociation({
      eventId: event.id,
      associationId: a.associationId,
      registeredById: a.userId,
      participants: [person(), person(), person()],
    });
    const input = {
      title: event.title,
      description: event.description,
      type: "atelier_numerique" as const,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      place: event.place ?? undefined,
      onlineUrl: undefined,
      capacity: 2,
      registrationOpensAt: event.registrationOpensAt,
      registrationClosesAt: event.registrationClosesAt,
      audience: "associations" as const,
      perAssociationLimit: undefined,
    };
    const actor = await createUser(prisma, { role: "staff" });
    expect(await events.updateEvent(event.id, input, actor)).toEqual({ promoted: 1 });
    const second = await prisma.registration.findUniqueOrThrow({ where: { id: created[1].id } });
    expect(second.status).toBe("confirmee");
    expect((await prisma.registration.findUniqueOrThrow({ where: { id: created[2].id } })).waitlistPosition).toBe(1);
    const below = events.updateEvent(event.id, { ...input, capacity: 1 }, actor);
    await expect(below).rejects.toBeInstanceOf(DomainError);
    await expect(below).rejects.toMatchObject({ code: "capacity_below_confirmed", field: "capacity" });
  });
});
