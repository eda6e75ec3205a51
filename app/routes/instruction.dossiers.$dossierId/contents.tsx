// What the association filed: who it is, the sections of the dossier, its attachments.
import { formatDateTime, formatEuros } from "~/lib/format";
import type { ReviewDossier, ReviewPageData } from "./types";

export function AssociationIdentity({ association: a }: { association: ReviewDossier["association"] }) {
  const representatives = a.memberships.filter((m) => m.isRepresentative);
  return (
    <section aria-labelledby="association-titre">
      <h2 id="association-titre">L'association</h2>
      <dl className="definition-list">
        <dt>Nom</dt>
        <dd>
          {a.name}
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
        <dt>Objet social</dt>
        <dd>{a.socialObject}</dd>
        <dt>Champs d'intervention</dt>
        <dd>{a.fieldLabels.join(", ") || "—"}</dd>
        <dt>Représentant·e légal·e</dt>
        <dd>{representatives.map((m) => `${m.user.name} (${m.title ?? "représentant·e"}, ${m.user.email})`).join(" ; ") || "—"}</dd>
      </dl>
    </section>
  );
}

export function DossierContents({
  sections,
  budget,
  declarationSignedAt,
  declarationSignerName,
}: Pick<ReviewPageData, "sections" | "budget" | "declarationSignerName"> & { declarationSignedAt: ReviewDossier["declarationSignedAt"] }) {
  return (
    <section aria-labelledby="contenu-titre">
      <h2 id="contenu-titre">Contenu du dossier</h2>
      <div className="stack">
        {sections.map((section) => (
          <section key={section.key} className="card" aria-labelledby={`section-${section.key}`}>
            <h3 id={`section-${section.key}`}>{section.label}</h3>
            <dl className="definition-list small">
              {section.fields.map((field) => (
                <div key={field.name} style={{ display: "contents" }}>
                  <dt>{field.label}</dt>
                  <dd style={{ whiteSpace: "pre-wrap" }}>{field.value || "—"}</dd>
                </div>
              ))}
            </dl>
          </section>
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
    <section aria-labelledby="pieces-titre">
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
