import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireAssociationMember } from "~/accounts/auth.server";
import { formatDateTime } from "~/lib/format";
import { pageTitle } from "~/lib/meta";
import { consultationsForAssociation } from "~/network/consultation-answers.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Consultations du réseau") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { associationId } = await requireAssociationMember(request, params.associationId ?? "");
  const consultations = await consultationsForAssociation(associationId);
  return {
    associationId,
    open: consultations.filter((c) => c.state === "ouverte"),
    closed: consultations.filter((c) => c.state === "close"),
  };
}

export default function MemberConsultations() {
  const { associationId, open, closed } = useLoaderData<typeof loader>();
  const base = `/espace/associations/${associationId}/consultations`;
  return (
    <div className="container page">
      <p>
        <Link to="/espace">‹ Mon espace</Link>
      </p>
      <h1>Consultations du réseau</h1>
      <p>Le CCAS consulte les associations du réseau. Une seule réponse par association, modifiable jusqu'à la clôture.</p>
      <h2>En cours</h2>
      {open.length === 0 ? (
        <p>Aucune consultation en cours.</p>
      ) : (
        <ul className="list-unstyled">
          {open.map((c) => (
            <li key={c.id} className="card">
              <h3>{c.title}</h3>
              <p>
                Jusqu'au {formatDateTime(c.closesAt)}.{" "}
                {c.answeredAt
                  ? `Votre association a répondu (dernière modification le ${formatDateTime(c.answeredAt)}).`
                  : "Votre association n'a pas encore répondu."}
              </p>
              <p>
                <Link to={`${base}/${c.id}`} className="button">
                  {c.answeredAt ? "Modifier ma réponse" : "Répondre"}
                  <span className="visually-hidden">{` : ${c.title}`}</span>
                </Link>
              </p>
            </li>
          ))}
        </ul>
      )}
      <h2>Closes</h2>
      {closed.length === 0 ? (
        <p>Aucune consultation close à laquelle votre association a répondu.</p>
      ) : (
        <ul>
          {closed.map((c) => (
            <li key={c.id}>
              <Link to={`${base}/${c.id}`}>{c.title}</Link> — close le {formatDateTime(c.closesAt)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
