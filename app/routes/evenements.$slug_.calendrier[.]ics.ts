// The event as an iCalendar file, for any calendar application.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { buildIcs } from "~/events/calendar.server";
import { getEventBySlug } from "~/events/reading.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const event = await getEventBySlug(params.slug ?? "");
  if (!event) return new Response("Événement introuvable.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(buildIcs(event), {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${event.slug}.ics"`,
      "Cache-Control": "no-cache",
    },
  });
}
