// One event in a list: title, type, date, place, places left.
import { Link } from "@remix-run/react";
import { formatDateTime, formatLongDate } from "~/lib/format";
import { eventTypeLabel } from "~/events/event-labels";

type CardEvent = {
  slug: string;
  title: string;
  type: string;
  startsAt: string | Date;
  place: string | null;
  onlineUrl: string | null;
  audience: string;
  capacity: number;
  placesLeft: number;
  waiting: number;
};

export function PlacesBadge({ placesLeft, waiting }: { placesLeft: number; waiting: number }) {
  if (placesLeft > 0)
    return <span className="badge badge-green">{placesLeft === 1 ? "1 place restante" : `${placesLeft} places restantes`}</span>;
  return <span className="badge badge-orange">Complet{waiting ? ` – ${waiting} en liste d'attente` : " – liste d'attente ouverte"}</span>;
}

export function EventCard({ event: e, past = false }: { event: CardEvent; past?: boolean }) {
  return (
    <article className="card result">
      <h2>
        <Link to={`/evenements/${e.slug}`}>{e.title}</Link>
      </h2>
      <p className="muted">
        {eventTypeLabel(e.type)} · {e.audience === "public" ? "ouvert au public" : "réservé aux associations"}
      </p>
      <p>
        <span className="visually-hidden">Date : </span>
        {past ? formatLongDate(e.startsAt) : formatDateTime(e.startsAt)} · {e.place ?? "en ligne"}
      </p>
      {past ? null : <PlacesBadge placesLeft={e.placesLeft} waiting={e.waiting} />}
    </article>
  );
}
