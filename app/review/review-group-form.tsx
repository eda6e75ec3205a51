// The form of one reviewer group: its name, its members, its rules (all optional, all must hold).
import { CheckboxGroup, SelectField, SubmitButton, TextField, ValidatedForm } from "~/components/form";
import { choiceOptions, type TaxonomyChoices } from "~/settings/taxonomy-choices";
import { useMemo } from "react";
import { reviewGroupSchema } from "./routing-schemas";

export type GroupCandidate = { id: string; name: string; email: string; role: string };

export function ReviewGroupForm({
  choices,
  candidates,
  defaultValues,
  actionData,
  intent,
  groupId,
  submitLabel,
}: {
  choices: Pick<TaxonomyChoices, "field" | "district">;
  candidates: GroupCandidate[];
  defaultValues: Record<string, unknown>;
  actionData: unknown;
  intent: "create" | "update";
  groupId?: string;
  submitLabel: string;
}) {
  const schema = useMemo(
    () =>
      reviewGroupSchema(
        choices,
        candidates.map((c) => c.id),
      ),
    [choices, candidates],
  );
  return (
    <ValidatedForm schema={schema} method="post" defaultValues={defaultValues} actionData={actionData} key={JSON.stringify(defaultValues)}>
      {groupId ? <input type="hidden" name="groupId" value={groupId} /> : null}
      <TextField name="name" label="Nom du groupe" required />
      <CheckboxGroup
        name="memberIds"
        label="Membres"
        hint="Parmi les instructeur·rices de l'appel et les administrateur·rices."
        options={candidates.map((c) => ({ value: c.id, label: `${c.name} (${c.role === "admin" ? "administration" : c.email})` }))}
        required
      />
      <fieldset className="fieldset">
        <legend className="field-label">Règles (toutes facultatives ; un dossier doit les remplir toutes)</legend>
        <div className="form-grid">
          <SelectField
            name="fieldSlug"
            label="Champ d'intervention de l'association"
            options={choiceOptions(choices.field)}
            placeholder="Tous les champs"
          />
          <SelectField
            name="districtSlug"
            label="Quartier de l'association"
            options={choiceOptions(choices.district)}
            placeholder="Tous les quartiers"
          />
          <TextField name="minAmount" label="Montant demandé d'au moins (€)" inputMode="decimal" />
          <TextField name="maxAmount" label="Montant demandé d'au plus (€)" inputMode="decimal" />
        </div>
      </fieldset>
      <div className="actions">
        <SubmitButton name="intent" value={intent}>
          {submitLabel}
        </SubmitButton>
      </div>
    </ValidatedForm>
  );
}
