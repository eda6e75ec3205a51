// Cancelling against a real SQLite database and a real SMTP listener: the freed place goes to
// the first person waiting, who is told; a member cancels only for their own association.
import { describe, expect, it } from "vitest";
import { createEvent } from "../../prisma/factories/event";
import { listenForMail, memberOfNewAssociation, person } from "./test-support";

const smtp = await listenForMail();

const { prisma } = await import("../db.server");
const events = { ...(await import("./registration.server")), ...(await import("./cancelling.server")) };

describe("waiting list", () => {
  it("promotes the first person waiting when a confirmed person cancels, and tells them", async () => {
    const event = await createEvent(prisma, { capacity: 2, title: "Atelier promotion" });
    const a = await memberOfNewAssociation(prisma);
    const [p1, p2, p3, p4] = [person("w"), person("w"), person("w"), person("w")];
    const created = await events.registerForAssociation({
      eventId: event.id,
      associationId: a.associationId,
      registeredById: a.userId,
      participants: [p1, p2, p3, p4],
    });
    expect(created.map((c) => [c.status, c.waitlistPosition])).toEqual([
      ["confirmee", null],
      ["confirmee", null],
      ["liste_attente", 1],
      ["liste_attente", 2],
    ]);
    // The confirmation e-mail carries the invitation and a cancellation link.
    const mail = await smtp.waitFor((m) => m.to.includes(p1.email) && /Inscription confirmée/.test(m.subject));
    const link = /https?:\/\/\S+\/evenements\/annulation\/(\S+)/.exec(mail.text);
    expect(link).not.toBeNull();
    expect(mail.raw).toMatch(/text\/calendar; charset="?utf-8"?; method=REQUEST/i);
    expect(mail.raw).toContain("BEGIN:VEVENT");
    await smtp.waitFor((m) => m.to.includes(p3.email) && /Liste d'attente/.test(m.subject) && /position 1/.test(m.text));

    const result = await events.cancelByToken(link![1]);
    expect(result?.cancelled).toBe(true);
    expect(result?.promotedId).toBe(created[2].id);
    const rows = await prisma.registration.findMany({ where: { eventId: event.id }, orderBy: { createdAt: "asc" } });
    const byEmail = Object.fromEntries(rows.map((r) => [r.email, r]));
    expect(byEmail[p1.email].status).toBe("annulee");
    expect(byEmail[p3.email].status).toBe("confirmee");
    expect(byEmail[p3.email].waitlistPosition).toBeNull();
    expect(byEmail[p4.email].status).toBe("liste_attente");
    expect(byEmail[p4.email].waitlistPosition).toBe(1);
    expect(rows.filter((r) => r.status === "confirmee")).toHaveLength(2);
    const promotion = await smtp.waitFor((m) => m.to.includes(p3.email) && /place s'est libérée/.test(m.subject));
    expect(promotion.raw).toContain("BEGIN:VCALENDAR");
    await smtp.waitFor((m) => m.to.includes(p1.email) && /Inscription annulée/.test(m.subject));

    // The same link a second time changes nothing.
    const again = await events.cancelByToken(link![1]);
    expect(again?.cancelled).toBe(false);
    expect(await prisma.registration.count({ where: { eventId: event.id, status: "confirmee" } })).toBe(2);
  });

  it("a member cancels from the association's space, only for their own association", async () => {
    const event = await createEvent(prisma, { capacity: 1 });
    const a = await memberOfNewAssociation(prisma);
    const b = await memberOfNewAssociation(prisma);
    const [mine] = await events.registerForAssociation({
      eventId: event.id,
      associationId: a.associationId,
      registeredById: a.userId,
      participants: [person("s")],
    });
    const [theirs] = await events.registerForAssociation({
      eventId: event.id,
      associationId: b.associationId,
      registeredById: b.userId,
      participants: [person("s")],
    });
    expect(theirs.status).toBe("liste_attente");
    expect(await events.cancelForAssociation(mine.id, b.associationId)).toBeNull();
    expect((await prisma.registration.findUniqueOrThrow({ where: { id: mine.id } })).status).toBe("confirmee");
    const result = await events.cancelForAssociation(mine.id, a.associationId);
    expect(result?.promotedId).toBe(theirs.id);
  });
});
