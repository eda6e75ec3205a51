import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listCurrentSignatories } from "~/charter/signatures.server";
import { formatDate } from "~/lib/format";
import { labelOf } from "~/associations/taxonomy";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Associations signataires de la charte") }];

export async function loader(_: LoaderFunctionArgs) {
  return listCurrentSignatories();
}

export default function Signatories() {
  const { version, signatories } = useLoaderData<typeof loader>();
  return (
    <div className="container page">
      <p>
        <Link to="/charte">‹ La charte</Link>
      </p>
      <h1>Associations signataires de la charte</h1>
      {version === null ? (
        <p>Aucune charte n'est encore publiée.</p>
      ) : (
        <>
          <p className="lead">
            {signatories.length} association(s) ont signé la version {version}, en vigueur. Une association qui avait signé une version
            précédente y figure de nouveau dès qu'elle signe la nouvelle.
          </p>
          <p>
            <Link to="/annuaire?charte=1">Chercher parmi les signataires dans l'annuaire</Link>
          </p>
          {signatories.length ? (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">Associations signataires de la version {version}</caption>
                <thead>
                  <tr>
                    <th scope="col">Association</th>
                    <th scope="col">Quartier</th>
                    <th scope="col">Signée le</th>
                  </tr>
                </thead>
                <tbody>
                  {signatories.map((s) => (
                    <tr key={s.slug}>
                      <td>
                        <Link to={`/annuaire/${s.slug}`}>{s.name}</Link>
                      </td>
                      <td>{labelOf("district", s.district)}</td>
                      <td>{formatDate(s.signedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p>Aucune association n'a encore signé cette version.</p>
          )}
        </>
      )}
    </div>
  );
}
