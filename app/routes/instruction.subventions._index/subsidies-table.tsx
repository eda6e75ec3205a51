// The subsidies of the financial year, each linked to its page.
import { Link, useLoaderData } from "@remix-run/react";
import { formatEuros } from "~/lib/format";
import { CONVENTION_STATUS_LABELS, SUBSIDY_STAGE_LABELS } from "~/subsidies/subsidy-labels";
import type { loader } from "./route";

export function SubsidiesTable() {
  const { dashboard: d, subsidies } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="liste">
      <h2 id="liste">Subventions de l'exercice {d.year}</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Numéro</th>
              <th scope="col">Association</th>
              <th scope="col">Objet</th>
              <th scope="col">Appel</th>
              <th scope="col">Voté</th>
              <th scope="col">Versé</th>
              <th scope="col">Convention</th>
              <th scope="col">État</th>
            </tr>
          </thead>
          <tbody>
            {subsidies.map((s) => (
              <tr key={s.id}>
                <td>
                  <Link to={`/instruction/subventions/${s.id}`}>{s.number}</Link>
                </td>
                <td>{s.association}</td>
                <td>{s.purpose}</td>
                <td>{s.call}</td>
                <td>{s.votedCents === null ? `proposé : ${formatEuros(s.proposedCents)}` : formatEuros(s.votedCents)}</td>
                <td>{formatEuros(s.paidCents)}</td>
                <td>{s.convention ? CONVENTION_STATUS_LABELS[s.convention] : s.conventionRequired ? "Obligatoire" : "—"}</td>
                <td>{SUBSIDY_STAGE_LABELS[s.stage]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
