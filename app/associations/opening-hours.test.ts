// Opening hours: what the form writes is valid OpenStreetMap syntax (checked by the reference
// implementation, the `opening_hours` package), reads back to the same form, and "ouvert
// maintenant" agrees with that implementation at chosen instants, daylight-saving days included.
// The reference evaluates in the process's time zone: this file runs in Europe/Paris.
process.env.TZ = "Europe/Paris";

import OpeningHours from "opening_hours";
import { describe, expect, it } from "vitest";
import {
  type WeekHours,
  WEEKDAYS,
  describeDay,
  describeState,
  emptyWeek,
  formatOpeningHours,
  isFrenchPublicHoliday,
  openingStateAt,
  parseOpeningHours,
} from "./opening-hours";
import { associationProfileEditSchema } from "./schemas";
import { hoursFieldName, openingHoursFormValues, PUBLIC_HOLIDAYS_FIELD } from "./opening-hours-form";
import { baseProfile } from "./test-support";

const FRANCE = { lat: 47.24, lon: 6.02, address: { country_code: "fr", state: "Bourgogne-Franche-Comté" } };

function week(spec: Partial<Record<(typeof WEEKDAYS)[number]["key"], string[] | "off">>, ph = false): WeekHours {
  const w = emptyWeek();
  for (const [day, value] of Object.entries(spec)) {
    w.days[day as keyof typeof w.days] =
      value === "off"
        ? { closed: true, ranges: [] }
        : { closed: false, ranges: value.map((r) => ({ from: r.slice(0, 5), to: r.slice(6) })) };
  }
  w.closedOnPublicHolidays = ph;
  return w;
}

/** A deterministic pseudo-random week of the kind the form allows. */
function randomWeek(seed: number): WeekHours {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const time = (min: number, max: number) => {
    const m = Math.floor(min + next() * (max - min)) * 15;
    return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  };
  const w = emptyWeek();
  const patterns = [
    () => ({ closed: false, ranges: [] }),
    () => ({ closed: true, ranges: [] }),
    () => ({ closed: false, ranges: [{ from: "09:00", to: "12:00" }] }),
    () => ({
      closed: false,
      ranges: [
        { from: "09:00", to: "12:00" },
        { from: "14:00", to: "17:30" },
      ],
    }),
    () => {
      const a = time(24, 44);
      const b = time(45, 52);
      const c = time(53, 68);
      const d = time(69, 92);
      return {
        closed: false,
        ranges: [
          { from: a, to: b },
          { from: c, to: d },
        ],
      };
    },
  ];
  for (const d of WEEKDAYS) w.days[d.key] = patterns[Math.floor(next() * patterns.length)]();
  w.closedOnPublicHolidays = WEEKDAYS.some((d) => w.days[d.key].ranges.length > 0) && next() < 0.5;
  return w;
}

describe("the OSM string the form writes", () => {
  it("groups days with the same hours, lists closed days, ends with PH off", () => {
    const w = week(
      {
        mo: ["09:00-12:00", "14:00-17:00"],
        tu: ["09:00-12:00", "14:00-17:00"],
        we: ["09:00-12:00"],
        th: ["09:00-12:00", "14:00-17:00"],
        fr: ["09:00-12:00", "14:00-17:00"],
        sa: "off",
        su: "off",
      },
      true,
    );
    expect(formatOpeningHours(w)).toBe("Mo,Tu,Th,Fr 09:00-12:00,14:00-17:00; We 09:00-12:00; Sa,Su off; PH off");
    expect(
      formatOpeningHours(
        week({ mo: ["08:30-12:30"], tu: ["08:30-12:30"], we: ["08:30-12:30"], th: ["08:30-12:30"], fr: ["08:30-12:30"] }, true),
      ),
    ).toBe("Mo-Fr 08:30-12:30; PH off");
    expect(formatOpeningHours(emptyWeek())).toBe("");
  });

  it("is valid for the reference implementation and reads back to the same week (200 weeks)", () => {
    for (let seed = 1; seed <= 200; seed++) {
      const w = randomWeek(seed);
      const text = formatOpeningHours(w);
      expect(parseOpeningHours(text), text).toEqual(w);
      if (text === "") continue;
      const reference = new OpeningHours(text, FRANCE);
      expect(reference.getWarnings(), text).toEqual([]);
    }
  });

  it("reads only what the form writes: other syntax is left to be shown as text", () => {
    expect(parseOpeningHours("24/7")).toBeNull();
    expect(parseOpeningHours("Mo-Fr 09:00-12:00; Mo 14:00-16:00")).toBeNull();
    expect(parseOpeningHours("Mo 08:00-09:00,10:00-11:00,12:00-13:00")).toBeNull();
    expect(parseOpeningHours("Mo 12:00-09:00")).toBeNull();
    expect(parseOpeningHours("Jan-Mar Mo 09:00-12:00")).toBeNull();
    expect(parseOpeningHours("Sa-Mo 10:00-12:00")?.days.su.ranges).toEqual([{ from: "10:00", to: "12:00" }]);
    expect(parseOpeningHours("Mo closed; PH closed")).toEqual(week({ mo: "off" }, true));
  });

  it("reads in French", () => {
    expect(
      describeDay({
        closed: false,
        ranges: [
          { from: "09:00", to: "12:00" },
          { from: "14:00", to: "17:30" },
        ],
      }),
    ).toBe("9 h – 12 h, 14 h – 17 h 30");
    expect(describeDay({ closed: true, ranges: [] })).toBe("Fermé");
  });
});

