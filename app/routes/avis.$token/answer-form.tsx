// The expert's one answer: a text and an optional file (sent as multipart; checked by content on the server).
import { useActionData } from "@remix-run/react";
import { isActionFailure, SubmitButton, TextArea, ValidatedForm } from "~/components/form";

const loadAnswerSchema = () => import("~/review/opinion-schemas").then((m) => m.opinionAnswerSchema);

export function AnswerForm() {
  const actionData = useActionData();
  const fileError = isActionFailure(actionData) ? actionData.errors.file : undefined;
  return (
    <section aria-labelledby="avis-form-titre" className="card stack">
      <h2 id="avis-form-titre">Donner votre avis</h2>
      <ValidatedForm schema={loadAnswerSchema} method="post" encType="multipart/form-data" defaultValues={{ answer: "" }}>
        <TextArea
          name="answer"
          label="Votre avis"
          required
          rows={8}
          hint="10 000 caractères au plus. Une seule réponse : relisez-vous avant d'envoyer."
        />
        <div className={`field ${fileError ? "field-invalid" : ""}`}>
          <label htmlFor="avis-fichier" className="field-label">
            Fichier joint <span className="optional">(facultatif : PDF, JPEG ou PNG, 10 Mo au plus)</span>
          </label>
          <input
            id="avis-fichier"
            type="file"
            name="file"
            accept="application/pdf,image/jpeg,image/png"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? "avis-fichier-error" : undefined}
          />
          {fileError ? (
            <p className="field-error" id="avis-fichier-error">
              {fileError}
            </p>
          ) : null}
        </div>
        <SubmitButton>Envoyer mon avis</SubmitButton>
      </ValidatedForm>
    </section>
  );
}
