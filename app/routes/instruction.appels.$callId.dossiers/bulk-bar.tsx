// The bulk bar under the table (part of the table's form) and the report of the last action.
import { Link } from "@remix-run/react";
import type { ActionFailure } from "~/components/form";
import { pluralize } from "~/lib/format";
import type { BulkReport } from "~/review/bulk.server";
import type { LabelChipData } from "~/review/labels.server";

/** The ZIP export's default naming pattern (the archive route documents its placeholders). */
export const DEFAULT_ZIP_PATTERN = "{numero}-{association}";

function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p className="field-error" id={id}>
      {error}
    </p>
  ) : null;
}

export function BulkBar({ callId, labels, failure }: { callId: string; labels: readonly LabelChipData[]; failure: ActionFailure | null }) {
  const errors = failure?.errors ?? {};
  const typed = (name: string) => (typeof failure?.values[name] === "string" ? (failure.values[name] as string) : "");
  // A refusal about a field this bar does not show (a label when the call has none, a forged field) still says why.
  const shownFields = new Set(["_form", "dossierId", "body", ...(labels.length ? ["labelId"] : [])]);
  const unshown = Object.entries(errors).find(([name]) => !shownFields.has(name))?.[1];
  const formError = failure?.formError ?? errors._form ?? unshown;
  return (
    <section className="bulk-bar" aria-labelledby="actions-groupees">
      <h2 id="actions-groupees">Actions sur la sélection</h2>
      {formError ? (
        <div className="alert alert-error" role="alert">
          {formError}
        </div>
      ) : null}
      <fieldset>
        <legend className="field-label">Étiquette</legend>
        {labels.length ? (
          <div className={`field ${errors.labelId ? "field-invalid" : ""}`}>
            <label htmlFor="bulk-label" className="field-label">
              Étiquette à appliquer ou retirer
            </label>
            <select
              id="bulk-label"
              name="labelId"
              defaultValue={typed("labelId")}
              aria-invalid={errors.labelId ? true : undefined}
              aria-describedby={errors.labelId ? "bulk-label-error" : undefined}
            >
              <option value="">Choisir…</option>
              {labels.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
            <FieldError id="bulk-label-error" error={errors.labelId} />
            <div className="actions">
              <button type="submit" name="intent" value="label_add" className="button button-secondary">
                Appliquer l'étiquette
              </button>
              <button type="submit" name="intent" value="label_remove" className="button button-secondary">
                Retirer l'étiquette
              </button>
            </div>
          </div>
        ) : (
          <p>
            Cet appel n'a pas encore d'étiquette. <Link to={`/instruction/appels/${callId}/etiquettes`}>Créer une étiquette</Link>
          </p>
        )}
      </fieldset>
      <fieldset>
        <legend className="field-label">Message</legend>
        <div className={`field ${errors.body ? "field-invalid" : ""}`}>
          <label htmlFor="bulk-body" className="field-label">
            Message à chaque association (dans la messagerie du dossier, avec un courriel)
          </label>
          <textarea
            id="bulk-body"
            name="body"
            rows={3}
            defaultValue={typed("body")}
            aria-invalid={errors.body ? true : undefined}
            aria-describedby={errors.body ? "bulk-body-error" : undefined}
          />
          <FieldError id="bulk-body-error" error={errors.body} />
        </div>
        <button type="submit" name="intent" value="message" className="button button-secondary">
          Envoyer le message
        </button>
      </fieldset>
      <fieldset>
        <legend className="field-label">Instruction et décisions</legend>
        <p className="small muted">
          Les décisions passent par une page de confirmation, dossier par dossier (montant accordé ou motif), avant d'être appliquées.
        </p>
        <div className="actions">
          <button type="submit" name="intent" value="start_instruction" className="button button-secondary">
            Passer en instruction
          </button>
          <button type="submit" name="intent" value="decide_accepte" className="button">
            Accepter…
          </button>
          <button type="submit" name="intent" value="decide_refuse" className="button button-secondary">
            Refuser…
          </button>
          <button type="submit" name="intent" value="decide_sans_suite" className="button button-secondary">
            Classer sans suite…
          </button>
        </div>
      </fieldset>
      <fieldset>
        <legend className="field-label">Exporter la sélection</legend>
        <div className="actions">
          <button
            type="submit"
            name="intent"
            value="export_csv"
            formAction={`/instruction/appels/${callId}/exporter-selection`}
            className="button button-secondary"
          >
            Exporter en CSV
          </button>
          <button
            type="submit"
            name="intent"
            value="export_xlsx"
            formAction={`/instruction/appels/${callId}/exporter-selection`}
            className="button button-secondary"
          >
            Exporter en Excel (XLSX)
          </button>
        </div>
        <div className="field">
          <label htmlFor="bulk-pattern" className="field-label">
            Nom de chaque dossier dans l'archive ZIP
          </label>
          <input id="bulk-pattern" name="pattern" defaultValue={typed("pattern") || DEFAULT_ZIP_PATTERN} />
        </div>
        <button type="submit" formAction="/instruction/dossiers/archive.zip" className="button button-secondary">
          Télécharger l'archive ZIP (PDF et pièces)
        </button>
      </fieldset>
    </section>
  );
}

export function BulkReportPanel({ report }: { report: BulkReport }) {
  return (
    <div className={`alert ${report.skipped.length ? "alert-warning" : "alert-success"}`} role="status">
      <h2 className="alert-title">
        {report.title} : {pluralize(report.done.length, "dossier", "dossiers")}
        {report.skipped.length ? `, ${pluralize(report.skipped.length, "dossier laissé", "dossiers laissés")} de côté` : ""}
      </h2>
      {report.done.length ? <p>Fait : {report.done.map((d) => d.number).join(", ")}.</p> : null}
      {report.skipped.length ? (
        <ul>
          {report.skipped.map((d) => (
            <li key={d.id}>
              {d.number} : {d.reason}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
