// Voted and paid by field of intervention and by district: a chart and the same figures as a table.
import { useLoaderData } from "@remix-run/react";
import { BarChart, type BarSeries } from "./bar-chart";
import { formatEuros } from "~/lib/format";
import type { loader } from "./route";

const SERIES: BarSeries[] = [
  { key: "voted", name: "Voté", color: "#1f4e8c" },
  { key: "paid", name: "Versé", color: "#2e7d32" },
];
const money = (v: number) => formatEuros(v, { round: true });

export function Breakdowns() {
  const { dashboard: d } = useLoaderData<typeof loader>();
  return (
    <>
      {(
        [
          [
            "par-domaine",
            "Par domaine d'intervention",
            d.byField,
            "Une association peut relever de plusieurs domaines : elle compte alors dans chacun, et la somme des lignes dépasse le total.",
          ],
          ["par-quartier", "Par quartier", d.byDistrict, "Le quartier est celui du siège de l'association."],
        ] as const
      ).map(([id, title, rows, note]) => (
        <section key={id} aria-labelledby={id}>
          <h2 id={id}>{title}</h2>
          <figure>
            <figcaption>
              Graphique : montants votés et versés {title.toLowerCase()}, exercice {d.year}. Les mêmes chiffres figurent dans le tableau
              ci-dessous.
            </figcaption>
            {rows.length ? (
              <BarChart
                rows={rows.map((r) => ({ label: r.label, values: { voted: r.votedCents, paid: r.paidCents } }))}
                series={SERIES}
                format={money}
              />
            ) : (
              <p>Aucune subvention votée pour cet exercice.</p>
            )}
          </figure>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">
                {title}, exercice {d.year}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{id === "par-domaine" ? "Domaine" : "Quartier"}</th>
                  <th scope="col">Voté</th>
                  <th scope="col">Versé</th>
                  <th scope="col">Associations</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.key}>
                    <th scope="row">{r.label}</th>
                    <td>{formatEuros(r.votedCents)}</td>
                    <td>{formatEuros(r.paidCents)}</td>
                    <td>{r.associations}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="small muted">{note}</p>
        </section>
      ))}
    </>
  );
}
