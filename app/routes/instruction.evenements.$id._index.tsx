import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireStaff } from "~/accounts/auth.server";
import { attendanceFigures, listAttendees } from "~/events/attendance.server";
import { getEventById } from "~/events/reading.server";
import { formatDateTime } from "~/lib/format";
import { notFound } from "~/lib/http.server";
import { eventTypeLabel } from "~/events/event-labels";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, `${data?.event.title ?? "Événement"} – Instruction`) },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const event = await getEventById(params.id ?? "");
  if (!event) throw notFound();
  const [attendees, figures] = await Promise.all([listAttendees(event.id), attendanceFigures(event.id)]);
  return { event, attendees, figures, started: event.startsAt <= new Date() };
}

type Attendee = Awaited<ReturnType<typeof loader>>["attendees"]["confirmed"][number];

function AttendeeTable({ rows, caption, waiting = false }: { rows: Attendee[]; caption: string; waiting?: boolean }) {
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {waiting ? <th scope="col">Position</th> : null}
            <th scope="col">Nom</th>
            <th scope="col">Association</th>
            <th scope="col">E-mail</th>
            <th scope="col">Besoins d'accessibilité</th>
            {waiting ? null : <th scope="col">Présence</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              {waiting ? <td>{r.waitlistPosition}</td> : null}
              <td>
                {r.name}
                {r.role ? <span className="small muted"> – {r.role}</span> : null}
              </td>
              <td>{r.association?.name ?? "—"}</td>
              <td>{r.email}</td>
              <td>{r.accessibilityNeeds ?? "—"}</td>
              {waiting ? null : <td>{r.checkedInAt ? `Présent·e (${formatDateTime(r.checkedInAt)})` : "—"}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function StaffEvent() {
  const { event: e, attendees, figures, started } = useLoaderData<typeof loader>();
  return (
    <div className="container page">
      <p>
        <Link to="/instruction/evenements">‹ Événements</Link>
      </p>
      <h1>{e.title}</h1>
      <p className="muted">
        {eventTypeLabel(e.type)} · {formatDateTime(e.startsAt)} · {e.place ?? "en ligne"}
      </p>
      <ul className="actions" style={{ listStyle: "none", padding: 0, display: "flex", flexWrap: "wrap", gap: "0.75rem" }}>
        <li>
          <Link to={`/instruction/evenements/${e.id}/accueil`} className="button">
            Accueil le jour J (pointage)
          </Link>
        </li>
        <li>
          <Link to={`/instruction/evenements/${e.id}/modifier`} className="button button-secondary">
            Modifier l'événement
          </Link>
        </li>
        <li>
          <a href={`/instruction/evenements/${e.id}/export?format=csv`} className="button button-secondary" download>
            Exporter en CSV
          </a>
        </li>
        <li>
          <a href={`/instruction/evenements/${e.id}/export?format=xlsx`} className="button button-secondary" download>
            Exporter en XLSX
          </a>
        </li>
        <li>
          <Link to={`/evenements/${e.slug}`}>Page publique</Link>
        </li>
      </ul>

      <section className="card" aria-labelledby="chiffres">
        <h2 id="chiffres">{started ? "Participation" : "Inscriptions"}</h2>
        <dl className="definition-list">
          <dt>Inscrit·es confirmé·es</dt>
          <dd>
            {figures.confirmed} sur {e.capacity} places
          </dd>
          <dt>Liste d'attente</dt>
          <dd>{figures.waiting}</dd>
          <dt>Annulations</dt>
          <dd>{figures.cancelled}</dd>
          {started || figures.present > 0 ? (
            <>
              <dt>Présent·es</dt>
              <dd>
                {figures.present} ({figures.rate} % des inscrit·es), {figures.associationsPresent} association(s) représentée(s)
              </dd>
              <dt>Absent·es</dt>
              <dd>{figures.absent}</dd>
            </>
          ) : null}
        </dl>
      </section>

      <h2>Inscrit·es</h2>
      {attendees.confirmed.length ? (
        <AttendeeTable rows={attendees.confirmed} caption={`${attendees.confirmed.length} inscrit·es confirmé·es`} />
      ) : (
        <p>Aucun inscrit pour le moment.</p>
      )}
      <h2>Liste d'attente</h2>
      {attendees.waiting.length ? (
        <AttendeeTable rows={attendees.waiting} caption={`${attendees.waiting.length} personne(s) en attente`} waiting />
      ) : (
        <p>Personne en liste d'attente.</p>
      )}
      {attendees.unconfirmed.length ? (
        <p className="muted">
          {attendees.unconfirmed.length} inscription(s) du public attendent la confirmation de leur adresse e-mail (aucune place réservée).
        </p>
      ) : null}
    </div>
  );
}
