// The convention: established, sent, signed (the signed PDF uploaded), and its downloads.
import { Form, useLoaderData } from "@remix-run/react";
import { isActionFailure, SubmitButton, TextField, ValidatedForm } from "~/components/form";
import { formatDate } from "~/lib/format";
import { conventionSignedSchema } from "~/subsidies/schemas";
import { CONVENTION_STATUS_LABELS } from "~/subsidies/subsidy-labels";
import { useFormFailure } from "./form-failure";
import type { loader } from "./route";

export function ConventionSection() {
  const { subsidy: s, today } = useLoaderData<typeof loader>();
  const signedData = useFormFailure("convention_signed");
  const fileError = isActionFailure(signedData) ? signedData.errors.file : undefined;
  return (
    <section className="card stack" aria-labelledby="convention">
      <h2 id="convention">Convention</h2>
      {!s.convention ? (
        <>
          <p>Pas de convention : le montant annuel ne dépasse pas 23 000 €.</p>
          <Form method="post">
            <input type="hidden" name="intent" value="open_convention" />
            <button type="submit" className="button button-secondary">
              Établir une convention quand même
            </button>
          </Form>
        </>
      ) : (
        <>
          <p>
            État : <strong data-testid="convention-status">{CONVENTION_STATUS_LABELS[s.convention.status]}</strong>
            {s.convention.sentAt ? ` – envoyée le ${formatDate(s.convention.sentAt)}` : ""}
            {s.convention.signedAt ? ` – signée le ${formatDate(s.convention.signedAt)}` : ""}
            {s.conventionRequired ? " (obligatoire : plus de 23 000 € pour une année)" : ""}
          </p>
          {s.paymentBlocked ? (
            <div className="alert alert-warning">Aucun versement n'est possible avant la signature de la convention.</div>
          ) : null}
          <p className="actions">
            <a href={`/instruction/subventions/${s.id}/convention.pdf`} download>
              Télécharger la convention à signer (PDF)
            </a>
            {s.convention.signedDocumentId ? (
              <a href={`/instruction/subventions/${s.id}/documents/${s.convention.signedDocumentId}`}>Télécharger la convention signée</a>
            ) : null}
          </p>
          {s.convention.status === "a_preparer" ? (
            <Form method="post">
              <input type="hidden" name="intent" value="convention_sent" />
              <button type="submit" className="button">
                Marquer la convention comme envoyée
              </button>
            </Form>
          ) : null}
          {s.convention.status === "envoyee" ? (
            <ValidatedForm
              schema={conventionSignedSchema}
              method="post"
              encType="multipart/form-data"
              defaultValues={{ signedAt: today }}
              actionData={signedData}
            >
              <input type="hidden" name="intent" value="convention_signed" />
              <TextField name="signedAt" label="Date de signature" type="date" required />
              <div className={`field ${fileError ? "field-invalid" : ""}`}>
                <label htmlFor="signed-file" className="field-label">
                  Convention signée (PDF)
                </label>
                <input
                  id="signed-file"
                  type="file"
                  name="file"
                  accept="application/pdf"
                  aria-invalid={fileError ? true : undefined}
                  aria-describedby={fileError ? "signed-file-error" : undefined}
                />
                {fileError ? (
                  <p className="field-error" id="signed-file-error">
                    {fileError}
                  </p>
                ) : null}
              </div>
              <SubmitButton>Enregistrer la convention signée</SubmitButton>
            </ValidatedForm>
          ) : null}
        </>
      )}
    </section>
  );
}
