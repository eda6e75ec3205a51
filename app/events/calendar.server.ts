// The event as iCalendar: the public calendar file and the invitations sent by e-mail.
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod } from "ical-generator";
import { getEnv } from "~/env.server";
import { absoluteUrl } from "~/mail/mail.server";
import type { PublicEvent } from "~/events/reading.server";

type IcsEvent = Pick<PublicEvent, "id" | "slug" | "title" | "description" | "startsAt" | "endsAt" | "place" | "onlineUrl">;

/** The event as iCalendar; times are written in UTC (…Z), which every client converts to local time. */
export function buildIcs(
  event: IcsEvent,
  options: { method?: "PUBLISH" | "REQUEST" | "CANCEL"; attendee?: { name: string; email: string }; sequence?: number } = {},
): string {
  const cal = ical({
    name: "CCAS de Besançon – événements",
    prodId: { company: "CCAS de Besançon", product: "reseau-associations", language: "FR" },
  });
  cal.method(ICalCalendarMethod[options.method ?? "PUBLISH"]);
  const url = absoluteUrl(`/evenements/${event.slug}`);
  cal.createEvent({
    id: `evenement-${event.id}@ccas-besancon`,
    start: event.startsAt,
    end: event.endsAt,
    summary: event.title,
    description: `${event.description}\n\n${url}`,
    location: event.place ?? event.onlineUrl ?? null,
    url,
    sequence: options.sequence ?? 0,
    organizer: options.method && options.method !== "PUBLISH" ? organizer() : null,
    attendees: options.attendee
      ? [
          {
            name: options.attendee.name,
            email: options.attendee.email,
            role: ICalAttendeeRole.REQ,
            status: options.method === "CANCEL" ? ICalAttendeeStatus.DECLINED : ICalAttendeeStatus.ACCEPTED,
          },
        ]
      : [],
  });
  return cal.toString();
}

function organizer() {
  const from = getEnv().MAIL_FROM;
  const m = /^(.*)<([^>]+)>\s*$/.exec(from);
  return m ? { name: m[1].trim().replace(/^"|"$/g, ""), email: m[2] } : { name: "CCAS de Besançon", email: from };
}
