// The staff's consultation forms: the consultation itself and one question.
import { Checkbox, SelectField, TextArea, TextField } from "~/components/form";
import { formatDate } from "~/lib/format";
import { CHOICES_MAX, CHOICES_MIN, QUESTION_KIND_LABELS, QUESTION_KINDS } from "~/network/consultation-labels";

export function ConsultationFields({ events }: { events: { id: string; title: string; startsAt: string }[] }) {
  return (
    <>
      <TextField name="title" label="Titre" required />
      <TextArea name="description" label="Présentation" hint="Ce que le CCAS demande et ce qu'il fera des réponses." rows={4} />
      <TextField name="opensAt" label="Ouverture" type="datetime-local" required hint="Heure de Paris." />
      <TextField
        name="closesAt"
        label="Clôture"
        type="datetime-local"
        required
        hint="Heure de Paris. Les associations peuvent modifier leur réponse jusque-là."
      />
      <SelectField
        name="eventId"
        label="Événement lié"
        placeholder="Aucun"
        options={events.map((e) => ({ value: e.id, label: `${e.title} (${formatDate(e.startsAt)})` }))}
        hint="Par exemple la rencontre annuelle du réseau."
      />
    </>
  );
}

export function QuestionFields() {
  return (
    <>
      <SelectField
        name="kind"
        label="Type de question"
        required
        options={QUESTION_KINDS.map((k) => ({ value: k, label: QUESTION_KIND_LABELS[k] }))}
      />
      <TextField name="label" label="Intitulé" required />
      <TextField name="help" label="Aide" hint="Une précision affichée sous l'intitulé." />
      <Checkbox name="required" label="Réponse obligatoire" />
      <TextArea
        name="choices"
        label="Choix proposés"
        rows={4}
        hint={`Pour un choix unique ou multiple : de ${CHOICES_MIN} à ${CHOICES_MAX} choix, un par ligne.`}
      />
      <fieldset className="fieldset">
        <legend className="field-label">Échelle (pour une question de type échelle)</legend>
        <TextField name="scaleMin" label="Minimum de l'échelle" inputMode="numeric" hint="Par exemple 1." />
        <TextField name="scaleMax" label="Maximum de l'échelle" inputMode="numeric" hint="Par exemple 5." />
        <TextField name="scaleMinLabel" label="Libellé du minimum" hint="Par exemple « Pas du tout satisfait »." />
        <TextField name="scaleMaxLabel" label="Libellé du maximum" hint="Par exemple « Très satisfait »." />
      </fieldset>
    </>
  );
}
