// The event as an iCalendar file, for any calendar application.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { buildIcs } from "~/events/calendar.server";
import { getEventBySlug } from "~/events/reading.server";
import { fileResponse } from "~/lib/file-response.server";
import { getPortalSettings } from "~/settings/portal-settings.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const event = await getEventBySlug(params.slug ?? "");
  if (!event) return new Response("Événement introuvable.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  // Never kept by a cache: a changed time or place must reach the next download.
  return fileResponse(buildIcs(event, (await getPortalSettings()).name), {
    filename: `${event.slug}.ics`,
    contentType: "text/calendar; charset=utf-8",
  });
}