describe("ouvert maintenant, in Europe/Paris", () => {
  const hours = "Mo-Fr 09:00-12:00,14:00-17:30; Sa 10:00-12:00; Su off; PH off";
  const parsed = parseOpeningHours(hours)!;
  const reference = new OpeningHours(hours, FRANCE);

  // Instants given in UTC: the wall clock in Paris is UTC+1 in winter, UTC+2 in summer.
  const INSTANTS: [string, boolean][] = [
    ["2026-01-05T08:00:00Z", true], // Monday 9:00 (winter)
    ["2026-01-05T07:59:00Z", false], // Monday 8:59
    ["2026-01-05T11:00:00Z", false], // Monday 12:00: closed from the minute the range ends
    ["2026-01-05T16:29:00Z", true], // Monday 17:29
    ["2026-07-06T07:30:00Z", true], // Monday 9:30 (summer)
    ["2026-07-06T16:00:00Z", false], // Monday 18:00 (summer): UTC 16:00 would be open in winter
    ["2026-03-28T09:30:00Z", true], // Saturday before the spring change, 10:30
    ["2026-03-30T07:00:00Z", true], // Monday after the spring change, 9:00 (UTC+2)
    ["2026-03-27T08:00:00Z", true], // Friday before it, 9:00 (UTC+1)
    ["2026-10-24T08:30:00Z", true], // Saturday before the autumn change, 10:30 (UTC+2)
    ["2026-10-26T08:00:00Z", true], // Monday after it, 9:00 (UTC+1)
    ["2026-10-26T07:30:00Z", false], // Monday 8:30 (UTC+1)
    ["2026-05-25T08:00:00Z", false], // Whit Monday, a public holiday, 10:00
    ["2026-05-08T08:00:00Z", false], // 8 May (Friday), 10:00
    ["2026-07-14T08:00:00Z", false], // 14 July (Tuesday)
    ["2026-05-26T08:00:00Z", true], // the Tuesday after Whit Monday
    ["2026-12-31T23:30:00Z", false], // 1 January 00:30
  ];

  it.each(INSTANTS)("%s → open %s, as the reference says", (iso, open) => {
    const instant = new Date(iso);
    expect(reference.getState(instant)).toBe(open);
    expect(openingStateAt(parsed, instant).open).toBe(open);
  });

  it("on the days the clocks change, every quarter of an hour agrees with the reference", () => {
    const sundays = "Mo-Su 01:00-02:30,03:00-04:00";
    const ours = parseOpeningHours(sundays)!;
    const ref = new OpeningHours(sundays, FRANCE);
    for (const day of ["2026-03-28T20:00:00Z", "2026-10-24T20:00:00Z"]) {
      for (let q = 0; q < 4 * 12; q++) {
        const instant = new Date(new Date(day).getTime() + q * 15 * 60_000);
        expect(openingStateAt(ours, instant).open, instant.toISOString()).toBe(ref.getState(instant));
      }
    }
  });

  it("says when it changes next", () => {
    expect(describeState(openingStateAt(parsed, new Date("2026-01-05T08:00:00Z")))).toEqual({
      label: "Ouvert maintenant",
      detail: "ferme à 12 h",
    });
    expect(describeState(openingStateAt(parsed, new Date("2026-01-05T11:30:00Z")))).toEqual({
      label: "Fermé maintenant",
      detail: "ouvre à 14 h",
    });
    // Saturday 13:00: Sunday closed, so Monday.
    expect(describeState(openingStateAt(parsed, new Date("2026-01-10T12:00:00Z")))).toEqual({
      label: "Fermé maintenant",
      detail: "ouvre lundi à 9 h",
    });
    // Thursday 14 May 2026 is Ascension: on Wednesday evening, it opens on Friday.
    expect(describeState(openingStateAt(parsed, new Date("2026-05-13T17:00:00Z"))).detail).toBe("ouvre vendredi à 9 h");
    expect(describeState(openingStateAt(parsed, new Date("2026-01-06T17:00:00Z"))).detail).toBe("ouvre demain à 9 h");
    expect(openingStateAt(parseOpeningHours("Mo-Su off")!, new Date()).next).toBeNull();
  });

  it("knows France's public holidays as the reference does, over two years", () => {
    for (let day = 0; day < 730; day++) {
      const noon = new Date(Date.UTC(2026, 0, 1 + day, 11));
      const date = { year: noon.getUTCFullYear(), month: noon.getUTCMonth() + 1, day: noon.getUTCDate() };
      const refHoliday = !new OpeningHours("Mo-Su 00:00-24:00; PH off", FRANCE).getState(noon);
      expect(isFrenchPublicHoliday(date), noon.toISOString()).toBe(refHoliday);
    }
  });
});

