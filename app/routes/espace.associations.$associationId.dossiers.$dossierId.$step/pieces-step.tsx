// The attachments step of a dossier: the pieces required, attached, and the forms to add one.
import { Form, Link } from "@remix-run/react";
import { isActionFailure } from "~/components/form";
import { documentKindLabel } from "~/documents/document-kinds";
import { DocumentKindField } from "~/documents/document-kind-field";
import { formatFileSize } from "~/lib/format";

type Pieces = {
  required: string[];
  missing: string[];
  attachments: { id: string; kind: string; documentId: string; label: string; originalName: string; size: number }[];
  documents: { id: string; kind: string; label: string; originalName: string }[];
};

export function DossierPiecesStep({
  base,
  pieces,
  editable,
  actionData,
}: {
  base: string;
  pieces: Pieces;
  editable: boolean;
  actionData: unknown;
}) {
  const failure = isActionFailure(actionData) ? actionData : null;
  const attachedIds = new Set(pieces.attachments.map((a) => a.documentId));
  const reusable = pieces.documents.filter((d) => !attachedIds.has(d.id));
  const fileError = failure?.errors.file ?? failure?.errors.kind;
  return (
    <div className="stack">
      {failure ? (
        <div className="alert alert-error" role="alert">
          {Object.values(failure.errors).join(" ")}
        </div>
      ) : null}
      <p>
        Pièces obligatoires pour cet appel : {pieces.required.map(documentKindLabel).join(", ") || "aucune"}.
        {pieces.missing.length
          ? ` Il manque : ${pieces.missing.map(documentKindLabel).join(", ")}.`
          : " Toutes les pièces obligatoires sont jointes."}
      </p>
      <h2>Pièces jointes au dossier</h2>
      {pieces.attachments.length === 0 ? <p>Aucune pièce jointe pour le moment.</p> : null}
      <ul>
        {pieces.attachments.map((a) => (
          <li key={a.id}>
            {documentKindLabel(a.kind)} : <a href={`/documents/${a.documentId}`}>{a.originalName}</a>{" "}
            <span className="muted">({formatFileSize(a.size)})</span>
            {editable ? (
              <Form method="post" style={{ display: "inline" }}>
                <input type="hidden" name="attachmentId" value={a.id} />
                <button type="submit" name="intent" value="detach" className="link-button">
                  Retirer {a.originalName}
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
      {editable ? (
        <>
          <Form method="post" encType="multipart/form-data" className="card stack">
            <h2>Ajouter un fichier</h2>
            <DocumentKindField
              id="piece-kind"
              label="Type de pièce"
              required
              defaultValue={typeof failure?.values.kind === "string" ? failure.values.kind : (pieces.missing[0] ?? "autre")}
            />
            <div className={`field ${fileError ? "field-invalid" : ""}`}>
              <label htmlFor="piece-file" className="field-label">
                Fichier (PDF, JPEG ou PNG, 10 Mo au plus)
              </label>
              <input
                id="piece-file"
                type="file"
                name="file"
                accept="application/pdf,image/jpeg,image/png"
                required
                aria-invalid={fileError ? true : undefined}
                aria-describedby={fileError ? "piece-file-error" : undefined}
              />
              {fileError ? (
                <p id="piece-file-error" className="field-error">
                  {fileError}
                </p>
              ) : null}
            </div>
            <p className="field-hint">Le document est aussi gardé dans les documents de l'association, pour vos prochains dossiers.</p>
            <div className="actions">
              <button type="submit" name="intent" value="upload" className="button">
                Téléverser et joindre
              </button>
            </div>
          </Form>
          {reusable.length ? (
            <Form method="post" className="card stack">
              <h2>Joindre un document de l'association</h2>
              <div className="field">
                <label htmlFor="reuse-document" className="field-label">
                  Document
                </label>
                <select id="reuse-document" name="documentId">
                  {reusable.map((d) => (
                    <option key={d.id} value={d.id}>
                      {documentKindLabel(d.kind)} – {d.label}
                    </option>
                  ))}
                </select>
              </div>
              <DocumentKindField id="reuse-kind" label="Joindre comme" defaultValue={reusable[0]?.kind} />
              <div className="actions">
                <button type="submit" name="intent" value="attach" className="button button-secondary">
                  Joindre ce document
                </button>
              </div>
            </Form>
          ) : null}
          <Form method="post" className="actions">
            <Link to={`${base}/budget_projet`} className="button button-secondary">
              Étape précédente
            </Link>
            <button type="submit" name="intent" value="continue" className="button">
              Continuer
            </button>
          </Form>
        </>
      ) : null}
    </div>
  );
}
