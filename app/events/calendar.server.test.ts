// The iCalendar file: times read back as the same instants, in Paris time.
import ical from "node-ical";
import { describe, expect, it } from "vitest";
import { createEvent } from "../../prisma/factories/event";

const { prisma } = await import("../db.server");
const events = await import("./calendar.server");

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
      const text = events.buildIcs(event, "CCAS de Besançon", { method: "REQUEST", attendee: { name: "Léa", email: "lea@exemple.test" } });
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
    expect(events.buildIcs(winter, "CCAS de Besançon")).toMatch(/DTSTART:20261205T130000Z/);
  });

  it("names the calendar after the CCAS of the settings", async () => {
    const event = await createEvent(prisma, { title: "Atelier numérique", place: "Maison des associations" });
    const text = events.buildIcs(event, "CCAS de Dole");
    expect(text).toContain("X-WR-CALNAME:CCAS de Dole – événements");
    expect(text).toMatch(/PRODID:-\/\/CCAS de Dole\/\/reseau-associations/);
    expect(text).not.toMatch(/Besan[cç]on/i);
  });
});
