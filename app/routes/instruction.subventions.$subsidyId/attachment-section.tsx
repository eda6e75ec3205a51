// « Rattachement au projet social »: the axis, or the axis and projet phare, this subsidy serves.
import { Link, useLoaderData } from "@remix-run/react";
import { SelectField, SubmitButton, ValidatedForm } from "~/components/form";
import { attachmentSchema } from "~/steering/social-project-schemas";
import { useFormFailure } from "./form-failure";
import type { loader } from "./route";

export function AttachmentSection() {
  const { attachment } = useLoaderData<typeof loader>();
  const failure = useFormFailure("attachment");
  return (
    <section className="card stack" aria-labelledby="rattachement">
      <h2 id="rattachement">Rattachement au projet social</h2>
      {attachment.project ? (
        <ValidatedForm
          schema={attachmentSchema}
          method="post"
          defaultValues={{ attachment: attachment.value }}
          actionData={failure}
          key={`attachment-${attachment.value}`}
        >
          <input type="hidden" name="intent" value="attachment" />
          <SelectField
            name="attachment"
            label={`Axe ou projet phare du projet « ${attachment.project.title} » (${attachment.project.period})`}
            placeholder="Non rattachée"
            options={attachment.options}
          />
          <SubmitButton>Enregistrer le rattachement</SubmitButton>
        </ValidatedForm>
      ) : (
        <p>
          Aucun projet social ne couvre l'exercice de cette subvention. <Link to="/admin/projet-social">Projet social</Link>{" "}
          (administration)
        </p>
      )}
    </section>
  );
}
