// Anyone registers for a public event; the place waits for the e-mail address to be confirmed.
import { SubmitButton, TextArea, TextField, ValidatedForm } from "~/components/form";

const loadPublicRegistrationSchema = () => import("~/events/schemas").then((m) => m.publicRegistrationSchema);

export function PublicRegistrationForm({ alsoAsAssociation, actionData }: { alsoAsAssociation: boolean; actionData: unknown }) {
  return (
    <div className="card stack">
      <h3>{alsoAsAssociation ? "Ou s'inscrire à titre individuel" : "S'inscrire"}</h3>
      <p className="small">
        Vous recevrez un courriel avec un lien pour confirmer votre adresse ; votre place n'est réservée qu'une fois l'adresse confirmée.
      </p>
      <ValidatedForm
        schema={loadPublicRegistrationSchema}
        method="post"
        actionData={actionData}
        defaultValues={{ name: "", email: "", accessibilityNeeds: "" }}
      >
        <input type="hidden" name="intent" value="public" />
        <TextField name="name" label="Votre nom" required autoComplete="name" />
        <TextField name="email" label="Votre adresse e-mail" type="email" required autoComplete="email" />
        <TextArea name="accessibilityNeeds" label="Besoins d'accessibilité" rows={2} />
        <div className="actions">
          <SubmitButton>Recevoir le lien de confirmation</SubmitButton>
        </div>
      </ValidatedForm>
    </div>
  );
}
