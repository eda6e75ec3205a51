// The alert form of /espace/alertes: fields, districts and kinds (none ticked = all) and the daily e-mail.
import { useMemo } from "react";
import { Checkbox, CheckboxGroup, SubmitButton, ValidatedForm } from "~/components/form";
import { choiceOptions, type TaxonomyChoices } from "~/settings/taxonomy-choices";
import { alertSchemaFor } from "./alert-schemas";
import { KIND_LABELS, POST_KINDS } from "./post-labels";

const KIND_OPTIONS = POST_KINDS.map((k) => ({ value: k, label: k === "besoin" ? "Besoins" : "Offres" }));

export function AlertForm({
  choices,
  values,
}: {
  choices: Pick<TaxonomyChoices, "field" | "district">;
  values: { fields: string[]; districts: string[]; kinds: string[]; subscribed: boolean };
}) {
  const schema = useMemo(() => alertSchemaFor(choices), [choices]);
  return (
    <ValidatedForm schema={schema} method="post" defaultValues={{ ...values, subscribed: values.subscribed ? "on" : "" }} className="stack">
      <CheckboxGroup
        name="fields"
        label="Champs d'intervention"
        hint="Aucune case cochée : tous les champs."
        options={choiceOptions(choices.field)}
      />
      <CheckboxGroup
        name="districts"
        label="Quartiers"
        hint="Aucune case cochée : tous les quartiers."
        options={choiceOptions(choices.district)}
      />
      <CheckboxGroup
        name="kinds"
        label="Types d'annonce"
        hint={`Aucune case cochée : ${KIND_LABELS.besoin.toLowerCase()}s et ${KIND_LABELS.offre.toLowerCase()}s.`}
        options={KIND_OPTIONS}
      />
      <Checkbox
        name="subscribed"
        label="Recevoir chaque jour les nouvelles annonces par courriel"
        hint="Un courriel chaque matin après 7 h, seulement s'il y a de nouvelles annonces d'autres associations qui correspondent à vos choix."
      />
      <div className="actions">
        <SubmitButton>Enregistrer mes alertes</SubmitButton>
      </div>
    </ValidatedForm>
  );
}
