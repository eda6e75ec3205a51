// Indicators summed where units agree: target vs achieved, rate, who reported; overall, then per axis.
import { useLoaderData } from "@remix-run/react";
import { achievedText, KIND_SHORT_LABELS, rateText, reportingText, targetText } from "~/steering/dashboard-labels";
import type { IndicatorGroup } from "~/steering/indicator-totals";
import type { loader } from "./route";

function IndicatorTable({ groups, caption, testId }: { groups: IndicatorGroup[]; caption: string; testId?: string }) {
  if (groups.length === 0) return <p>Aucun indicateur.</p>;
  return (
    <div className="table-wrap">
      <table data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Indicateur</th>
            <th scope="col">Type</th>
            <th scope="col">Objectif</th>
            <th scope="col">Atteint</th>
            <th scope="col">Taux d'atteinte</th>
            <th scope="col">Projets</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.key}>
              <th scope="row">{g.name}</th>
              <td>{KIND_SHORT_LABELS[g.kind]}</td>
              <td>{targetText(g)}</td>
              <td>{achievedText(g)}</td>
              <td>{rateText(g)}</td>
              <td>
                {g.withTarget} avec objectif ; {reportingText(g)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function IndicatorsSection() {
  const { dashboard: d } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="indicateurs">
      <h2 id="indicateurs">Indicateurs : objectifs et valeurs atteintes</h2>
      <p className="small muted">
        Les indicateurs de même nature, même unité et même nom (à la casse et aux accents près) sont additionnés ; une part (%) ne l'est
        jamais : sa moyenne et son écart sont donnés. Atteint : comptes rendus financiers validés seulement.
      </p>
      <IndicatorTable groups={d.indicators} caption={`Ensemble des projets, ${d.year}`} testId="steering-indicators" />
      {[...d.axes, d.unattached]
        .filter((a) => a.indicators.length > 0)
        .map((a) => (
          <details key={a.key}>
            <summary>{a.number === null ? a.title : `Axe ${a.number} – ${a.title}`}</summary>
            <IndicatorTable groups={a.indicators} caption={`Indicateurs : ${a.number === null ? a.title : `axe ${a.number}`}, ${d.year}`} />
          </details>
        ))}
    </section>
  );
}
