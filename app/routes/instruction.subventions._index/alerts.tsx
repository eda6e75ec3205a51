// What needs attention, all years: late or belated payments, overdue comptes rendus.
import { Link, useLoaderData } from "@remix-run/react";
import { formatDate, formatEuros } from "~/lib/format";
import { INSTALMENT_KIND_LABELS } from "~/subsidies/schemas";
import { INSTALMENT_FLAG_LABELS, REPORT_STATUS_LABELS } from "~/subsidies/subsidy-labels";
import type { loader } from "./route";

export function Alerts() {
  const { dashboard: d } = useLoaderData<typeof loader>();
  return (
    <>
      <section aria-labelledby="alertes-versements">
        <h2 id="alertes-versements">Versements en retard ou tardifs ({d.flaggedPayments.length})</h2>
        {d.flaggedPayments.length === 0 ? (
          <p>Aucun versement en retard.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Subvention</th>
                  <th scope="col">Association</th>
                  <th scope="col">Versement</th>
                  <th scope="col">Prévu le</th>
                  <th scope="col">Alerte</th>
                </tr>
              </thead>
              <tbody>
                {d.flaggedPayments.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <Link to={`/instruction/subventions/${p.subsidy.id}`}>{p.subsidy.number}</Link>
                    </td>
                    <td>{p.subsidy.association}</td>
                    <td>
                      {INSTALMENT_KIND_LABELS[p.kind]} de {formatEuros(p.amountCents)}
                    </td>
                    <td>{formatDate(p.plannedDate)}</td>
                    <td>{p.flags.map((f) => INSTALMENT_FLAG_LABELS[f]).join(", ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="alertes-comptes-rendus">
        <h2 id="alertes-comptes-rendus">Comptes rendus financiers en retard ({d.overdueReports.length})</h2>
        {d.overdueReports.length === 0 ? (
          <p>Aucun compte rendu en retard.</p>
        ) : (
          <ul>
            {d.overdueReports.map((r) => (
              <li key={r.id}>
                <Link to={`/instruction/subventions/${r.subsidy.id}`}>{r.subsidy.number}</Link> – {r.subsidy.association} : exercice{" "}
                {r.financialYear}, attendu le {formatDate(r.dueDate)} ({REPORT_STATUS_LABELS[r.status]})
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
