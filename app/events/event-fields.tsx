// The staff form's fields for an event (create and edit).
import { SelectField, TextArea, TextField } from "~/components/form";
import { EVENT_AUDIENCE_LABELS, EVENT_AUDIENCES, EVENT_TYPE_LABELS, EVENT_TYPES } from "~/events/schemas";

const typeOptions = EVENT_TYPES.map((value) => ({ value, label: EVENT_TYPE_LABELS[value] }));
const audienceOptions = EVENT_AUDIENCES.map((value) => ({ value, label: EVENT_AUDIENCE_LABELS[value] }));

export function EventFields() {
  return (
    <>
      <fieldset className="form-section">
        <legend>L'événement</legend>
        <TextField name="title" label="Titre" required />
        <SelectField name="type" label="Type" required options={typeOptions} />
        <TextArea name="description" label="Description" required rows={6} />
      </fieldset>
      <fieldset className="form-section">
        <legend>Date et lieu</legend>
        <p className="field-hint">Heures de Paris.</p>
        <TextField name="startsAt" label="Début" type="datetime-local" required />
        <TextField name="endsAt" label="Fin" type="datetime-local" required />
        <TextField name="place" label="Lieu (adresse)" hint="Laissez vide pour un événement en ligne." />
        <TextField name="onlineUrl" label="Lien de participation en ligne" type="url" />
      </fieldset>
      <fieldset className="form-section">
        <legend>Inscriptions</legend>
        <TextField
          name="capacity"
          label="Nombre de places"
          inputMode="numeric"
          required
          hint="Au-delà, les inscriptions rejoignent la liste d'attente."
        />
        <TextField name="registrationOpensAt" label="Ouverture des inscriptions" type="datetime-local" required />
        <TextField name="registrationClosesAt" label="Clôture des inscriptions" type="datetime-local" required />
        <SelectField name="audience" label="Public" required options={audienceOptions} />
        <TextField
          name="perAssociationLimit"
          label="Places par association"
          inputMode="numeric"
          hint="Nombre maximal de personnes qu'une association peut inscrire."
        />
      </fieldset>
    </>
  );
}
