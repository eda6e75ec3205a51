// A member registers people of their association: one row shown, more behind a disclosure.
import { SelectField, SubmitButton, TextField, ValidatedForm } from "~/components/form";
import { MAX_PARTICIPANTS_PER_FORM } from "~/lib/limits";

const loadAssociationRegistrationSchema = () => import("~/events/schemas").then((m) => m.associationRegistrationSchema);

function participantDefaults(user: { name: string; email: string } | null) {
  return Array.from({ length: MAX_PARTICIPANTS_PER_FORM }, (_, i) => ({
    name: i === 0 && user ? user.name : "",
    email: i === 0 && user ? user.email : "",
    role: "",
    accessibilityNeeds: "",
  }));
}

function ParticipantRow({ index }: { index: number }) {
  return (
    <fieldset className="form-section">
      <legend>Participant·e {index + 1}</legend>
      <TextField
        name={`participants.${index}.name`}
        label="Nom et prénom"
        required={index === 0}
        autoComplete={index === 0 ? "name" : "off"}
      />
      <TextField
        name={`participants.${index}.email`}
        label="Adresse e-mail"
        type="email"
        required={index === 0}
        autoComplete={index === 0 ? "email" : "off"}
      />
      <TextField name={`participants.${index}.role`} label="Fonction dans l'association" />
      <TextField
        name={`participants.${index}.accessibilityNeeds`}
        label="Besoins d'accessibilité"
        hint="Fauteuil roulant, interprète LSF, boucle magnétique…"
      />
    </fieldset>
  );
}

export function AssociationRegistrationForm({
  associations,
  user,
  actionData,
}: {
  associations: { id: string; name: string }[];
  user: { name: string; email: string } | null;
  actionData: unknown;
}) {
  return (
    <div className="card stack">
      <h3>Inscrire des personnes de votre association</h3>
      <ValidatedForm
        schema={loadAssociationRegistrationSchema}
        method="post"
        actionData={actionData}
        defaultValues={{
          associationId: associations.length === 1 ? associations[0].id : "",
          participants: participantDefaults(user),
        }}
      >
        <input type="hidden" name="intent" value="association" />
        {associations.length === 1 ? (
          <>
            <input type="hidden" name="associationId" value={associations[0].id} />
            <p>
              Association : <strong>{associations[0].name}</strong>
            </p>
          </>
        ) : (
          <SelectField
            name="associationId"
            label="Association"
            required
            options={associations.map((a) => ({ value: a.id, label: a.name }))}
          />
        )}
        <ParticipantRow index={0} />
        <details>
          <summary>Inscrire d'autres personnes (jusqu'à {MAX_PARTICIPANTS_PER_FORM})</summary>
          {Array.from({ length: MAX_PARTICIPANTS_PER_FORM - 1 }, (_, i) => (
            <ParticipantRow key={i + 1} index={i + 1} />
          ))}
        </details>
        <div className="actions">
          <SubmitButton>Inscrire</SubmitButton>
        </div>
      </ValidatedForm>
    </div>
  );
}
