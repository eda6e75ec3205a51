// The open data the portal publishes: every file, its format, schema and version, its licence.
import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { LICENCE, openDataCatalogue } from "~/open-data/catalogue.server";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "Données ouvertes") },
  {
    name: "description",
    content: "Les fichiers de données ouvertes publiés par le portail : annuaire (data·inclusion) et subventions (SCDL).",
  },
];

export async function loader() {
  return { ...(await openDataCatalogue()), licence: LICENCE };
}

export default function OpenData() {
  const { files, siretMissing, licence } = useLoaderData<typeof loader>();
  return (
    <div className="container page">
      <h1>Données ouvertes</h1>
      <p className="lead">
        Le portail publie l'annuaire des associations et les subventions attribuées dans des formats standard, réutilisables librement sous{" "}
        <a href={licence.url} rel="noopener noreferrer">
          {licence.name}
        </a>
        . Les fichiers sont produits à la demande : ils reflètent toujours l'état actuel du portail.
      </p>
      {siretMissing ? (
        <div className="alert alert-warning" role="note">
          Le fichier des subventions n'est pas encore publié : le CCAS n'a pas renseigné son numéro SIRET, qui identifie l'attribuant dans
          ce fichier.
        </div>
      ) : null}
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Fichiers publiés</caption>
          <thead>
            <tr>
              <th scope="col">Fichier</th>
              <th scope="col">Format</th>
              <th scope="col">Schéma et version</th>
              <th scope="col">Contenu</th>
            </tr>
          </thead>
          <tbody>
            {files.map((file) => (
              <tr key={file.path}>
                <td>
                  {file.unavailable ? (
                    <>
                      <code>{file.path}</code>
                      <br />
                      <span className="small">{file.unavailable}</span>
                    </>
                  ) : (
                    <a href={file.path}>{file.path}</a>
                  )}
                </td>
                <td>{file.format}</td>
                <td>
                  <a href={file.schema.url} rel="noopener noreferrer">
                    {file.schema.name} {file.schema.version}
                  </a>
                </td>
                <td>
                  <strong>{file.title}.</strong> {file.description}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Bon à savoir</h2>
      <ul>
        <li>
          Les fichiers CSV sont en UTF-8, séparés par des virgules ; dans les fichiers data·inclusion, les listes (thématiques, publics…)
          sont écrites en une cellule, valeurs séparées par des virgules.
        </li>
        <li>
          Les horaires d'ouverture suivent la syntaxe OpenStreetMap <code>opening_hours</code> (par exemple{" "}
          <code>Mo-Fr 09:00-12:00; PH off</code>).
        </li>
        <li>Aucune donnée personnelle n'y figure : seules les coordonnées publiques des associations sont publiées.</li>
        <li>
          Les subventions votées de l'année, par axe du projet social, se lisent aussi sur la page{" "}
          <Link to="/financements">ce que le CCAS a financé</Link>.
        </li>
        <li>
          Voir aussi <Link to="/annuaire">l'annuaire</Link> et la page <Link to="/donnees-personnelles">données personnelles</Link>.
        </li>
      </ul>
    </div>
  );
}
