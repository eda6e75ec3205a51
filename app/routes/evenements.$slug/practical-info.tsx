// "En pratique": when, where, places, the per-association limit, the registration window, the calendar file.
import { PlacesBadge } from "~/events/event-card";
import { formatDateTime, formatLongDate } from "~/lib/format";

type PracticalEvent = {
  slug: string;
  startsAt: string | Date;
  endsAt: string | Date;
  place: string | null;
  onlineUrl: string | null;
  capacity: number;
  placesLeft: number;
  waiting: number;
  perAssociationLimit: number | null;
  registrationOpensAt: string | Date;
  registrationClosesAt: string | Date;
};

export function PracticalInfo({ event: e }: { event: PracticalEvent }) {
  return (
    <section className="card">
      <h2>En pratique</h2>
      <dl className="definition-list">
        <dt>Date</dt>
        <dd>
          {formatLongDate(e.startsAt)}, du {formatDateTime(e.startsAt)} au {formatDateTime(e.endsAt)}
        </dd>
        <dt>Lieu</dt>
        <dd>{e.place ?? "En ligne"}</dd>
        {e.onlineUrl ? (
          <>
            <dt>En ligne</dt>
            <dd>{/^https?:\/\//i.test(e.onlineUrl) ? <a href={e.onlineUrl}>{e.onlineUrl}</a> : e.onlineUrl}</dd>
          </>
        ) : null}
        <dt>Places</dt>
        <dd>
          {e.capacity} au total · <PlacesBadge placesLeft={e.placesLeft} waiting={e.waiting} />
        </dd>
        {e.perAssociationLimit ? (
          <>
            <dt>Par association</dt>
            <dd>{e.perAssociationLimit} personne(s) au plus</dd>
          </>
        ) : null}
        <dt>Inscriptions</dt>
        <dd>
          du {formatDateTime(e.registrationOpensAt)} au {formatDateTime(e.registrationClosesAt)}
        </dd>
      </dl>
      <p>
        <a href={`/evenements/${e.slug}/calendrier.ics`} download>
          Ajouter à mon agenda (fichier .ics)
        </a>
      </p>
    </section>
  );
}
