import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireStaff } from "~/accounts/auth.server";
import { formatDecimal, formatEuros } from "~/lib/format";
import { domainLoader } from "~/lib/forms.server";
import { stateLabel } from "~/dossiers/dossier-states";
import { getCallRanking } from "~/review/ranking.server";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, `Classement – ${data?.call.title ?? "appel"}`) },
];

// Wrapped at call time, never at module level: the browser build keeps module-level calls
// and has no forms.server.
export const loader = (args: LoaderFunctionArgs) => domainLoader(load)(args);

async function load({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  return getCallRanking(user, params.callId!);
}

export default function CallRanking() {
  const { call, rows, totalCents, exceeded } = useLoaderData<typeof loader>();
  return (
    <div className="container page">
      <p className="actions">
        <Link to={`/instruction/dossiers?appel=${call.id}`}>‹ Dossiers de cet appel</Link>
        <Link to={`/instruction/appels/${call.id}/dossiers`}>Tableau et actions groupées</Link>
      </p>
      <h1>Classement : {call.title}</h1>
      <dl className="definition-list">
        <dt>Enveloppe de l'appel</dt>
        <dd>{formatEuros(call.envelopeCents)}</dd>
        <dt>Cumul des montants</dt>
        <dd>{formatEuros(totalCents)}</dd>
      </dl>
      {exceeded ? (
        <div className="alert alert-warning" role="alert">
          <h2 className="alert-title">Enveloppe dépassée</h2>
          <p>
            Le cumul des montants ({formatEuros(totalCents)}) dépasse l'enveloppe de {formatEuros(call.envelopeCents)} de{" "}
            {formatEuros(totalCents - call.envelopeCents)}. Les lignes au-delà de l'enveloppe sont signalées.
          </p>
        </div>
      ) : (
        <p className="alert alert-success">Le cumul reste dans l'enveloppe (reste {formatEuros(call.envelopeCents - totalCents)}).</p>
      )}
      <p className="small muted">
        Les dossiers sont classés par note moyenne pondérée (sur 10). Le montant compté est le montant accordé ou, à défaut, le montant
        demandé. Les dossiers refusés ou classés sans suite ne sont pas comptés.
      </p>
      {rows.length ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Dossiers classés par note moyenne</caption>
            <thead>
              <tr>
                <th scope="col">Rang</th>
                <th scope="col">Dossier</th>
                <th scope="col">Association</th>
                <th scope="col">État</th>
                <th scope="col" className="num">
                  Note moyenne
                </th>
                <th scope="col" className="num">
                  Demandé
                </th>
                <th scope="col" className="num">
                  Montant compté
                </th>
                <th scope="col" className="num">
                  Cumul
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className={r.exceedsEnvelope ? "row-warning" : undefined}>
                  <td>{r.rank ?? "—"}</td>
                  <td>
                    <Link to={`/instruction/dossiers/${r.id}`}>{r.number}</Link>
                    <div className="small muted">{r.projectTitle ?? ""}</div>
                  </td>
                  <td>{r.association.name}</td>
                  <td>{stateLabel(r.state)}</td>
                  <td className="num">
                    {r.average === null ? "—" : formatDecimal(r.average)}
                    <div className="small muted">{r.scoredBy} notation(s)</div>
                  </td>
                  <td className="num">{r.requestedCents !== null ? formatEuros(r.requestedCents) : "—"}</td>
                  <td className="num">{r.rank !== null ? formatEuros(r.amountCents) : "—"}</td>
                  <td className="num">
                    {r.cumulativeCents !== null ? formatEuros(r.cumulativeCents) : "—"}
                    {r.exceedsEnvelope ? <strong className="badge badge-red">au-delà de l'enveloppe</strong> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>Aucun dossier déposé sur cet appel.</p>
      )}
      <p>
        <Link to={`/instruction/appels/${call.id}/export`}>Exporter les dossiers de cet appel (CSV ou Excel)</Link>
      </p>
    </div>
  );
}
