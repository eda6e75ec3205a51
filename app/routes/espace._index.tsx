import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { NetworkAlertsLink } from "~/network/alerts-link";
import { getMemberships, requireUser } from "~/accounts/auth.server";
import { memberSpaceSections } from "~/associations/member-space.server";
import { pageTitle } from "~/lib/meta";
import { pendingClaimsOf } from "~/rna/claims.server";
import { latestNews } from "~/network/news.server";
import { LatestNews } from "~/network/news-views";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Mon espace") }];

const STATUS_LABELS: Record<string, { label: string; className: string }> = {
  pending: { label: "En attente de validation par le CCAS", className: "badge badge-orange" },
  validated: { label: "Validée – publiée dans l'annuaire", className: "badge badge-green" },
  refused: { label: "Inscription refusée", className: "badge badge-red" },
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const memberships = await getMemberships(user.id);
  if (memberships.length === 0 && user.role !== "member") throw redirect("/instruction");
  const [sections, claims, news] = await Promise.all([
    memberSpaceSections(memberships.map((m) => m.association.id)),
    pendingClaimsOf(user.id),
    latestNews(3),
  ]);
  return { user: { name: user.name }, memberships, sections, claims, news };
}

export default function MemberSpace() {
  const { user, memberships, sections, claims, news } = useLoaderData<typeof loader>();
  return (
    <div className="container page">
      <h1>Mon espace</h1>
      <p className="lead">Bonjour {user.name}.</p>
      {memberships.length === 0 && claims.length === 0 ? <p>Vous n'êtes membre d'aucune association pour le moment.</p> : null}
      {claims.map((c) => (
        <section key={c.id} className="card" aria-labelledby={`reprise-${c.id}`}>
          <h2 id={`reprise-${c.id}`}>{c.association.name}</h2>
          <p>
            <span className="badge badge-orange">Demande de reprise de la fiche en cours de vérification par le CCAS</span>
          </p>
          <p className="muted">
            Cette association figure dans l'annuaire d'après le Répertoire national des associations. Vous recevrez un courriel dès que le
            CCAS aura vérifié votre demande.
          </p>
        </section>
      ))}
      {memberships.map((m) => {
        const status = STATUS_LABELS[m.association.status];
        const links = sections[m.association.id] ?? [];
        return (
          <section key={m.association.id} className="card stack" aria-labelledby={`asso-${m.association.id}`}>
            <h2 id={`asso-${m.association.id}`}>{m.association.name}</h2>
            <p>
              <span className={status?.className}>{status?.label}</span>{" "}
              <span className="muted">
                Votre rôle : {m.title ?? "membre"}
                {m.isRepresentative ? " – représentant·e légal·e" : ""}
              </span>
            </p>
            <ul>
              <li>
                <Link to={`/espace/associations/${m.association.id}/profil`}>Modifier la fiche de l'association</Link>
              </li>
              <li>
                <Link to={`/espace/associations/${m.association.id}/membres`}>Membres de l'association</Link>
              </li>
              {m.isRepresentative ? (
                <li>
                  <a href={`/espace/associations/${m.association.id}/donnees.zip`} download>
                    Télécharger toutes les données de l'association (ZIP)
                  </a>
                </li>
              ) : null}
              {m.association.status === "validated" ? (
                <li>
                  <Link to={`/annuaire/${m.association.slug}`}>Voir la fiche publique dans l'annuaire</Link>
                </li>
              ) : null}
              {links.map((link) => (
                <li key={link.href}>
                  <Link to={link.href}>{link.label}</Link>
                  {link.note ? <span className="muted"> – {link.note}</span> : null}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      {memberships.length > 0 ? <NetworkAlertsLink /> : null}
      <LatestNews items={news} />
    </div>
  );
}
