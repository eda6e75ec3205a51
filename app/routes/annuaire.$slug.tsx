import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getPublicAssociationBySlug } from "~/associations/profile.server";
import { isCharterSigner } from "~/charter/charter-status.server";
import { notFound } from "~/lib/http.server";
import { formatDate } from "~/lib/format";
import { OpeningHours } from "~/associations/opening-hours-view";
import { pageTitle } from "~/lib/meta";
import type { TaxonomyKind } from "~/settings/taxonomy";
import { getTaxonomy } from "~/settings/taxonomy.server";
import { unclaimedRnaEntry } from "~/rna/claims.server";
import { getUser } from "~/accounts/auth.server";
import { ContactAssociationLink } from "~/network/contact-link";
import { canContact } from "~/network/contact.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, data ? `${data.association.name} – Annuaire des associations` : "Association introuvable") },
  { name: "description", content: data?.association.socialObject ?? "" },
];

export async function loader({ params, request }: LoaderFunctionArgs) {
  const association = await getPublicAssociationBySlug(params.slug ?? "");
  if (!association) throw notFound("Cette association n'existe pas ou n'est pas (encore) publiée dans l'annuaire.");
  const [charterSigner, taxonomy, rna, contact] = await Promise.all([
    isCharterSigner(association.id),
    getTaxonomy(),
    unclaimedRnaEntry(association.id),
    getUser(request).then((user) => canContact(user, association.id)),
  ]);
  // A retired term still names the association, but is no longer a filter of the directory: no link.
  const term = (kind: TaxonomyKind, slug: string) => ({ slug, label: taxonomy.label(kind, slug), filter: taxonomy.isActive(kind, slug) });
  return {
    association,
    charterSigner,
    fields: association.fields.map((f) => term("field", f.slug)),
    publics: association.publics.map((p) => term("public", p.slug)),
    district: term("district", association.district),
    rnaEntry: rna ? { updatedAt: rna.rnaUpdatedAt ?? rna.rnaImportedAt } : null,
    contact,
  };
}

export default function AssociationPage() {
  const { association: a, charterSigner, fields, publics, district, rnaEntry, contact } = useLoaderData<typeof loader>();
  return (
    <div className="container page">
      <p>
        <Link to="/annuaire">‹ Retour à l'annuaire</Link>
      </p>
      <h1>
        {a.name}
        {a.acronym ? <span className="muted"> ({a.acronym})</span> : null}
      </h1>
      {charterSigner ? (
        <p>
          <span className="badge badge-green">Signataire de la charte de l'action sociale</span>
        </p>
      ) : null}
      {rnaEntry ? (
        <p>
          <span className="badge badge-grey">
            Fiche issue du Répertoire national des associations (RNA)
            {rnaEntry.updatedAt ? `, mise à jour le ${formatDate(rnaEntry.updatedAt)}` : ""}
          </span>
        </p>
      ) : null}
      <p className="lead">{a.socialObject}</p>
      <div className="form-grid">
        <section>
          {a.description ? (
            <>
              <h2>Présentation</h2>
              <p style={{ whiteSpace: "pre-line" }}>{a.description}</p>
            </>
          ) : null}
          <h2>Champs d'intervention</h2>
          <ul className="tags">
            {fields.map((f) => (
              <li key={f.slug} className="tag">
                {f.filter ? <Link to={`/annuaire?champ=${f.slug}`}>{f.label}</Link> : f.label}
              </li>
            ))}
          </ul>
          <h2>Publics accueillis</h2>
          <ul className="tags">
            {publics.map((p) => (
              <li key={p.slug} className="tag">
                {p.filter ? <Link to={`/annuaire?public=${p.slug}`}>{p.label}</Link> : p.label}
              </li>
            ))}
          </ul>
        </section>
        <section className="card">
          <h2>Contact</h2>
          <dl className="definition-list">
            <dt>Adresse</dt>
            <dd>
              {a.address}
              <br />
              {a.postcode} {a.city}
            </dd>
            <dt>Quartier</dt>
            <dd>{district.filter ? <Link to={`/annuaire?quartier=${district.slug}`}>{district.label}</Link> : district.label}</dd>
            <OpeningHours hours={a.openingHours} />
            {a.receptionHours ? (
              <>
                <dt>Accueil</dt>
                <dd>{a.receptionHours}</dd>
              </>
            ) : null}
            {a.phone ? (
              <>
                <dt>Téléphone</dt>
                <dd>
                  <a href={`tel:${a.phone.replace(/\s/g, "")}`}>{a.phone}</a>
                </dd>
              </>
            ) : null}
            {a.email ? (
              <>
                <dt>Courriel</dt>
                <dd>
                  <a href={`mailto:${a.email}`}>{a.email}</a>
                </dd>
              </>
            ) : null}
            {a.website && /^https?:\/\//i.test(a.website) ? (
              <>
                <dt>Site web</dt>
                <dd>
                  <a href={a.website} rel="noopener noreferrer nofollow">
                    {a.website.replace(/^https?:\/\//, "")}
                  </a>
                </dd>
              </>
            ) : null}
            {a.rna ? (
              <>
                <dt>N° RNA</dt>
                <dd>{a.rna}</dd>
              </>
            ) : null}
            {a.siret ? (
              <>
                <dt>SIRET</dt>
                <dd>{a.siret}</dd>
              </>
            ) : null}
          </dl>
          <p className="small muted">Fiche mise à jour le {formatDate(a.updatedAt)}.</p>
          <ContactAssociationLink slug={a.slug} show={contact} />
        </section>
      </div>
    </div>
  );
}
