// The opening-hours block of the profile form: one row per weekday, up to two time ranges or
// "Fermé", and "Fermé les jours fériés". The fields are plain inputs (a form without JavaScript
// posts them as they are); the OSM string is built by the schema (opening-hours-form.ts).
import { useField } from "~/components/form-context";
import { Checkbox } from "~/components/form";
import { WEEKDAYS, type DayKey } from "~/associations/opening-hours";
import { hoursFieldName, PUBLIC_HOLIDAYS_FIELD, RANGE_SLOTS } from "~/associations/opening-hours-form";

const COLUMNS: Record<(typeof RANGE_SLOTS)[number], string> = {
  from1: "Ouverture",
  to1: "Fermeture",
  from2: "Réouverture",
  to2: "Fermeture",
};

function TimeCell({ day, dayLabel, slot }: { day: DayKey; dayLabel: string; slot: (typeof RANGE_SLOTS)[number] }) {
  const name = hoursFieldName(day, slot);
  const { form, id, error, value } = useField(name);
  return (
    <td className={error ? "field-invalid" : undefined}>
      <label htmlFor={id} className="visually-hidden">
        {dayLabel}, {slot === "to2" ? "fermeture du soir" : COLUMNS[slot].toLowerCase()}
      </label>
      <input
        id={id}
        type="time"
        className="time-input"
        defaultValue={typeof value === "string" ? value : ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...form.register(name)}
      />
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </td>
  );
}

function ClosedCell({ day, dayLabel }: { day: DayKey; dayLabel: string }) {
  const name = hoursFieldName(day, "closed");
  const { form, id, error, value } = useField(name);
  return (
    <td className={error ? "field-invalid" : undefined}>
      <input
        id={id}
        type="checkbox"
        value="on"
        defaultChecked={value === "on" || value === true}
        aria-label={`${dayLabel} : fermé`}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...form.register(name)}
      />
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </td>
  );
}

export function OpeningHoursFields({ editable, stored }: { editable: boolean; stored: string }) {
  return (
    <fieldset className="field fieldset opening-hours-fields">
      <legend className="field-label">
        Horaires d'ouverture <span className="optional">(facultatif)</span>
      </legend>
      <p className="field-hint" id="opening-hours-hint">
        Pour chaque jour, une ou deux plages horaires (par exemple 9 h – 12 h puis 14 h – 17 h), ou « Fermé ». Un jour laissé vide est
        considéré comme fermé. Ces horaires sont publiés dans l'annuaire (« ouvert maintenant ») et dans les données ouvertes.
      </p>
      {!editable ? (
        <p className="alert alert-warning">
          Les horaires enregistrés (« {stored} ») ne peuvent pas être affichés dans ce formulaire. Ils sont conservés tant que vous ne
          remplissez pas le tableau ; remplissez-le pour les remplacer.
        </p>
      ) : null}
      <div className="table-wrap">
        <table className="opening-hours-table" aria-describedby="opening-hours-hint">
          <caption className="visually-hidden">Horaires d'ouverture, jour par jour</caption>
          <thead>
            <tr>
              <th scope="col">Jour</th>
              {RANGE_SLOTS.map((slot) => (
                <th scope="col" key={slot}>
                  {COLUMNS[slot]}
                </th>
              ))}
              <th scope="col">Fermé</th>
            </tr>
          </thead>
          <tbody>
            {WEEKDAYS.map((d) => (
              <tr key={d.key}>
                <th scope="row">{d.label}</th>
                {RANGE_SLOTS.map((slot) => (
                  <TimeCell key={slot} day={d.key} dayLabel={d.label} slot={slot} />
                ))}
                <ClosedCell day={d.key} dayLabel={d.label} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Checkbox name={PUBLIC_HOLIDAYS_FIELD} label="Fermé les jours fériés" />
    </fieldset>
  );
}
