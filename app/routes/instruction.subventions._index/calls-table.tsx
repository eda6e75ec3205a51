// Per call for projects: envelope, voted, paid, what remains to pay and what is not committed.
import { useLoaderData } from "@remix-run/react";
import { formatEuros } from "~/lib/format";
import type { loader } from "./route";

export function CallsTable() {
  const { dashboard: d } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="par-appel">
      <h2 id="par-appel">Par appel à projets</h2>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Enveloppe, voté, versé et reste à verser par appel à projets, exercice {d.year}</caption>
          <thead>
            <tr>
              <th scope="col">Appel</th>
              <th scope="col">Enveloppe</th>
              <th scope="col">Voté</th>
              <th scope="col">Versé</th>
              <th scope="col">Reste à verser</th>
              <th scope="col">Enveloppe non engagée</th>
              <th scope="col">Subventions</th>
            </tr>
          </thead>
          <tbody>
            {d.callRows.map((c) => (
              <tr key={c.key}>
                <th scope="row">{c.label}</th>
                <td>{c.envelopeCents === null ? "—" : formatEuros(c.envelopeCents)}</td>
                <td>{formatEuros(c.votedCents)}</td>
                <td>{formatEuros(c.paidCents)}</td>
                <td>{formatEuros(c.remainingCents)}</td>
                <td>{c.envelopeCents === null ? "—" : formatEuros(c.envelopeCents - c.votedCents)}</td>
                <td>{c.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
