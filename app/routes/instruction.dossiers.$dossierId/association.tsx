// « L'association » beside the dossier: who it is, and its history with the CCAS (earlier
// dossiers, subsidies by year, overdue financial reports, the charter).
import { Link } from "@remix-run/react";
import { STATE_BADGES, stateLabel } from "~/dossiers/dossier-states";
import { formatDate, formatEuros } from "~/lib/format";
import type { AssociationHistory } from "~/review/association-history.server";
import type { ReviewDossier } from "./types";

type Props = { association: ReviewDossier["association"]; history: AssociationHistory };

const euros = (cents: number | null | undefined) => (cents !== null && cents !== undefined ? formatEuros(cents) : "—");

export function AssociationSection({ association: a, history }: Props) {
  const representatives = a.memberships.filter((m) => m.isRepresentative);
  const { charter } = history;
  return (
    <section aria-labelledby="association-titre" id="association" className="stack">
      <h2 id="association-titre">L'association et son historique</h2>
      <div className="desk-columns">
        <div>
          <h3>Identité</h3>
          <dl className="definition-list small">
            <dt>Nom</dt>
            <dd>
              {history.directorySlug ? <Link to={`/annuaire/${history.directorySlug}`}>{a.name}</Link> : a.name}
              {a.acronym ? ` (${a.acronym})` : ""}
            </dd>
            <dt>RNA / SIRET</dt>
            <dd>
              {a.rna ?? "—"} / {a.siret ?? "—"}
            </dd>
            <dt>Adresse</dt>
            <dd>
              {a.address}, {a.postcode} {a.city}
            </dd>
            <dt>Contact</dt>
            <dd>{[a.email, a.phone].filter(Boolean).join(" – ") || "—"}</dd>
            <dt>Champs d'intervention</dt>
            <dd>{a.fieldLabels.join(", ") || "—"}</dd>
            <dt>Représentant·e légal·e</dt>
            <dd>{representatives.map((m) => `${m.user.name} (${m.title ?? "représentant·e"}, ${m.user.email})`).join(" ; ") || "—"}</dd>
            <dt>Charte</dt>
            <dd>
              {charter.currentSignature
                ? `Version ${charter.currentVersion} (en vigueur) signée le ${formatDate(charter.currentSignature.signedAt)} par ${charter.currentSignature.signerName}`
                : charter.currentVersion === null
                  ? "Aucune charte publiée"
                  : `Version en vigueur (${charter.currentVersion}) non signée${
                      charter.lastSignature
                        ? ` ; dernière signature : version ${charter.lastSignature.version ?? "?"}, le ${formatDate(charter.lastSignature.signedAt)}`
                        : ""
                    }`}
            </dd>
          </dl>
          <details className="desk-fold">
            <summary>Objet social</summary>
            <p className="small" style={{ whiteSpace: "pre-wrap" }}>
              {a.socialObject}
            </p>
          </details>
        </div>
        <div>
          <h3>Subventions par exercice</h3>
          {history.subsidiesByYear.length ? (
            <div className="table-wrap">
              <table className="small">
                <caption className="visually-hidden">Subventions de l'association par exercice : votées et versées</caption>
                <thead>
                  <tr>
                    <th scope="col">Exercice</th>
                    <th scope="col" className="num">
                      Subventions
                    </th>
                    <th scope="col" className="num">
                      Voté
                    </th>
                    <th scope="col" className="num">
                      Versé
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {history.subsidiesByYear.map((y) => (
                    <tr key={y.year}>
                      <th scope="row">{y.year}</th>
                      <td className="num">{y.count}</td>
                      <td className="num">{formatEuros(y.votedCents)}</td>
                      <td className="num">{formatEuros(y.paidCents)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="small muted">Aucune subvention enregistrée.</p>
          )}
          <h3>Comptes rendus financiers en retard</h3>
          {history.overdueReports.length ? (
            <ul className="small">
              {history.overdueReports.map((r) => (
                <li key={r.id}>
                  <Link to={`/instruction/subventions/${r.subsidy.id}`}>{r.subsidy.number}</Link> – exercice {r.financialYear}, attendu le{" "}
                  {formatDate(r.dueDate)} ({r.status === "a_corriger" ? "à corriger" : "non transmis"})
                </li>
              ))}
            </ul>
          ) : (
            <p className="small muted">Aucun compte rendu en retard.</p>
          )}
        </div>
      </div>
      <h3>Autres dossiers de l'association</h3>
      {history.dossiers.length ? (
        <div className="table-wrap">
          <table className="small">
            <caption className="visually-hidden">Les autres dossiers déposés par l'association</caption>
            <thead>
              <tr>
                <th scope="col">Dossier</th>
                <th scope="col">Appel (exercice)</th>
                <th scope="col">État</th>
                <th scope="col" className="num">
                  Demandé
                </th>
                <th scope="col" className="num">
                  Accordé
                </th>
                <th scope="col">Subvention</th>
              </tr>
            </thead>
            <tbody>
              {history.dossiers.map((d) => (
                <tr key={d.id}>
                  <td>{d.reachable ? <Link to={`/instruction/dossiers/${d.id}`}>{d.number}</Link> : d.number}</td>
                  <td>
                    {d.call.title} ({d.call.financialYear})
                  </td>
                  <td>
                    <span className={STATE_BADGES[d.state] ?? "badge"}>{stateLabel(d.state)}</span>
                  </td>
                  <td className="num">{euros(d.requestedCents)}</td>
                  <td className="num">{d.state === "accepte" ? euros(d.proposedCents) : "—"}</td>
                  <td>
                    {d.subsidy ? (
                      <Link to={`/instruction/subventions/${d.subsidy.id}`}>
                        {d.subsidy.number}
                        {d.subsidy.votedCents !== null ? ` (votée ${formatEuros(d.subsidy.votedCents)})` : ""}
                      </Link>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="small muted">Aucun autre dossier déposé.</p>
      )}
    </section>
  );
}
