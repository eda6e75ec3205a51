// The association profile fields, shared by sign-up and profile edits.
import { CheckboxGroup, SelectField, TextArea, TextField } from "~/components/form";
import { OpeningHoursFields } from "~/associations/opening-hours-fields";
import { choiceOptions, type TaxonomyChoices } from "~/settings/taxonomy-choices";

/**
 * `choices`: the taxonomy the loader sent (the form's schema is built from the same);
 * `openingHours`: the profile page shows the structured hours block (sign-up does not ask for them).
 */
export function AssociationFields({
  choices,
  openingHours,
}: {
  choices: TaxonomyChoices;
  openingHours?: { editable: boolean; stored: string };
}) {
  return (
    <>
      <section className="form-section">
        <h2>Identification</h2>
        <div className="form-grid">
          <TextField name="name" label="Nom de l'association" required />
          <TextField name="acronym" label="Sigle" />
          <TextField name="rna" label="Numéro RNA" hint="W suivi de 9 caractères, par exemple W251002867." />
          <TextField name="siret" label="SIRET" hint="14 chiffres." inputMode="numeric" />
        </div>
        <TextArea
          name="socialObject"
          label="Objet social"
          hint="Tel qu'il figure dans vos statuts, en quelques phrases."
          required
          rows={3}
        />
        <TextArea
          name="description"
          label="Présentation pour l'annuaire"
          hint="Vos actions, votre fonctionnement, comment vous rejoindre."
          rows={5}
        />
      </section>
      <section className="form-section">
        <h2>Coordonnées</h2>
        <TextField name="address" label="Adresse" autoComplete="street-address" required />
        <div className="form-grid">
          <TextField name="postcode" label="Code postal" autoComplete="postal-code" inputMode="numeric" required />
          <TextField name="city" label="Commune" autoComplete="address-level2" required />
          <SelectField name="district" label="Quartier" options={choiceOptions(choices.district)} required />
          <TextField name="phone" label="Téléphone" type="tel" autoComplete="tel" />
          <TextField name="email" label="Courriel de contact public" type="email" />
          <TextField name="website" label="Site web" type="url" />
        </div>
        {openingHours ? (
          <>
            <OpeningHoursFields {...openingHours} />
            <TextField
              name="receptionHours"
              label="Précisions sur l'accueil"
              hint="Par exemple : sur rendez-vous le mercredi après-midi, fermé en août."
            />
          </>
        ) : (
          <TextField name="receptionHours" label="Horaires d'accueil" hint="Par exemple : du lundi au vendredi, 9 h – 12 h." />
        )}
      </section>
      <section className="form-section">
        <h2>Interventions</h2>
        <CheckboxGroup name="fields" label="Champs d'intervention" options={choiceOptions(choices.field)} required />
        <CheckboxGroup name="publics" label="Publics accueillis" options={choiceOptions(choices.public)} required />
      </section>
    </>
  );
}
