// What the association filed: the sections of the dossier (each folded), its attachments.
import { SectionFields } from "~/dossiers/section-fields";
import { formatDateTime, formatEuros } from "~/lib/format";
import type { ReviewDossier, ReviewPageData } from "./types";

export function DossierContents({
  sections,
  budget,
  declarationSignedAt,
  declarationSignerName,
}: Pick<ReviewPageData, "sections" | "budget" | "declarationSignerName"> & { declarationSignedAt: ReviewDossier["declarationSignedAt"] }) {
  return (
    <section aria-labelledby="contenu-titre" id="dossier">
      <h2 id="contenu-titre">Contenu du dossier</h2>
      <p className="small muted">Chaque partie se déplie d'un clic.</p>
      <div className="desk-folds">
        {sections.map((section) => (
          <details key={section.key} aria-labelledby={`section-${section.key}`}>
            <summary>
              <h3 id={`section-${section.key}`}>{section.label}</h3>
            </summary>
            <SectionFields fields={section.fields} />
          </details>
        ))}
      </div>
      {budget ? (
        <p>
          Budget du projet : charges {formatEuros(budget.chargesCents)}, produits {formatEuros(budget.incomeCents)} ; part demandée au CCAS{" "}
          {formatEuros(budget.ccasCents)} ({String(budget.ccasSharePercent).replace(".", ",")} % des produits).
        </p>
      ) : null}
      {declarationSignedAt ? (
        <p>
          Déclaration sur l'honneur signée le {formatDateTime(declarationSignedAt)}
          {declarationSignerName ? ` par ${declarationSignerName}` : ""}.
        </p>
      ) : null}
    </section>
  );
}

export function Attachments({ attachments }: Pick<ReviewPageData, "attachments">) {
  return (
    <section aria-labelledby="pieces-titre" id="pieces">
      <h2 id="pieces-titre">Pièces jointes</h2>
      {attachments.length ? (
        <ul>
          {attachments.map((att) => (
            <li key={att.id}>
              {att.kindLabel} :{" "}
              <a href={att.downloadUrl} download>
                {att.label || att.originalName}
              </a>{" "}
              <span className="small muted">
                ({att.originalName}, {Math.max(1, Math.round(att.size / 1024))} Ko)
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
