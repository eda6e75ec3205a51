// Registering against a real SQLite database and a real SMTP listener: capacity under
// concurrency, the per-association limit, opening and closing, public confirmation.
import { describe, expect, it } from "vitest";
import { createEvent } from "../../prisma/factories/event";
import { DomainError } from "../lib/domain-error";
import { DAY, listenForMail, memberOfNewAssociation, person } from "./test-support";

const smtp = await listenForMail();

const { prisma } = await import("../db.server");
const events = await import("./registration.server");

describe("capacity", () => {
  it("never exceeds capacity when 60 people register at the same instant for 20 places", async () => {
    const event = await createEvent(prisma, { capacity: 20 });
    const associations = await Promise.all(Array.from({ length: 6 }, () => memberOfNewAssociation(prisma)));
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => {
        const a = associations[i % associations.length];
        return events.registerForAssociation({
          eventId: event.id,
          associationId: a.associationId,
          registeredById: a.userId,
          participants: [person("c")],
        });
      }),
    );
    expect(results.flat()).toHaveLength(60);
    const rows = await prisma.registration.findMany({ where: { eventId: event.id } });
    const confirmed = rows.filter((r) => r.status === "confirmee");
    const waiting = rows.filter((r) => r.status === "liste_attente");
    expect(confirmed).toHaveLength(20);
    expect(waiting).toHaveLength(40);
    expect(confirmed.every((r) => r.waitlistPosition === null)).toBe(true);
    const positions = waiting.map((r) => r.waitlistPosition).sort((a, b) => a! - b!);
    expect(positions).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    // The waiting list follows arrival order: everyone confirmed registered before anyone waiting.
    const lastConfirmed = Math.max(...confirmed.map((r) => r.createdAt.getTime()));
    expect(waiting.every((r) => r.createdAt.getTime() >= lastConfirmed)).toBe(true);
    console.log(
      `concurrence : ${confirmed.length} confirmées, ${waiting.length} en liste d'attente (positions ${positions[0]}..${positions.at(-1)})`,
    );
  });
});

describe("rules", () => {
  it("refuses more people than the per-association limit", async () => {
    const event = await createEvent(prisma, { capacity: 50, perAssociationLimit: 2 });
    const a = await memberOfNewAssociation(prisma);
    const b = await memberOfNewAssociation(prisma);
    await expect(
      events.registerForAssociation({
        eventId: event.id,
        associationId: a.associationId,
        registeredById: a.userId,
        participants: [person(), person(), person()],
      }),
    ).rejects.toMatchObject({ code: "limite_association" });
    expect(await prisma.registration.count({ where: { eventId: event.id } })).toBe(0);
    await events.registerForAssociation({
      eventId: event.id,
      associationId: a.associationId,
      registeredById: a.userId,
      participants: [person(), person()],
    });
    await expect(
      events.registerForAssociation({
        eventId: event.id,
        associationId: a.associationId,
        registeredById: a.userId,
        participants: [person()],
      }),
    ).rejects.toBeInstanceOf(DomainError);
    // Another association still has its own two places.
    const other = await events.registerForAssociation({
      eventId: event.id,
      associationId: b.associationId,
      registeredById: b.userId,
      participants: [person(), person()],
    });
    expect(other.map((r) => r.status)).toEqual(["confirmee", "confirmee"]);
  });

  it("refuses registrations after closing and before opening", async () => {
    const closed = await createEvent(prisma, {
      registrationOpensAt: new Date(Date.now() - 10 * DAY),
      registrationClosesAt: new Date(Date.now() - 1000),
    });
    const notYet = await createEvent(prisma, { registrationOpensAt: new Date(Date.now() + DAY) });
    const a = await memberOfNewAssociation(prisma);
    await expect(
      events.registerForAssociation({
        eventId: closed.id,
        associationId: a.associationId,
        registeredById: a.userId,
        participants: [person()],
      }),
    ).rejects.toMatchObject({ code: "closes" });
    await expect(
      events.registerForAssociation({
        eventId: notYet.id,
        associationId: a.associationId,
        registeredById: a.userId,
        participants: [person()],
      }),
    ).rejects.toMatchObject({ code: "pas_encore_ouvertes" });
    expect(await prisma.registration.count({ where: { eventId: { in: [closed.id, notYet.id] } } })).toBe(0);
  });

  it("refuses the same person twice", async () => {
    const event = await createEvent(prisma);
    const a = await memberOfNewAssociation(prisma);
    const p = person();
    await events.registerForAssociation({ eventId: event.id, associationId: a.associationId, registeredById: a.userId, participants: [p] });
    await expect(
      events.registerForAssociation({ eventId: event.id, associationId: a.associationId, registeredById: a.userId, participants: [p] }),
    ).rejects.toMatchObject({ code: "deja_inscrit" });
  });
});

describe("signed links", () => {
  it("a public registration holds no place until its e-mail link confirms it", async () => {
    const event = await createEvent(prisma, { capacity: 1, audience: "public" });
    const reg = await events.registerPublic(event.id, {
      name: "Camille Public",
      email: "camille@exemple.test",
      accessibilityNeeds: undefined,
    });
    expect((await prisma.registration.findUniqueOrThrow({ where: { id: reg.id } })).status).toBe("en_attente_confirmation");
    const mail = await smtp.waitFor((m) => m.to.includes("camille@exemple.test") && /Confirmez/.test(m.subject));
    const token = /\/evenements\/confirmation\/(\S+)/.exec(mail.text)![1];

    // Someone else takes the only place meanwhile: the unconfirmed registration did not hold it.
    const a = await memberOfNewAssociation(prisma);
    const [member] = await events.registerForAssociation({
      eventId: event.id,
      associationId: a.associationId,
      registeredById: a.userId,
      participants: [person()],
    });
    expect(member.status).toBe("confirmee");

    expect(await events.confirmPublicRegistration(`${token.slice(0, -3)}abc`)).toBeNull();
    expect(await events.confirmPublicRegistration(token, { now: new Date(Date.now() + events.CONFIRMATION_TTL_MS + 1000) })).toBeNull();
    const confirmed = await events.confirmPublicRegistration(token);
    expect(confirmed?.status).toBe("liste_attente");
    expect(confirmed?.waitlistPosition).toBe(1);
  });

  it("refuses public registration to an associations-only event", async () => {
    const event = await createEvent(prisma, { audience: "associations" });
    await expect(
      events.registerPublic(event.id, { name: "X", email: "x@exemple.test", accessibilityNeeds: undefined }),
    ).rejects.toMatchObject({
      code: "reserve_associations",
    });
  });
});
