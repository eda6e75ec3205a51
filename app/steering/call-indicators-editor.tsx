// The administrator's page of a call's indicators: each indicator's form (name, kind, unit,
// « objectif obligatoire », description), moving and removing it, adding one, and the
// indicators each criterion refers to. Every form works without JavaScript.
import { Form } from "@remix-run/react";
import { useMemo } from "react";
import * as z from "zod";
import { Checkbox, CheckboxGroup, isActionFailure, SelectField, SubmitButton, TextArea, TextField, ValidatedForm } from "~/components/form";
import { callIndicatorSchema, criterionIndicatorIds } from "~/steering/call-indicator-schemas";
import { INDICATOR_KIND_LABELS, INDICATOR_KINDS, INDICATOR_UNITS } from "~/steering/indicators";

export type EditorIndicator = {
  id: string;
  name: string;
  kind: string;
  unit: string;
  targetRequired: boolean;
  description: string;
};
export type EditorCriterion = { id: string; label: string; indicatorIds: string[] };

const KIND_OPTIONS = INDICATOR_KINDS.map((k) => ({ value: k, label: INDICATOR_KIND_LABELS[k] }));
const UNIT_OPTIONS = INDICATOR_UNITS.map((u) => ({ value: u.key, label: u.label }));

/** The failure of the post this form sent, so each form shows only its own errors. */
function failureFor(actionData: unknown, intent: string, id?: string) {
  if (!isActionFailure(actionData)) return {};
  const values = actionData.values;
  return values.intent === intent && (id === undefined || values.indicatorId === id) ? actionData : {};
}

function IndicatorFields({ locked }: { locked: boolean }) {
  const lockHint = locked ? "Un dossier a été déposé : ne peut plus changer." : undefined;
  return (
    <>
      <TextField name="name" label="Nom de l'indicateur" required hint="Par exemple « Personnes accompagnées »." />
      <SelectField name="kind" label="Nature" required options={KIND_OPTIONS} hint={lockHint} />
      <SelectField name="unit" label="Unité" required options={UNIT_OPTIONS} hint={lockHint} />
      <Checkbox name="targetRequired" label="Objectif obligatoire" hint="Chaque dossier devra donner un objectif chiffré." />
      <TextArea name="description" label="Description" rows={2} hint="Ce que l'on compte et comment." />
    </>
  );
}

export function CallIndicatorsEditor({
  indicators,
  criteria,
  locked,
  actionData,
}: {
  indicators: EditorIndicator[];
  criteria: EditorCriterion[];
  locked: boolean;
  actionData: unknown;
}) {
  const linksSchema = useMemo(
    () => z.object(Object.fromEntries(criteria.map((c) => [`criterion_${c.id}`, criterionIndicatorIds]))),
    [criteria],
  );
  const linkDefaults = Object.fromEntries(criteria.map((c) => [`criterion_${c.id}`, c.indicatorIds]));
  const indicatorOptions = indicators.map((i) => ({ value: i.id, label: i.name }));
  const generalFailure = isActionFailure(actionData) && ["move", "remove"].includes(String(actionData.values.intent)) ? actionData : null;
  return (
    <div className="stack">
      {locked ? (
        <p className="alert alert-info">
          Un dossier de cet appel a déjà été déposé : la nature et l'unité des indicateurs ne peuvent plus changer et aucun indicateur ne
          peut être retiré. Leur nom, leur description et le caractère obligatoire de l'objectif restent modifiables.
        </p>
      ) : null}
      {generalFailure ? (
        <p className="alert alert-error" role="alert">
          {Object.values(generalFailure.errors).join(" ")}
        </p>
      ) : null}
      {indicators.length === 0 ? <p>Aucun indicateur pour cet appel.</p> : null}
      {indicators.map((indicator, index) => (
        <section key={indicator.id} className="card stack" aria-labelledby={`indicateur-${indicator.id}`}>
          <h2 id={`indicateur-${indicator.id}`}>
            {index + 1}. {indicator.name}
          </h2>
          <ValidatedForm
            schema={callIndicatorSchema}
            method="post"
            defaultValues={{ ...indicator, targetRequired: indicator.targetRequired ? "on" : undefined }}
            key={JSON.stringify(indicator)}
            actionData={failureFor(actionData, "edit", indicator.id)}
          >
            <input type="hidden" name="indicatorId" value={indicator.id} />
            <IndicatorFields locked={locked} />
            <div className="actions">
              <SubmitButton name="intent" value="edit">
                Enregistrer l'indicateur
              </SubmitButton>
            </div>
          </ValidatedForm>
          <Form method="post" className="actions">
            <input type="hidden" name="indicatorId" value={indicator.id} />
            {index > 0 ? (
              <button
                type="submit"
                name="intent"
                value="move-up"
                className="button button-secondary"
                aria-label={`Monter « ${indicator.name} »`}
              >
                Monter
              </button>
            ) : null}
            {index < indicators.length - 1 ? (
              <button
                type="submit"
                name="intent"
                value="move-down"
                className="button button-secondary"
                aria-label={`Descendre « ${indicator.name} »`}
              >
                Descendre
              </button>
            ) : null}
            {!locked ? (
              <button
                type="submit"
                name="intent"
                value="remove"
                className="button button-secondary"
                aria-label={`Retirer « ${indicator.name} »`}
              >
                Retirer
              </button>
            ) : null}
          </Form>
        </section>
      ))}
      <section className="card stack" aria-labelledby="nouvel-indicateur">
        <h2 id="nouvel-indicateur">Ajouter un indicateur</h2>
        <ValidatedForm
          schema={callIndicatorSchema}
          method="post"
          defaultValues={{ kind: "resultats", unit: "personnes" }}
          key={`add-${indicators.length}`}
          actionData={failureFor(actionData, "add")}
        >
          <IndicatorFields locked={false} />
          <div className="actions">
            <SubmitButton name="intent" value="add">
              Ajouter l'indicateur
            </SubmitButton>
          </div>
        </ValidatedForm>
      </section>
      <section className="card stack" aria-labelledby="criteres-indicateurs">
        <h2 id="criteres-indicateurs">Critères et indicateurs</h2>
        {criteria.length === 0 || indicators.length === 0 ? (
          <p>Définissez des critères (sur la page de l'appel) et des indicateurs pour les rattacher.</p>
        ) : (
          <ValidatedForm
            schema={linksSchema}
            method="post"
            defaultValues={linkDefaults}
            key={JSON.stringify(linkDefaults)}
            actionData={failureFor(actionData, "criteria")}
          >
            {criteria.map((c) => (
              <CheckboxGroup
                key={c.id}
                name={`criterion_${c.id}`}
                label={`Critère « ${c.label} » : indicateurs`}
                options={indicatorOptions}
              />
            ))}
            <div className="actions">
              <SubmitButton name="intent" value="criteria">
                Enregistrer les critères
              </SubmitButton>
            </div>
          </ValidatedForm>
        )}
      </section>
    </div>
  );
}
