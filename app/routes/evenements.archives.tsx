import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EventCard } from "~/events/event-card";
import { listEvents } from "~/events/reading.server";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Événements passés") }];

export async function loader(_: LoaderFunctionArgs) {
  return { events: await listEvents({ past: true }) };
}

export default function EventArchive() {
  const { events } = useLoaderData<typeof loader>();
  return (
    <div className="container page">
      <p>
        <Link to="/evenements">‹ Événements à venir</Link>
      </p>
      <h1>Événements passés</h1>
      {events.length === 0 ? <p>Aucun événement passé.</p> : null}
      <ul className="results stack" style={{ listStyle: "none", padding: 0 }}>
        {events.map((e) => (
          <li key={e.id}>
            <EventCard event={e} past />
          </li>
        ))}
      </ul>
    </div>
  );
}
