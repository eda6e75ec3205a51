// Per axis and projet phare: the chart of voted vs paid and, beside it, the table with the same figures.
import { useLoaderData } from "@remix-run/react";
import { formatEuros } from "~/lib/format";
import { VotedPaidChart } from "~/steering/voted-paid-chart";
import type { loader } from "./route";

const money = (cents: number) => formatEuros(cents, { round: true });
type Figures = { votedCents: number; paidCents: number; projects: number; associations: number };

function Cells({ f }: { f: Figures }) {
  return (
    <>
      <td>{formatEuros(f.votedCents)}</td>
      <td>{formatEuros(f.paidCents)}</td>
      <td>{formatEuros(f.votedCents - f.paidCents)}</td>
      <td>{f.projects}</td>
      <td>{f.associations}</td>
    </>
  );
}

export function AxesSection() {
  const { dashboard: d } = useLoaderData<typeof loader>();
  const rows = [...d.axes, d.unattached];
  return (
    <section aria-labelledby="par-axe">
      <h2 id="par-axe">Par axe et projet phare</h2>
      <div className="steering-chart-and-table">
        <figure>
          <figcaption>
            Montants votés et versés par axe, {d.year}. Les mêmes chiffres figurent dans le tableau « Par axe et projet phare ».
          </figcaption>
          <VotedPaidChart
            title={`Voté et versé par axe, ${d.year}`}
            rows={rows.map((a) => ({ label: a.number === null ? "Non rattaché" : `Axe ${a.number}`, ...a }))}
            format={money}
          />
        </figure>
        <div className="table-wrap">
          <table data-testid="steering-axes">
            <caption>Par axe et projet phare, {d.year}</caption>
            <thead>
              <tr>
                <th scope="col">Axe ou projet phare</th>
                <th scope="col">Voté</th>
                <th scope="col">Versé</th>
                <th scope="col">Reste à verser</th>
                <th scope="col">Projets</th>
                <th scope="col">Associations</th>
              </tr>
            </thead>
            {d.axes.map((a) => (
              <tbody key={a.key}>
                <tr>
                  <th scope="row">
                    Axe {a.number} – {a.title}
                  </th>
                  <Cells f={a} />
                </tr>
                {a.flagships.map((f) => (
                  <tr key={f.id}>
                    <th scope="row" className="steering-indent">
                      Projet phare n°{f.number} – {f.title}
                    </th>
                    <Cells f={f} />
                  </tr>
                ))}
                {a.withoutFlagship.projects > 0 ? (
                  <tr>
                    <th scope="row" className="steering-indent">
                      Sans projet phare (axe {a.number})
                    </th>
                    <Cells f={a.withoutFlagship} />
                  </tr>
                ) : null}
              </tbody>
            ))}
            <tbody>
              <tr>
                <th scope="row">{d.unattached.title}</th>
                <Cells f={d.unattached} />
              </tr>
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Total</th>
                <Cells f={d.totals} />
              </tr>
            </tfoot>
          </table>
        </div>
      </div>
    </section>
  );
}
