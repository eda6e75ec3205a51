// The profile form's « Position sur la carte »: where the directory's map puts the association.
import { Checkbox, TextField } from "~/components/form";

type Props = { geoSource: string | null; geocodePending: boolean; geocodeError: string | null; placed: boolean };

function currentState({ geoSource, geocodePending, geocodeError, placed }: Props) {
  if (geoSource === "manuel") return "La position a été placée par l'association.";
  if (geocodePending) return "La position de l'adresse est en cours de calcul.";
  if (geocodeError && !placed) return `L'adresse n'a pas pu être placée sur la carte (${geocodeError}) : indiquez la position vous-même.`;
  if (placed) return "La position vient de l'adresse.";
  return "L'association n'est pas encore sur la carte.";
}

export function PositionFields(props: Props) {
  return (
    <fieldset>
      <legend>Position sur la carte</legend>
      <p className="small">
        {currentState(props)} Corrigez-la si le repère n'est pas à l'entrée du lieu d'accueil (degrés décimaux, par exemple 47,2378 et
        6,0241).
      </p>
      <div className="form-grid">
        <TextField name="latitude" label="Latitude" inputMode="decimal" hint="Entre 41 et 51 en métropole." />
        <TextField name="longitude" label="Longitude" inputMode="decimal" hint="Entre -5 et 10 en métropole." />
      </div>
      {props.geoSource === "manuel" ? (
        <Checkbox
          name="positionFromAddress"
          label="Revenir à la position de l'adresse"
          hint="La position sera calculée à nouveau d'après l'adresse."
        />
      ) : null}
    </fieldset>
  );
}
