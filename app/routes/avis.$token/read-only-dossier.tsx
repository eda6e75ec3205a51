// The dossier as the association filed it, read-only, with its attachments downloadable through the link.
import { SectionFields } from "~/dossiers/section-fields";
import { formatDateTime, formatEuros, formatFileSize } from "~/lib/format";
import type { ExpertPage } from "~/review/opinion-links.server";

export function ReadOnlyDossier({ dossier }: { dossier: ExpertPage["dossier"] }) {
  return (
    <section aria-labelledby="dossier-titre" className="stack">
      <h2 id="dossier-titre">Le dossier</h2>
      <p>
        Dossier {dossier.number} de {dossier.associationName}
        {dossier.submittedAt ? `, déposé le ${formatDateTime(dossier.submittedAt)}` : ""}
        {dossier.requestedCents !== null ? ` ; montant demandé : ${formatEuros(dossier.requestedCents)}` : ""}.
      </p>
      {dossier.sections.map((section) => (
        <section key={section.key} className="card" aria-labelledby={`avis-section-${section.key}`}>
          <h3 id={`avis-section-${section.key}`}>{section.label}</h3>
          <SectionFields fields={section.fields} />
        </section>
      ))}
      {dossier.budget ? (
        <p>
          Budget du projet : charges {formatEuros(dossier.budget.chargesCents)}, produits {formatEuros(dossier.budget.incomeCents)} ; part
          demandée au CCAS {formatEuros(dossier.budget.ccasCents)}.
        </p>
      ) : null}
      <h3>Pièces jointes</h3>
      {dossier.attachments.length ? (
        <ul>
          {dossier.attachments.map((a) => (
            <li key={a.id}>
              {a.kindLabel} :{" "}
              <a href={a.downloadUrl} download>
                {a.label || a.originalName}
              </a>{" "}
              <span className="small muted">
                ({a.originalName}, {formatFileSize(a.size)})
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p>Aucune pièce jointe.</p>
      )}
    </section>
  );
}
