// The dossier's step « Indicateurs et objectifs »: each indicator of the call with its kind,
// unit and description and a target input; then the association's own indicators (at most
// five), each with its name, kind, unit and target, and a box to remove it.
import { Link } from "@remix-run/react";
import { useMemo } from "react";
import { Checkbox, SelectField, SubmitButton, TextField, ValidatedForm } from "~/components/form";
import {
  indicatorTargetsSchema,
  MAX_OWN_INDICATORS,
  ownField,
  ownLabel,
  targetField,
  targetLabel,
  type StepCallIndicator,
  type StepOwnIndicator,
} from "~/steering/dossier-indicators";
import { INDICATOR_KIND_LABELS, INDICATOR_KINDS, INDICATOR_UNITS, indicatorUnit, type IndicatorKind } from "~/steering/indicators";

const KIND_OPTIONS = INDICATOR_KINDS.map((k) => ({ value: k, label: INDICATOR_KIND_LABELS[k] }));
const UNIT_OPTIONS = INDICATOR_UNITS.map((u) => ({ value: u.key, label: u.label }));

export type TargetsStepData = {
  callIndicators: StepCallIndicator[];
  own: StepOwnIndicator[];
  ownSlots: number;
  defaults: Record<string, string>;
};

export function DossierTargetsStep({ data, editable, previous }: { data: TargetsStepData; editable: boolean; previous?: string }) {
  const { callIndicators, own, ownSlots } = data;
  const schema = useMemo(() => indicatorTargetsSchema(callIndicators, ownSlots), [callIndicators, ownSlots]);
  return (
    <ValidatedForm schema={schema} method="post" defaultValues={data.defaults} key={JSON.stringify(data.defaults)}>
      <h2>Indicateurs de l'appel</h2>
      {callIndicators.length === 0 ? <p>Cet appel ne demande aucun indicateur : vous pouvez ajouter les vôtres.</p> : null}
      {callIndicators.map((indicator) => (
        <div key={indicator.id} className="card stack">
          <h3>{indicator.name}</h3>
          <p className="small">
            {INDICATOR_KIND_LABELS[indicator.kind as IndicatorKind] ?? indicator.kind} – unité :{" "}
            {indicatorUnit(indicator.unit)?.label ?? indicator.unit}
            {indicator.targetRequired ? " – objectif obligatoire" : " – objectif facultatif"}
          </p>
          {indicator.description ? <p className="small muted">{indicator.description}</p> : null}
          <TextField
            name={targetField(indicator.id)}
            label={targetLabel(indicator.name)}
            required={indicator.targetRequired}
            inputMode="decimal"
            hint={
              indicator.unit === "pourcentage"
                ? "Une part entre 0 et 100 %."
                : `En ${indicatorUnit(indicator.unit)?.label ?? indicator.unit}, par exemple 120.`
            }
          />
        </div>
      ))}
      <h2>Vos indicateurs</h2>
      <p className="small">
        Jusqu'à {MAX_OWN_INDICATORS} indicateurs propres au projet, chacun avec son objectif. Laissez la ligne vide pour n'en ajouter aucun.
      </p>
      {Array.from({ length: ownSlots }, (_, slot) => {
        const existing = own[slot];
        return (
          <fieldset key={slot} className="card stack">
            <legend>
              {existing ? `Indicateur propre n°${slot + 1} : ${existing.name}` : `Ajouter un indicateur propre (n°${slot + 1})`}
            </legend>
            {existing ? <input type="hidden" name={ownField(slot, "id")} value={existing.id} /> : null}
            <TextField name={ownField(slot, "name")} label={ownLabel(slot, "nom")} />
            <SelectField name={ownField(slot, "kind")} label={ownLabel(slot, "nature")} options={KIND_OPTIONS} />
            <SelectField name={ownField(slot, "unit")} label={ownLabel(slot, "unité")} options={UNIT_OPTIONS} />
            <TextField name={ownField(slot, "target")} label={ownLabel(slot, "objectif")} inputMode="decimal" />
            {existing ? <Checkbox name={ownField(slot, "remove")} label={`Retirer l'indicateur propre n°${slot + 1}`} /> : null}
          </fieldset>
        );
      })}
      {editable ? (
        <div className="actions">
          {previous ? (
            <Link to={previous} className="button button-secondary">
              Étape précédente
            </Link>
          ) : null}
          <SubmitButton name="intent" value="save">
            Enregistrer et continuer
          </SubmitButton>
        </div>
      ) : null}
    </ValidatedForm>
  );
}
