// Private notes of the CCAS staff on the dossier, never shown to the association.
import { SubmitButton, TextArea, ValidatedForm } from "~/components/form";
import { formatDateTime } from "~/lib/format";
import { annotationSchema } from "~/review/schemas";
import type { DataFor, ReviewPageData } from "./types";

export function Annotations({ annotations, dataFor }: Pick<ReviewPageData, "annotations"> & { dataFor: DataFor }) {
  return (
    <section aria-labelledby="annotations-titre" id="annotations" className="stack">
      <h2 id="annotations-titre">Annotations privées</h2>
      <p className="small muted">Visibles par le seul personnel du CCAS, jamais par l'association.</p>
      {annotations.length ? (
        <ul>
          {annotations.map((n) => (
            <li key={n.id}>
              <span className="small muted">
                {n.authorName}, {formatDateTime(n.createdAt)} :
              </span>{" "}
              <span style={{ whiteSpace: "pre-wrap" }}>{n.body}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {/* A new form once the note is added (keyed by the count): the field is empty for the next one. */}
      <ValidatedForm
        key={annotations.length}
        schema={annotationSchema}
        method="post"
        actionData={dataFor("annotate")}
        defaultValues={{ body: "" }}
      >
        <TextArea name="body" label="Nouvelle annotation privée" required rows={2} />
        <SubmitButton name="intent" value="annotate" className="button button-secondary">
          Ajouter l'annotation
        </SubmitButton>
      </ValidatedForm>
    </section>
  );
}
