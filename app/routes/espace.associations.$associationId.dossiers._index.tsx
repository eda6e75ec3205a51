import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { listAssociationDossiers } from "~/dossiers/reading.server";
import { dossiersOnCalls } from "~/dossiers/drafts.server";
import { resumeLabel } from "~/dossiers/start-or-resume";
import { DOSSIER_STATE_LABELS } from "~/dossiers/dossier-states";
import { getAssociationProfile } from "~/associations/profile.server";
import { requireAssociationMember } from "~/accounts/auth.server";
import { listOpenCalls } from "~/calls/reading.server";
import { formatDateTime, formatEuros } from "~/lib/format";
import { notFound } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Dossiers de candidature") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { associationId } = await requireAssociationMember(request, params.associationId ?? "");
  const [association, dossiers, calls] = await Promise.all([
    getAssociationProfile(associationId),
    listAssociationDossiers(associationId),
    listOpenCalls(),
  ]);
  if (!association) throw notFound();
  const onCalls = await dossiersOnCalls(
    [associationId],
    calls.map((c) => c.id),
  );
  return {
    association: { id: association.id, name: association.name, status: association.status },
    dossiers,
    calls: calls.map((c) => {
      const existing = onCalls.get(`${associationId}:${c.id}`);
      return { ...c, existing: existing ? { id: existing.id, label: resumeLabel(existing) } : null };
    }),
  };
}

export default function AssociationDossiers() {
  const { association, dossiers, calls } = useLoaderData<typeof loader>();
  return (
    <div className="container page">
      <p>
        <Link to="/espace">‹ Mon espace</Link>
      </p>
      <h1>Dossiers de {association.name}</h1>
      {dossiers.length === 0 ? (
        <p>Aucun dossier pour le moment.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Dossiers de candidature</caption>
            <thead>
              <tr>
                <th scope="col">Dossier</th>
                <th scope="col">Appel à projets</th>
                <th scope="col">État</th>
                <th scope="col">Montant demandé</th>
                <th scope="col">Modifié le</th>
              </tr>
            </thead>
            <tbody>
              {dossiers.map((d) => (
                <tr key={d.id}>
                  <td>
                    <Link to={`/espace/associations/${association.id}/dossiers/${d.id}`}>
                      {d.displayNumber ?? "Brouillon"} – {d.projectTitle ?? "projet sans titre"}
                    </Link>
                  </td>
                  <td>{d.call.title}</td>
                  <td>{DOSSIER_STATE_LABELS[d.state] ?? d.state}</td>
                  <td>{d.requestedCents ? formatEuros(d.requestedCents) : "—"}</td>
                  <td>{formatDateTime(d.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Appels à projets ouverts</h2>
      {association.status !== "validated" ? <p>L'association doit être validée par le CCAS pour déposer un dossier.</p> : null}
      {calls.length === 0 ? <p>Aucun appel ouvert en ce moment.</p> : null}
      <ul className="stack">
        {calls.map((c) => (
          <li key={c.id}>
            <Link to={`/appels-a-projets/${c.slug}`}>{c.title}</Link> <span className="muted">– jusqu'au {formatDateTime(c.closesAt)}</span>
            {c.existing ? (
              <p>
                <Link to={`/espace/associations/${association.id}/dossiers/${c.existing.id}`} className="button button-small">
                  {c.existing.label} pour « {c.title} »
                </Link>
              </p>
            ) : association.status === "validated" ? (
              <Form method="post" action={`/espace/associations/${association.id}/dossiers/nouveau`}>
                <input type="hidden" name="callId" value={c.id} />
                <button type="submit" className="button button-small">
                  Commencer un dossier pour « {c.title} »
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
