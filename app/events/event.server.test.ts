// Events against a real SQLite database and a real SMTP listener: capacity under
// concurrency, waiting list and promotion, limits, closing, signed links, iCalendar.
import ical from "node-ical";
import { afterAll, describe, expect, it } from "vitest";
import { createAssociation } from "../../prisma/factories/association";
import { createEvent } from "../../prisma/factories/event";
import { createUser } from "../../prisma/factories/user";
import { startSmtpListener } from "../../tests/smtp";
import { resetEnvCache } from "../env.server";

const smtp = await startSmtpListener();
process.env.SMTP_URL = smtp.url;
resetEnvCache();

const { prisma } = await import("../db.server");
const events = await import("./event.server");
const { RegistrationError } = events;

afterAll(async () => {
  await smtp.close();
});

const DAY = 24 * 3600_000;
let n = 0;
const person = (prefix = "p") => {
  n += 1;
  return { name: `Personne ${prefix} ${n}`, email: `${prefix}-${n}@exemple.test`, role: undefined, accessibilityNeeds: undefined };
};

async function memberOfNewAssociation() {
  const association = await createAssociation(prisma, { status: "validated" });
  const user = await createUser(prisma);
  await prisma.membership.create({ data: { userId: user.id, associationId: association.id } });
  return { associationId: association.id, userId: user.id };
}

