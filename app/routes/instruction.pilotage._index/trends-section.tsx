// Across the years of the social project: voted and paid per axis, achieved per indicator.
import type { ReactNode } from "react";
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
        <YearsTable
          testId="steering-trends"
          caption="Tendances par axe : voté puis versé"
          rowHeader="Axe"
          years={years}
          rows={series.map((t) => ({
            key: t.key,
            label: t.label,
            cells: t.byYear.map((p) => (
              <>
                voté {formatEuros(p.votedCents)}
                <br />
                versé {formatEuros(p.paidCents)}
              </>
            )),
          }))}
        />
      </div>
      {indicators.length > 0 ? (
        <YearsTable
          testId="steering-indicator-trends"
          caption="Tendances des indicateurs : valeur atteinte (somme, ou moyenne pour une part)"
          rowHeader="Indicateur"
          years={years}
          rows={indicators.map((t) => ({
            key: t.key,
            label: t.name,
            cells: t.byYear.map((p) => formatIndicatorValue(p.achieved, t.unit)),
          }))}
        />
      ) : null}
    </section>
  );
}

/** One row per series, one column per year of the project. */
function YearsTable(o: {
  testId: string;
  caption: string;
  rowHeader: string;
  years: number[];
  rows: { key: string; label: string; cells: ReactNode[] }[];
}) {
  return (
    <div className="table-wrap">
      <table data-testid={o.testId}>
        <caption>{o.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{o.rowHeader}</th>
            {o.years.map((y) => (
              <th key={y} scope="col">
                {y}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {o.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {row.cells.map((cell, i) => (
                <td key={o.years[i]}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
