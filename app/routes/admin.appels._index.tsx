import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/accounts/auth.server";
import { listCallsForAdmin } from "~/calls/reading.server";
import { CALL_STATUS_LABELS } from "~/calls/call-status";
import { formatDateTime, formatEuros } from "~/lib/format";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Appels à projets – Administration") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return { calls: await listCallsForAdmin() };
}

export default function AdminCalls() {
  const { calls } = useLoaderData<typeof loader>();
  return (
    <div className="container page">
      <p>
        <Link to="/admin">‹ Administration</Link>
      </p>
      <h1>Appels à projets</h1>
      <p>
        <Link to="/admin/appels/nouveau" className="button">
          Nouvel appel à projets
        </Link>
      </p>
      {calls.length === 0 ? (
        <p>Aucun appel à projets pour le moment.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Appels à projets</caption>
            <thead>
              <tr>
                <th scope="col">Titre</th>
                <th scope="col">État</th>
                <th scope="col">Clôture</th>
                <th scope="col">Enveloppe</th>
                <th scope="col">Dossiers</th>
              </tr>
            </thead>
            <tbody>
              {calls.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/admin/appels/${c.id}`}>{c.title}</Link>
                  </td>
                  <td>{CALL_STATUS_LABELS[c.effectiveStatus]}</td>
                  <td>{formatDateTime(c.closesAt)}</td>
                  <td>{formatEuros(c.envelopeCents, { round: true })}</td>
                  <td>{c._count.dossiers}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
