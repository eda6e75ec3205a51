// The dossier's labels (the call's « étiquettes »): shown as chips, put on and taken off here.
import { Form, Link } from "@remix-run/react";
import { SelectField, SubmitButton, ValidatedForm, isActionFailure } from "~/components/form";
import { LabelChip } from "~/review/label-chips";
import { dossierLabelSchema } from "~/review/label-schemas";
import type { DataFor, ReviewPageData } from "./types";

export function DossierLabels({ labels, dataFor }: { labels: ReviewPageData["labels"]; dataFor: DataFor }) {
  const removal = dataFor("label_remove");
  const removalError = isActionFailure(removal) ? (removal.formError ?? Object.values(removal.errors)[0]) : null;
  return (
    <section aria-labelledby="etiquettes-titre" id="etiquettes" className="stack">
      <h2 id="etiquettes-titre">Étiquettes</h2>
      {removalError ? (
        <div className="alert alert-error" role="alert">
          {removalError}
        </div>
      ) : null}
      {labels.labels.length ? (
        <ul className="label-chips" aria-label="Étiquettes du dossier">
          {labels.labels.map((l) => (
            <li key={l.id}>
              <Form method="post" className="actions" preventScrollReset>
                <input type="hidden" name="labelId" value={l.id} />
                <LabelChip name={l.name} color={l.color} />
                <button
                  type="submit"
                  name="intent"
                  value="label_remove"
                  className="link-button"
                  aria-label={`Retirer l'étiquette « ${l.name} »`}
                >
                  Retirer
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Aucune étiquette sur ce dossier.</p>
      )}
      {labels.available.length ? (
        <ValidatedForm
          key={labels.labels.length}
          schema={dossierLabelSchema}
          method="post"
          actionData={dataFor("label_add")}
          defaultValues={{ labelId: "" }}
          preventScrollReset
        >
          <SelectField
            name="labelId"
            label="Ajouter une étiquette"
            required
            options={labels.available.map((l) => ({ value: l.id, label: l.name }))}
          />
          <SubmitButton name="intent" value="label_add" className="button button-secondary">
            Ajouter l'étiquette
          </SubmitButton>
        </ValidatedForm>
      ) : null}
      <p className="small">
        <Link to={`/instruction/appels/${labels.callId}/etiquettes`}>Gérer les étiquettes de l'appel</Link>
      </p>
    </section>
  );
}
