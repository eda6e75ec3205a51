import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listPublicCalls } from "~/calls/reading.server";
import { CALL_STATUS_LABELS } from "~/calls/call-status";
import { formatDateTime, formatEuros } from "~/lib/format";
import { ccasName, pageTitle } from "~/lib/meta";
import { ofCcas } from "~/settings/ccas-name";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "Appels à projets") },
  {
    name: "description",
    content: `Les appels à projets ${ofCcas(ccasName(matches))} ouverts aux associations de solidarité, et les appels passés.`,
  },
];

export async function loader() {
  return listPublicCalls();
}

export default function PublicCalls() {
  const { open, past } = useLoaderData<typeof loader>();
  return (
    <div className="container page">
      <h1>Appels à projets</h1>
      <p className="lead">
        Le CCAS finance des projets associatifs qui répondent à son projet social. Les associations du réseau déposent leur dossier en
        ligne.
      </p>
      <h2>Appels ouverts</h2>
      {open.length === 0 ? <p>Aucun appel à projets n'est ouvert en ce moment.</p> : null}
      <div className="stack">
        {open.map((c) => (
          <section key={c.id} className="card" aria-labelledby={`call-${c.id}`}>
            <h3 id={`call-${c.id}`}>
              <Link to={`/appels-a-projets/${c.slug}`}>{c.title}</Link>
            </h3>
            <p>{c.summary}</p>
            <p className="muted">
              {c.open ? `Candidatures jusqu'au ${formatDateTime(c.closesAt)}` : `Ouverture le ${formatDateTime(c.opensAt)}`} · enveloppe{" "}
              {formatEuros(c.envelopeCents, { round: true })}
            </p>
          </section>
        ))}
      </div>
      <h2>Appels passés</h2>
      {past.length === 0 ? <p>Aucun appel passé.</p> : null}
      <ul>
        {past.map((c) => (
          <li key={c.id}>
            <Link to={`/appels-a-projets/${c.slug}`}>{c.title}</Link>{" "}
            <span className="muted">
              – {CALL_STATUS_LABELS[c.effectiveStatus]}, clos le {formatDateTime(c.closesAt)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
