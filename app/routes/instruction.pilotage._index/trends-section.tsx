// Across the years of the social project: voted and paid per axis, achieved per indicator.
import { useLoaderData } from "@remix-run/react";
import { formatEuros } from "~/lib/format";
import { formatIndicatorValue } from "~/steering/indicators";
import { VotedPaidChart } from "~/steering/voted-paid-chart";
import type { loader } from "./route";

const money = (cents: number) => formatEuros(cents, { round: true });

export function TrendsSection() {
  const { dashboard: d } = useLoaderData<typeof loader>();
  const { years, money: series, indicators } = d.trends;
  const perYear = years.map((year, i) => ({
    label: String(year),
    votedCents: series.reduce((s, t) => s + t.byYear[i].votedCents, 0),
    paidCents: series.reduce((s, t) => s + t.byYear[i].paidCents, 0),
  }));
  return (
    <section aria-labelledby="tendances">
      <h2 id="tendances">Tendances {d.project ? `${d.project.startYear}-${d.project.endYear}` : d.year}</h2>
      <div className="steering-chart-and-table">
        <figure>
          <figcaption>
            Voté et versé chaque année, tous axes confondus. Le détail par axe figure dans le tableau « Tendances par axe ».
          </figcaption>
          <VotedPaidChart title="Voté et versé par année" rows={perYear} format={money} width={520} />
        </figure>
        <div className="table-wrap">
          <table data-testid="steering-trends">
            <caption>Tendances par axe : voté puis versé</caption>
            <thead>
              <tr>
                <th scope="col">Axe</th>
                {years.map((y) => (
                  <th key={y} scope="col">
                    {y}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {series.map((t) => (
                <tr key={t.key}>
                  <th scope="row">{t.label}</th>
                  {t.byYear.map((p) => (
                    <td key={p.year}>
                      voté {formatEuros(p.votedCents)}
                      <br />
                      versé {formatEuros(p.paidCents)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      {indicators.length > 0 ? (
        <div className="table-wrap">
          <table data-testid="steering-indicator-trends">
            <caption>Tendances des indicateurs : valeur atteinte (somme, ou moyenne pour une part)</caption>
            <thead>
              <tr>
                <th scope="col">Indicateur</th>
                {years.map((y) => (
                  <th key={y} scope="col">
                    {y}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {indicators.map((t) => (
                <tr key={t.key}>
                  <th scope="row">{t.name}</th>
                  {t.byYear.map((p) => (
                    <td key={p.year}>{formatIndicatorValue(p.achieved, t.unit)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
