// The opening-hours block of the profile form: flat fields (a form without JavaScript posts
// them as they are), their zod rules, and the conversion to and from the stored OSM string.
import * as z from "zod";
import {
  type DayKey,
  type TimeRange,
  type WeekHours,
  WEEKDAYS,
  emptyWeek,
  formatOpeningHours,
  frenchTime,
  isEmptyWeek,
  isTime,
  minutesOf,
  parseOpeningHours,
} from "~/associations/opening-hours";

export const RANGE_SLOTS = ["from1", "to1", "from2", "to2"] as const;
type Slot = (typeof RANGE_SLOTS)[number];

export const hoursFieldName = <D extends DayKey, S extends Slot | "closed">(day: D, slot: S) => `hours_${day}_${slot}` as const;
export const PUBLIC_HOLIDAYS_FIELD = "hours_ph_closed";

type ClosedKey = `hours_${DayKey}_closed` | typeof PUBLIC_HOLIDAYS_FIELD;
type TimeKey = `hours_${DayKey}_${Slot}`;

const ticked = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

// "9:00", "9h", "09 h 30" typed in a browser without a time picker become "09:00", "09:30".
function normaliseTime(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const text = value.trim();
  if (text === "") return undefined;
  const m = /^(\d{1,2})\s*(?:[:hH.]\s*(\d{2})?)?(?::\d{2})?$/.exec(text);
  return m ? `${m[1].padStart(2, "0")}:${m[2] ?? "00"}` : text;
}

const timeField = (label: string) =>
  z.preprocess(
    normaliseTime,
    z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${label} : une heure comme 09:00 ou 17:30.`)
      .optional(),
  );

const SLOT_LABELS: Record<Slot, string> = { from1: "ouverture", to1: "fermeture", from2: "réouverture", to2: "fermeture du soir" };

/** The fields of the block, to extend the profile schema with. */
export const openingHoursShape = Object.fromEntries([
  ...WEEKDAYS.flatMap((d) => [
    [hoursFieldName(d.key, "closed"), ticked],
    ...RANGE_SLOTS.map((slot) => [hoursFieldName(d.key, slot), timeField(`${d.label}, ${SLOT_LABELS[slot]}`)]),
  ]),
  [PUBLIC_HOLIDAYS_FIELD, ticked],
]) as { [K in ClosedKey]: typeof ticked } & { [K in TimeKey]: ReturnType<typeof timeField> };

type HoursValues = Record<string, unknown>;

const text = (v: unknown) => (typeof v === "string" ? v : undefined);

/** The week the fields describe (after validation: no half range, ranges in order). */
export function weekFromForm(values: HoursValues): WeekHours {
  const week = emptyWeek();
  for (const d of WEEKDAYS) {
    const ranges: TimeRange[] = [];
    for (const n of [1, 2] as const) {
      const from = text(values[hoursFieldName(d.key, `from${n}`)]);
      const to = text(values[hoursFieldName(d.key, `to${n}`)]);
      if (from && to) ranges.push({ from, to });
    }
    week.days[d.key] = { closed: values[hoursFieldName(d.key, "closed")] === true, ranges };
  }
  week.closedOnPublicHolidays = values[PUBLIC_HOLIDAYS_FIELD] === true;
  return week;
}

/** The form's default values for a stored OSM string; `editable` is false when the form cannot show it. */
export function openingHoursFormValues(stored: string): { values: Record<string, string | boolean>; editable: boolean } {
  const week = parseOpeningHours(stored);
  const values: Record<string, string | boolean> = {};
  for (const d of WEEKDAYS) {
    const day = week?.days[d.key];
    values[hoursFieldName(d.key, "closed")] = day?.closed ? "on" : false;
    RANGE_SLOTS.forEach((slot) => {
      const range = day?.ranges[slot.endsWith("1") ? 0 : 1];
      values[hoursFieldName(d.key, slot)] = range ? (slot.startsWith("from") ? range.from : range.to) : "";
    });
  }
  values[PUBLIC_HOLIDAYS_FIELD] = week?.closedOnPublicHolidays ? "on" : false;
  return { values, editable: week !== null };
}

/** The rules across fields: whole ranges, in order, "fermé" without hours. Messages keyed by field. */
export function checkOpeningHours(values: HoursValues, ctx: z.RefinementCtx) {
  const issue = (field: string, message: string) => ctx.addIssue({ code: "custom", path: [field], message });
  let anyRange = false;
  for (const d of WEEKDAYS) {
    const name = (slot: Slot) => hoursFieldName(d.key, slot);
    const slots = RANGE_SLOTS.map((slot) => text(values[name(slot)]));
    // A time already refused by its own field is not compared with the others.
    if (slots.some((v) => v !== undefined && !isTime(v))) continue;
    const [from1, to1, from2, to2] = slots;
    if (from1 && !to1) issue(name("to1"), `${d.label} : indiquez l'heure de fermeture.`);
    if (!from1 && to1) issue(name("from1"), `${d.label} : indiquez l'heure d'ouverture.`);
    if (from1 && to1 && minutesOf(to1) <= minutesOf(from1))
      issue(name("to1"), `${d.label} : la fermeture doit venir après l'ouverture (${frenchTime(from1)}).`);
    if ((from2 || to2) && !(from1 && to1)) issue(name("from2"), `${d.label} : remplissez d'abord la première plage horaire.`);
    else if (from2 && !to2) issue(name("to2"), `${d.label} : indiquez l'heure de fermeture de la deuxième plage.`);
    else if (!from2 && to2) issue(name("from2"), `${d.label} : indiquez l'heure de réouverture.`);
    else if (from2 && to2 && to1) {
      if (minutesOf(from2) < minutesOf(to1))
        issue(name("from2"), `${d.label} : la deuxième plage doit commencer après la fin de la première (${frenchTime(to1)}).`);
      else if (minutesOf(to2) <= minutesOf(from2))
        issue(name("to2"), `${d.label} : la fermeture doit venir après la réouverture (${frenchTime(from2)}).`);
    }
    if (values[hoursFieldName(d.key, "closed")] === true && (from1 || to1 || from2 || to2))
      issue(hoursFieldName(d.key, "closed"), `${d.label} : décochez « Fermé » ou effacez les horaires de ce jour.`);
    if (from1 && to1) anyRange = true;
  }
  if (values[PUBLIC_HOLIDAYS_FIELD] === true && !anyRange)
    issue(PUBLIC_HOLIDAYS_FIELD, "Jours fériés : indiquez d'abord les horaires d'ouverture de la semaine.");
}

/** Adds the block to a form schema; the parsed data gains `openingHours`, the OSM string ("" when none). */
export function withOpeningHours<S extends z.ZodObject>(schema: S) {
  return schema
    .extend(openingHoursShape)
    .superRefine((values, ctx) => checkOpeningHours(values as HoursValues, ctx))
    .transform((values) => {
      const week = weekFromForm(values as HoursValues);
      return { ...(values as z.output<S>), openingHours: isEmptyWeek(week) ? "" : formatOpeningHours(week) };
    });
}
