import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/accounts/auth.server";
import { pageTitle } from "~/lib/meta";
import { pluralize } from "~/lib/format";
import { prisma } from "~/db.server";
import { getPortalSettings, postalAddressOf } from "~/settings/portal-settings.server";
import { SETTINGS_PATH, SYNONYMS_PATH, kindPath } from "~/settings/settings-paths";
import { SettingsNav } from "~/settings/settings-nav";
import { listSynonymGroups } from "~/settings/synonyms.server";
import { getTaxonomy } from "~/settings/taxonomy.server";
import { TAXONOMY_KINDS, TAXONOMY_KIND_LABELS } from "~/settings/taxonomy";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Paramètres du portail") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const [settings, taxonomy, synonymGroups] = await Promise.all([getPortalSettings(), getTaxonomy(), listSynonymGroups(prisma)]);
  return {
    name: settings.name,
    longName: settings.longName,
    siret: settings.siret,
    address: postalAddressOf(settings),
    configured: settings.configured,
    hasLogo: settings.hasLogo,
    communes: settings.communes,
    kinds: TAXONOMY_KINDS.map((kind) => ({
      kind,
      active: taxonomy.active(kind).length,
      retired: taxonomy.all(kind).length - taxonomy.active(kind).length,
    })),
    synonymGroups: synonymGroups.length,
  };
}

export default function SettingsHome() {
  const s = useLoaderData<typeof loader>();
  return (
    <div className="container page">
      <SettingsNav />
      <h1>Paramètres du portail</h1>
      <p className="lead">
        Ce que le portail dit du CCAS et de son territoire : son identité (sur les pages, les courriels, les conventions et les données
        ouvertes), les communes servies, et les listes proposées aux associations et au public.
      </p>
      {!s.configured ? (
        <div className="alert alert-warning">
          Les paramètres n'ont pas encore été enregistrés : le portail affiche un nom générique. Commencez par l'identité du CCAS.
        </div>
      ) : null}
      {!s.siret ? (
        <div className="alert alert-warning">
          Le SIRET du CCAS n'est pas renseigné : le fichier des subventions en données ouvertes n'est pas publié tant qu'il manque (le SIRET
          de l'organisme qui attribue est une colonne obligatoire du format national).{" "}
          <Link to={`${SETTINGS_PATH}/identite`}>Renseigner le SIRET</Link>
        </div>
      ) : null}
      <div className="cards">
        <section className="card">
          <h2>Identité</h2>
          <p>
            <strong>{s.name}</strong> – {s.longName}
            <br />
            {s.address || "Adresse non renseignée"}
            <br />
            SIRET : {s.siret ?? "non renseigné"} · Logo : {s.hasLogo ? "oui" : "aucun"}
          </p>
          <Link to={`${SETTINGS_PATH}/identite`}>Modifier l'identité et le logo</Link>
        </section>
        <section className="card">
          <h2>Territoire</h2>
          <p>
            {s.communes.length === 0
              ? "Aucune commune renseignée."
              : `${pluralize(s.communes.length, "commune")} : ${s.communes
                  .slice(0, 5)
                  .map((c) => c.name)
                  .join(", ")}${s.communes.length > 5 ? "…" : ""}`}
          </p>
          <Link to={`${SETTINGS_PATH}/territoire`}>Modifier les communes servies</Link>
        </section>
        {s.kinds.map(({ kind, active, retired }) => (
          <section className="card" key={kind}>
            <h2>{TAXONOMY_KIND_LABELS[kind].plural}</h2>
            <p>
              {active} en service{retired ? ` · ${retired} retiré${retired > 1 ? "s" : ""}` : ""}
            </p>
            <Link to={kindPath(kind)}>Gérer les {TAXONOMY_KIND_LABELS[kind].plural.toLowerCase()}</Link>
          </section>
        ))}
        <section className="card">
          <h2>Synonymes de la recherche</h2>
          <p>
            {s.synonymGroups === 0 ? "Aucun groupe de synonymes." : pluralize(s.synonymGroups, "groupe")} : les mots que la recherche de
            l'annuaire tient pour équivalents.
          </p>
          <Link to={SYNONYMS_PATH}>Gérer les synonymes de la recherche</Link>
        </section>
      </div>
    </div>
  );
}
