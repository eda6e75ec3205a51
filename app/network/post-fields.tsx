// The fields of a need or an offer (« Publier une annonce » and « Modifier »): the choices of the
// taxonomy come from the loader (formChoices), the limits from post-labels.
import { SelectField, TextArea, TextField } from "~/components/form";
import { choiceOptions, type TaxonomyChoices } from "~/settings/taxonomy-choices";
import { POST_LIMITS, addDays, categoryOptions, formatDay, kindOptions, parisToday } from "./post-labels";

export function PostFields({ choices }: { choices: Pick<TaxonomyChoices, "field" | "district"> }) {
  const today = parisToday();
  return (
    <>
      <div className="form-grid">
        <SelectField name="kind" label="Type d'annonce" required options={kindOptions} />
        <SelectField name="category" label="Catégorie" required options={categoryOptions} />
      </div>
      <TextField name="title" label="Titre" required hint={`${POST_LIMITS.titleMax} caractères au maximum.`} />
      <TextArea
        name="body"
        label="Description"
        required
        rows={8}
        hint={`Ce que vous cherchez ou proposez, quand, où. ${POST_LIMITS.bodyMax} caractères au maximum. N'y mettez pas d'adresse électronique ni de numéro de téléphone : les réponses vous arrivent par la messagerie du portail.`}
      />
      <div className="form-grid">
        <SelectField name="fieldSlug" label="Champ d'intervention" required options={choiceOptions(choices.field)} />
        <SelectField name="districtSlug" label="Quartier" required options={choiceOptions(choices.district)} />
      </div>
      <TextField
        name="endsOn"
        type="date"
        label="Dernier jour de l'annonce"
        required
        hint={`De aujourd'hui au ${formatDay(addDays(today, POST_LIMITS.maxDaysAhead))}. Le lendemain, l'annonce est archivée.`}
      />
    </>
  );
}