describe("capacity", () => {
  it("never exceeds capacity when 60 people register at the same instant for 20 places", async () => {
    const event = await createEvent(prisma, { capacity: 20 });
    const associations = await Promise.all(Array.from({ length: 6 }, () => memberOfNewAssociation()));
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

describe("waiting list", () => {
  it("promotes the first person waiting when a confirmed person cancels, and tells them", async () => {
    const event = await createEvent(prisma, { capacity: 2, title: "Atelier promotion" });
    const a = await memberOfNewAssociation();
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
    const a = await memberOfNewAssociation();
    const b = await memberOfNewAssociation();
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

describe("rules", () => {
  it("refuses more people than the per-association limit", async () => {
    const event = await createEvent(prisma, { capacity: 50, perAssociationLimit: 2 });
    const a = await memberOfNewAssociation();
    const b = await memberOfNewAssociation();
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
    ).rejects.toBeInstanceOf(RegistrationError);
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
    const a = await memberOfNewAssociation();
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
    const a = await memberOfNewAssociation();
    const p = person();
    await events.registerForAssociation({ eventId: event.id, associationId: a.associationId, registeredById: a.userId, participants: [p] });
    await expect(
      events.registerForAssociation({ eventId: event.id, associationId: a.associationId, registeredById: a.userId, participants: [p] }),
    ).rejects.toMatchObject({ code: "deja_inscrit" });
  });
});

describe("signed links", () => {
  it("refuses forged, altered or borrowed cancellation tokens", async () => {
    const event = await createEvent(prisma, { capacity: 5 });
    const a = await memberOfNewAssociation();
    const [r1, r2] = await events.registerForAssociation({
      eventId: event.id,
      associationId: a.associationId,
      registeredById: a.userId,
      participants: [person(), person()],
    });
    const good = events.signCancellation(r1.id);
    const [, sig] = good.split(".");
    const forged = [
      `${r1.id}.${"A".repeat(sig.length)}`, // made-up signature
      `${r2.id}.${sig}`, // r1's signature on r2
      `${r1.id}.${sig.slice(0, -2)}xx`,
      r1.id,
      `${good}.extra`,
      events.signConfirmation(r1.id, Date.now() + DAY), // a confirmation link is not a cancellation link
    ];
    for (const token of forged) {
      expect(events.verifyCancellation(token)).toBeNull();
      expect(await events.cancelByToken(token)).toBeNull();
    }
    const rows = await prisma.registration.findMany({ where: { eventId: event.id } });
    expect(rows.every((r) => r.status === "confirmee")).toBe(true);
    expect(events.verifyCancellation(good)).toBe(r1.id);
  });

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
    const a = await memberOfNewAssociation();
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

describe("iCalendar", () => {
  it("writes times that read back as the same instants, in Paris time both in winter and summer", async () => {
    // 5 December 2026, 14:00–17:30 in Paris = 13:00–16:30 UTC (UTC+1).
    const winter = await createEvent(prisma, {
      title: "Rencontre annuelle des associations",
      startsAt: new Date("2026-12-05T13:00:00Z"),
      endsAt: new Date("2026-12-05T16:30:00Z"),
      place: "Salle Proudhon, Besançon",
    });
    // 18 June 2027, 09:30 in Paris = 07:30 UTC (UTC+2).
    const summer = await createEvent(prisma, { startsAt: new Date("2027-06-18T07:30:00Z"), endsAt: new Date("2027-06-18T09:00:00Z") });
    for (const [event, parisStart, parisEnd] of [
      [winter, "14:00", "17:30"],
      [summer, "09:30", "11:00"],
    ] as const) {
      const text = events.buildIcs(event, { method: "REQUEST", attendee: { name: "Léa", email: "lea@exemple.test" } });
      const parsed = ical.sync.parseICS(text);
      const vevents = Object.values(parsed).filter((c) => c?.type === "VEVENT") as ical.VEvent[];
      expect(vevents).toHaveLength(1);
      const v = vevents[0];
      expect(new Date(v.start as Date).toISOString()).toBe(event.startsAt.toISOString());
      expect(new Date(v.end as Date).toISOString()).toBe(event.endsAt.toISOString());
      const paris = (d: Date) =>
        new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", hour: "2-digit", minute: "2-digit" }).format(d);
      expect(paris(new Date(v.start as Date))).toBe(parisStart);
      expect(paris(new Date(v.end as Date))).toBe(parisEnd);
      expect(v.summary).toBe(event.title);
      expect(String(v.location)).toBe(event.place);
      expect(text).toMatch(/METHOD:REQUEST/);
    }
    expect(events.buildIcs(winter)).toMatch(/DTSTART:20261205T130000Z/);
  });
});

describe("staff tools", () => {
  it("checks people in, counts attendance and exports the lists", async () => {
    const event = await createEvent(prisma, { capacity: 2, title: "Formation droits" });
    const a = await memberOfNewAssociation();
    const [r1, r2, r3] = await events.registerForAssociation({
      eventId: event.id,
      associationId: a.associationId,
      registeredById: a.userId,
      participants: [person("x"), person("x"), person("x")],
    });
    expect(await events.setCheckIn(event.id, r1.id, true)).toBe(true);
    expect(await events.setCheckIn(event.id, r3.id, true)).toBe(false); // waiting list: not at the door
    const figures = await events.attendanceFigures(event.id);
    expect(figures).toMatchObject({ confirmed: 2, present: 1, absent: 1, waiting: 1, rate: 50, associationsPresent: 1 });
    const found = await events.searchForCheckIn(event.id, r2.name.toUpperCase());
    expect(found.map((f) => f.id)).toEqual([r2.id]);
    const csv = await events.exportCsv(event.id);
    const { parse } = await import("csv-parse/sync");
    const rows = parse(csv, { bom: true, delimiter: ";", columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.Nom).sort()).toEqual([r1.name, r2.name, r3.name].sort());
    expect(rows.find((r) => r.Nom === r3.name)?.["Position en liste d'attente"]).toBe("1");
    expect(rows.find((r) => r.Nom === r1.name)?.["Présent·e"]).toMatch(/^oui/);
    const xlsx = await events.exportXlsx(event.id, event.title);
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as never);
    const names = wb.getWorksheet("Inscrits")!.getColumn(3).values.slice(3);
    expect((names as string[]).sort()).toEqual([r1.name, r2.name, r3.name].sort());
  });

  it("promotes from the waiting list when staff raise the capacity, and refuses going below the confirmed", async () => {
    const event = await createEvent(prisma, { capacity: 1 });
    const a = await memberOfNewAssociation();
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
    await expect(events.updateEvent(event.id, { ...input, capacity: 1 }, actor)).rejects.toBeInstanceOf(events.CapacityBelowConfirmedError);
  });
});
