import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { countAssociationsByStatus } from "~/associations/validation.server";
import { requireAdmin } from "~/accounts/auth.server";
import { ADMIN_LINKS } from "~/accounts/admin-links";
import { getPortalSettings } from "~/settings/portal-settings.server";
import { publishableSiret } from "~/subsidies/open-data.server";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Administration") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const [counts, settings] = await Promise.all([countAssociationsByStatus(), getPortalSettings()]);
  return { counts, siretMissing: publishableSiret(settings) === null };
}

export default function AdminHome() {
  const { counts, siretMissing } = useLoaderData<typeof loader>();
  return (
    <div className="container page">
      <h1>Administration</h1>
      {siretMissing ? (
        <div className="alert alert-warning" data-testid="siret-missing">
          <p>
            <strong>Le fichier des subventions n'est pas publié.</strong> Les données ouvertes des subventions (
            <code>/donnees/subventions.csv</code>, obligatoires au titre du décret n° 2017-779) doivent indiquer le numéro SIRET du CCAS,
            qui n'est pas encore renseigné.
          </p>
          <p>
            <Link to="/admin/parametres">Renseigner le SIRET dans les paramètres</Link>
          </p>
        </div>
      ) : null}
      <div className="cards">
        <section className="card">
          <h2>Associations</h2>
          <p>
            {counts.pending ?? 0} en attente de validation · {counts.validated ?? 0} publiées · {counts.refused ?? 0} refusées
          </p>
          <Link to="/admin/associations">Valider les inscriptions</Link>
        </section>
        {ADMIN_LINKS.map((link) => (
          <section className="card" key={link.href}>
            <h2>{link.title}</h2>
            <p>{link.description}</p>
            <Link to={link.href}>{link.action}</Link>
          </section>
        ))}
      </div>
    </div>
  );
}
