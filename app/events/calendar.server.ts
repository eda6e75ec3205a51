// The event as iCalendar: the public calendar file and the invitations sent by e-mail.
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod } from "ical-generator";
import { getEnv } from "~/env.server";
import { absoluteUrl } from "~/mail/mail.server";
import type { PublicEvent } from "~/events/reading.server";

type IcsEvent = Pick<PublicEvent, "id" | "slug" | "title" | "description" | "startsAt" | "endsAt" | "place" | "onlineUrl">;

/**
 * The event as iCalendar; times are written in UTC (…Z), which every client converts to local time.
 * `ccasName`: the CCAS's name from its settings, which names the calendar and signs the invitations.
 */
export function buildIcs(
  event: IcsEvent,
  ccasName: string,
  options: { method?: "PUBLISH" | "REQUEST" | "CANCEL"; attendee?: { name: string; email: string }; sequence?: number } = {},
): string {
  const cal = ical({
    name: `${ccasName} – événements`,
    prodId: { company: ccasName, product: "reseau-associations", language: "FR" },
  });
  cal.method(ICalCalendarMethod[options.method ?? "PUBLISH"]);
  const url = absoluteUrl(`/evenements/${event.slug}`);
  cal.createEvent({
    // The event's id is unique on its own; the right-hand part names the software, whichever CCAS runs it.
    id: `evenement-${event.id}@reseau-associations`,
    start: event.startsAt,
    end: event.endsAt,
    summary: event.title,
    description: `${event.description}\n\n${url}`,
    location: event.place ?? event.onlineUrl ?? null,
    url,
    sequence: options.sequence ?? 0,
    organizer: options.method && options.method !== "PUBLISH" ? organizer(ccasName) : null,
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

function organizer(ccasName: string) {
  const from = getEnv().MAIL_FROM;
  const m = /^(.*)<([^>]+)>\s*$/.exec(from);
  return m ? { name: m[1].trim().replace(/^"|"$/g, ""), email: m[2] } : { name: ccasName, email: from };
}
