import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireStaff } from "~/accounts/auth.server";
import { listEvents } from "~/events/reading.server";
import { formatDateTime } from "~/lib/format";
import { eventTypeLabel } from "~/events/event-labels";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Événements – Instruction") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const [upcoming, past] = await Promise.all([listEvents(), listEvents({ past: true })]);
  return { upcoming, past: past.slice(0, 20) };
}

type Row = Awaited<ReturnType<typeof loader>>["upcoming"][number];

function EventTable({
  events,
  caption,
}: {
  events: Row[] | { id: string; title: string; type: string; startsAt: string; capacity: number; confirmed: number; waiting: number }[];
  caption: string;
}) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Événement</th>
            <th scope="col">Date</th>
            <th scope="col">Inscrits / places</th>
            <th scope="col">Liste d'attente</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id}>
              <td>
                <Link to={`/instruction/evenements/${e.id}`}>{e.title}</Link>
                <br />
                <span className="small muted">{eventTypeLabel(e.type)}</span>
              </td>
              <td>{formatDateTime(e.startsAt)}</td>
              <td>
                {e.confirmed} / {e.capacity}
              </td>
              <td>{e.waiting}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function StaffEvents() {
  const { upcoming, past } = useLoaderData<typeof loader>();
  return (
    <div className="container page">
      <p>
        <Link to="/instruction">‹ Espace instruction</Link>
      </p>
      <h1>Événements</h1>
      <p>
        <Link to="/instruction/evenements/nouveau" className="button">
          Créer un événement
        </Link>
      </p>
      <h2>À venir</h2>
      {upcoming.length ? <EventTable events={upcoming} caption="Événements à venir" /> : <p>Aucun événement à venir.</p>}
      <h2>Passés</h2>
      {past.length ? <EventTable events={past} caption="Événements passés" /> : <p>Aucun événement passé.</p>}
    </div>
  );
}
