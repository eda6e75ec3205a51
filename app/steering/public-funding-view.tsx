// The public page of what the CCAS funded in a year: the years to choose, a summary table per
// axis, then one section per axis with its associations (links to the directory) and its projects.
import { Link } from "@remix-run/react";
import { formatEuros, pluralize } from "~/lib/format";
import { useCcas } from "~/lib/meta";
import { theCcas } from "~/settings/ccas-name";
import type { FundedAssociation, FundingGroup, PublicFunding } from "./public-funding.server";

const groupHeading = (g: Pick<FundingGroup, "number" | "title">) => (g.number === null ? g.title : `Axe ${g.number} : ${g.title}`);
const groupAnchor = (g: Pick<FundingGroup, "number">) => (g.number === null ? "non-rattache" : `axe-${g.number}`);

function AssociationName({ association }: { association: FundedAssociation }) {
  return association.slug ? <Link to={`/annuaire/${association.slug}`}>{association.name}</Link> : <>{association.name}</>;
}

export function PublicFundingView({ funding, years }: { funding: PublicFunding; years: number[] }) {
  const ccas = useCcas();
  const { year, project, groups, totals } = funding;
  return (
    <div className="container page">
      <h1>Ce que le CCAS a financé en {year}</h1>
      <p className="lead">
        Les subventions votées par {theCcas(ccas.name)} aux associations pour l'exercice {year}, présentées selon les axes de son projet
        social. Une subvention pluriannuelle compte pour son montant total dans l'année de son premier exercice.
      </p>
      <nav aria-label="Choisir l'année">
        <p>
          Année :{" "}
          {years.map((y, i) => (
            <span key={y}>
              {i > 0 ? " · " : null}
              {y === year ? (
                <strong aria-current="page">{y}</strong>
              ) : (
                <Link to={`/financements?annee=${y}`} aria-label={`Voir l'année ${y}`}>
                  {y}
                </Link>
              )}
            </span>
          ))}
        </p>
      </nav>
      {project ? (
        <p>
          Projet social de référence : <strong>{project.title}</strong> ({project.startYear}-{project.endYear}).
        </p>
      ) : (
        <p>Aucun projet social ne couvre l'année {year} : les subventions y sont présentées sans rattachement.</p>
      )}
      {totals.projects === 0 ? (
        <p>Aucune subvention n'a encore été votée pour {year}.</p>
      ) : (
        <p>
          En {year} : <strong>{formatEuros(totals.votedCents)}</strong> votés pour {pluralize(totals.projects, "projet")} de{" "}
          {pluralize(totals.associations, "association")}.
        </p>
      )}
      {groups.length ? (
        <div className="table-wrap">
          <table>
            <caption>Montants votés en {year} par axe du projet social</caption>
            <thead>
              <tr>
                <th scope="col">Axe</th>
                <th scope="col">Montant voté</th>
                <th scope="col">Projets</th>
                <th scope="col">Associations financées</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={g.key}>
                  <th scope="row">
                    <a href={`#${groupAnchor(g)}`}>{groupHeading(g)}</a>
                  </th>
                  <td>{formatEuros(g.votedCents)}</td>
                  <td>{g.projects.length}</td>
                  <td>{g.associations.length}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Total</th>
                <td>{formatEuros(totals.votedCents)}</td>
                <td>{totals.projects}</td>
                <td>{totals.associations}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      ) : null}
      {groups.map((g) => (
        <section key={g.key} id={groupAnchor(g)} aria-labelledby={`${groupAnchor(g)}-titre`}>
          <h2 id={`${groupAnchor(g)}-titre`}>{groupHeading(g)}</h2>
          {g.projects.length === 0 ? (
            <p>Aucun projet financé sur cet axe en {year}.</p>
          ) : (
            <>
              <p>
                {formatEuros(g.votedCents)} votés, {pluralize(g.projects.length, "projet")},{" "}
                {pluralize(g.associations.length, "association")} financée{g.associations.length > 1 ? "s" : ""}.
              </p>
              <h3>Associations financées</h3>
              <ul>
                {g.associations.map((a) => (
                  <li key={`${a.slug ?? ""}:${a.name}`}>
                    <AssociationName association={a} />
                  </li>
                ))}
              </ul>
              <div className="table-wrap">
                <table>
                  <caption>Projets financés : {groupHeading(g)}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Projet</th>
                      <th scope="col">Association</th>
                      {g.number !== null ? <th scope="col">Projet phare</th> : null}
                      <th scope="col">Montant voté</th>
                    </tr>
                  </thead>
                  <tbody>
                    {g.projects.map((p) => (
                      <tr key={p.id}>
                        <td>{p.title}</td>
                        <td>
                          <AssociationName association={p.association} />
                        </td>
                        {g.number !== null ? <td>{p.flagship ?? "—"}</td> : null}
                        <td>{formatEuros(p.votedCents)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </section>
      ))}
      <p>
        Ces montants sont aussi publiés dans le fichier des subventions des <Link to="/donnees">données ouvertes</Link>.
      </p>
    </div>
  );
}
