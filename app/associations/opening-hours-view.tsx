// The directory's reading of an association's opening hours: the week as a table, and "ouvert
// maintenant" computed in the browser. Public pages are cached (PAGE_CACHE_SECONDS), so the
// server never renders the current state: the browser computes it from the hours after
// hydration and again every 30 seconds. Without JavaScript, only the table shows.
import { useSyncExternalStore } from "react";
import { WEEKDAYS, describeDay, describeState, openingStateAt, parseOpeningHours, type WeekHours } from "~/associations/opening-hours";

export function OpeningHoursWeek({ week }: { week: WeekHours }) {
  return (
    <table className="opening-hours-week">
      <caption className="visually-hidden">Horaires d'ouverture de la semaine</caption>
      <tbody>
        {WEEKDAYS.map((d) => (
          <tr key={d.key}>
            <th scope="row">{d.label}</th>
            <td>{describeDay(week.days[d.key])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// The browser's clock, to the half-minute; none on the server (and so none in a cached page).
const TICK = 30_000;
const subscribeToClock = (onChange: () => void) => {
  const timer = setInterval(onChange, TICK / 3);
  return () => clearInterval(timer);
};
const clockNow = () => Math.floor(Date.now() / TICK) * TICK;
const noClock = () => null;

function OpenNow({ week }: { week: WeekHours }) {
  const now = useSyncExternalStore(subscribeToClock, clockNow, noClock);
  if (now === null) return null;
  const { label, detail } = describeState(openingStateAt(week, new Date(now)));
  const open = label.startsWith("Ouvert");
  return (
    <p data-testid="open-now">
      <span className={`badge ${open ? "badge-green" : "badge-grey"}`}>{label}</span>
      {detail ? <span className="small"> · {detail}</span> : null}
    </p>
  );
}

/** The hours block of the directory page; nothing when no hours are given. */
export function OpeningHours({ hours }: { hours: string }) {
  if (hours.trim() === "") return null;
  const week = parseOpeningHours(hours);
  return (
    <>
      <dt>Horaires</dt>
      <dd>
        {week ? (
          <>
            <OpenNow week={week} />
            <OpeningHoursWeek week={week} />
            {week.closedOnPublicHolidays ? <p className="small">Fermé les jours fériés.</p> : null}
          </>
        ) : (
          <code>{hours}</code>
        )}
      </dd>
    </>
  );
}
