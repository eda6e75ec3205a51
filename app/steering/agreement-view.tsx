// A multi-year agreement as the association reads it: the objectives of each year and the record of
// each review meeting (the same data staff edit on their page).
import { formatDate } from "~/lib/format";
import { formatIndicatorValue } from "~/steering/indicators";

export type AgreementObjectiveView = {
  id: string;
  year: number;
  title: string;
  target: number | null;
  indicator: { name: string; unit: string } | null;
};
export type ReviewMeetingView = { id: string; year: number; heldOn: string | Date; participants: string; notes: string; decisions: string };

export function objectiveMeasure(o: AgreementObjectiveView) {
  if (!o.indicator) return "";
  return o.target === null
    ? `mesuré par « ${o.indicator.name} »`
    : `cible : ${formatIndicatorValue(o.target, o.indicator.unit)} (« ${o.indicator.name} »)`;
}

export function MeetingRecord({ meeting: m }: { meeting: ReviewMeetingView }) {
  return (
    <dl className="definition-list">
      <dt>Date</dt>
      <dd>{formatDate(m.heldOn)}</dd>
      <dt>Participants</dt>
      <dd style={{ whiteSpace: "pre-wrap" }}>{m.participants}</dd>
      <dt>Échanges</dt>
      <dd style={{ whiteSpace: "pre-wrap" }}>{m.notes}</dd>
      <dt>Décisions</dt>
      <dd style={{ whiteSpace: "pre-wrap" }}>{m.decisions || "—"}</dd>
    </dl>
  );
}

export function AgreementView({
  years,
  objectives,
  meetings,
}: {
  years: number[];
  objectives: AgreementObjectiveView[];
  meetings: ReviewMeetingView[];
}) {
  return (
    <>
      <section aria-labelledby="objectifs-cpo" className="stack">
        <h2 id="objectifs-cpo">Objectifs de la convention pluriannuelle</h2>
        {years.map((year) => {
          const mine = objectives.filter((o) => o.year === year);
          return (
            <div key={year} className="stack">
              <h3>Objectifs {year}</h3>
              {mine.length ? (
                <ul>
                  {mine.map((o) => (
                    <li key={o.id}>
                      {o.title}
                      {o.indicator ? ` – ${objectiveMeasure(o)}` : ""}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">Aucun objectif fixé pour {year}.</p>
              )}
            </div>
          );
        })}
      </section>
      <section aria-labelledby="dialogues-gestion" className="stack">
        <h2 id="dialogues-gestion">Dialogues de gestion</h2>
        {meetings.length ? (
          meetings.map((m) => (
            <article key={m.id} className="card stack" aria-labelledby={`dialogue-${m.year}`}>
              <h3 id={`dialogue-${m.year}`}>Dialogue de gestion {m.year}</h3>
              <MeetingRecord meeting={m} />
            </article>
          ))
        ) : (
          <p className="muted">Aucun dialogue de gestion n'est encore enregistré.</p>
        )}
      </section>
    </>
  );
}