describe("the profile form's opening-hours block", () => {
  const base = { ...baseProfile, name: "Les Jardins de Planoise", socialObject: "Jardinage solidaire.", fields: ["aide-alimentaire"] };
  const choice = (slug: string) => ({ slug, label: slug, retired: false });
  const choices = {
    field: [choice("aide-alimentaire")],
    public: base.publics.map((slug: string) => choice(slug)),
    district: [choice(base.district)],
  };
  const form = (fields: Record<string, string>) => associationProfileEditSchema(choices).safeParse({ ...base, ...fields });

  it("builds the OSM string from the fields and gives them back from it", () => {
    const fields = {
      [hoursFieldName("mo", "from1")]: "09:00",
      [hoursFieldName("mo", "to1")]: "12:00",
      [hoursFieldName("mo", "from2")]: "14:00",
      [hoursFieldName("mo", "to2")]: "17:30",
      [hoursFieldName("we", "from1")]: "9h",
      [hoursFieldName("we", "to1")]: "12:00",
      [hoursFieldName("su", "closed")]: "on",
      [PUBLIC_HOLIDAYS_FIELD]: "on",
    };
    const parsed = form(fields);
    expect(parsed.success && parsed.data.openingHours).toBe("Mo 09:00-12:00,14:00-17:30; We 09:00-12:00; Su off; PH off");
    const { values, editable } = openingHoursFormValues("Mo 09:00-12:00,14:00-17:30; We 09:00-12:00; Su off; PH off");
    expect(editable).toBe(true);
    expect(values).toMatchObject({ ...fields, [hoursFieldName("we", "from1")]: "09:00" });
    expect(values[hoursFieldName("tu", "from1")]).toBe("");
    expect(values[hoursFieldName("tu", "closed")]).toBe(false);
    // Sent back as shown, the values give the same string.
    const again = form(Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === false ? "" : String(v)])));
    expect(again.success && again.data.openingHours).toBe("Mo 09:00-12:00,14:00-17:30; We 09:00-12:00; Su off; PH off");
  });

  it("no hours at all: an empty string", () => {
    const parsed = form({});
    expect(parsed.success && parsed.data.openingHours).toBe("");
  });

  it("refuses half ranges, ranges out of order, fermé with hours, holidays without hours — beside the field", () => {
    const errors = (fields: Record<string, string>) => {
      const r = form(fields);
      return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
    };
    expect(errors({ hours_mo_from1: "09:00" })).toEqual({ hours_mo_to1: "Lundi : indiquez l'heure de fermeture." });
    expect(errors({ hours_tu_from1: "12:00", hours_tu_to1: "09:00" })).toEqual({
      hours_tu_to1: "Mardi : la fermeture doit venir après l'ouverture (12 h).",
    });
    expect(errors({ hours_we_from1: "09:00", hours_we_to1: "12:00", hours_we_from2: "11:00", hours_we_to2: "17:00" })).toEqual({
      hours_we_from2: "Mercredi : la deuxième plage doit commencer après la fin de la première (12 h).",
    });
    expect(errors({ hours_th_from2: "14:00", hours_th_to2: "17:00" })).toEqual({
      hours_th_from2: "Jeudi : remplissez d'abord la première plage horaire.",
    });
    expect(errors({ hours_fr_closed: "on", hours_fr_from1: "09:00", hours_fr_to1: "12:00" })).toEqual({
      hours_fr_closed: "Vendredi : décochez « Fermé » ou effacez les horaires de ce jour.",
    });
    expect(errors({ hours_ph_closed: "on" })).toEqual({
      hours_ph_closed: "Jours fériés : indiquez d'abord les horaires d'ouverture de la semaine.",
    });
    expect(errors({ hours_sa_from1: "25:00", hours_sa_to1: "12:00" })).toEqual({
      hours_sa_from1: "Samedi, ouverture : une heure comme 09:00 ou 17:30.",
    });
  });
});

describe("the demo seed's hours", () => {
  it("are what the form writes", async () => {
    const { OPENING_HOURS } = await import("../../prisma/factories/association");
    for (const text of Object.values(OPENING_HOURS)) {
      expect(formatOpeningHours(parseOpeningHours(text)!)).toBe(text);
      if (text) expect(new OpeningHours(text, FRANCE).getWarnings(), text).toEqual([]);
    }
  });
});
