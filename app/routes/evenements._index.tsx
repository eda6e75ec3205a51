import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EventCard } from "~/events/event-card";
import { listEvents } from "~/events/reading.server";
import { ccasName, pageTitle } from "~/lib/meta";
import { ofCcas } from "~/settings/ccas-name";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "Événements") },
  { name: "description", content: `Rencontre annuelle des associations, ateliers numériques et formations ${ofCcas(ccasName(matches))}.` },
];

export async function loader(_: LoaderFunctionArgs) {
  return { events: await listEvents() };
}

export default function EventsPage() {
  const { events } = useLoaderData<typeof loader>();
  return (
    <div className="container page">
      <h1>Événements à venir</h1>
      <p className="lead">La rencontre annuelle des associations, les ateliers numériques et les formations à l'accès aux droits.</p>
      {events.length === 0 ? <p>Aucun événement n'est prévu pour le moment.</p> : null}
      <ul className="results stack" style={{ listStyle: "none", padding: 0 }}>
        {events.map((e) => (
          <li key={e.id}>
            <EventCard event={e} />
          </li>
        ))}
      </ul>
      <p>
        <Link to="/evenements/archives">Événements passés</Link>
      </p>
    </div>
  );
}
