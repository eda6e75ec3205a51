// The administrator's call-for-projects fields (create and edit).
import { CheckboxGroup, TextArea, TextField } from "~/components/form";
import { choiceOptions, type TaxonomyChoices } from "~/settings/taxonomy-choices";
import { CRITERIA_ROWS } from "~/calls/schemas";
import { DOCUMENT_KINDS } from "~/dossiers/schemas";

/** `choices`: the taxonomy the loader sent (the form's schema is built from the same). */
export function CallFields({
  staff,
  choices,
}: {
  staff: { id: string; name: string; email: string }[];
  choices: Pick<TaxonomyChoices, "field">;
}) {
  return (
    <>
      <section className="form-section">
        <h2>L'appel</h2>
        <TextField name="title" label="Titre" required />
        <TextArea name="summary" label="Résumé" hint="Deux ou trois phrases, affichées dans la liste des appels." required rows={3} />
        <TextArea
          name="body"
          label="Texte de l'appel (Markdown)"
          hint="Titres avec ##, listes avec -, gras avec **texte**."
          required
          rows={12}
        />
        <CheckboxGroup name="fields" label="Champs d'intervention éligibles" options={choiceOptions(choices.field)} required />
      </section>
      <section className="form-section">
        <h2>Montants et calendrier</h2>
        <div className="form-grid">
          <TextField name="envelope" label="Enveloppe totale (€)" inputMode="decimal" required />
          <TextField name="minAmount" label="Montant minimum par dossier (€)" inputMode="decimal" required />
          <TextField name="maxAmount" label="Montant maximum par dossier (€)" inputMode="decimal" required />
          <TextField name="opensAt" label="Ouverture (heure de Paris)" type="datetime-local" required />
          <TextField name="closesAt" label="Clôture (heure de Paris)" type="datetime-local" required />
          <TextField
            name="financialYear"
            label="Exercice budgétaire"
            inputMode="numeric"
            hint="L'année où les subventions de l'appel sont imputées ; elle figure dans les numéros des dossiers."
            required
          />
        </div>
        <CheckboxGroup name="requiredAttachments" label="Pièces obligatoires" options={DOCUMENT_KINDS} />
      </section>
      <section className="form-section">
        <h2>Critères d'évaluation</h2>
        <p className="field-hint">Les pondérations doivent totaliser 100 %. Laissez vides les lignes inutiles.</p>
        {Array.from({ length: CRITERIA_ROWS }, (_, i) => (
          <div key={i}>
            <div className="form-grid">
              <TextField name={`criterionLabel_${i}`} label={`Critère ${i + 1}`} />
              <TextField name={`criterionWeight_${i}`} label={`Pondération du critère ${i + 1} (%)`} inputMode="numeric" />
            </div>
            <TextField
              name={`criterionDescription_${i}`}
              label={`Description du critère ${i + 1}`}
              hint="Montrée aux instructeur·rices quand ils notent."
            />
          </div>
        ))}
      </section>
      <section className="form-section">
        <h2>Instruction</h2>
        <CheckboxGroup
          name="reviewerIds"
          label="Instructeur·rices affecté·es"
          options={staff.map((s) => ({ value: s.id, label: `${s.name} (${s.email})` }))}
        />
      </section>
    </>
  );
}
