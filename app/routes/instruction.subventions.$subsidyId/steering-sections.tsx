// Steering on the staff subsidy page: the subsidy's own indicators when granted outside calls, and
// for a multi-year agreement its yearly objectives and review meetings (read by the association too).
import { Form, useLoaderData } from "@remix-run/react";
import { SelectField, SubmitButton, TextArea, TextField, ValidatedForm } from "~/components/form";
import { toDateInput } from "~/subsidies/subsidy-labels";
import {
  MAX_OBJECTIVES_PER_YEAR,
  MAX_SUBSIDY_INDICATORS,
  meetingSchema,
  objectiveSchema,
  subsidyIndicatorSchema,
} from "~/steering/agreement-schemas";
import {
  formatIndicatorValue,
  INDICATOR_KIND_LABELS,
  INDICATOR_KINDS,
  INDICATOR_UNITS,
  indicatorValueToInput,
} from "~/steering/indicators";
import { useField } from "~/components/form-context";
import { useFormFailure } from "./form-failure";
import type { loader } from "./route";

/** A hidden input the browser's validation reads too (the year an objective or a meeting belongs to). */
function HiddenField({ name, value }: { name: string; value: string | number }) {
  const { form } = useField(name);
  return <input type="hidden" defaultValue={String(value)} {...form.register(name)} />;
}

const KIND_OPTIONS = INDICATOR_KINDS.map((k) => ({ value: k, label: INDICATOR_KIND_LABELS[k] }));
const UNIT_OPTIONS = INDICATOR_UNITS.map((u) => ({ value: u.key, label: u.label }));

export function SteeringSections() {
  const { subsidy: s } = useLoaderData<typeof loader>();
  return (
    <>
      {s.dossier ? null : <SubsidyIndicatorsSection />}
      {s.multiYear ? <ObjectivesSection /> : null}
      {s.multiYear ? <MeetingsSection /> : null}
    </>
  );
}

function IndicatorFields({ prefix }: { prefix: string }) {
  return (
    <div className="form-grid">
      <TextField name="name" label={`${prefix} – nom`} required />
      <SelectField name="kind" label={`${prefix} – type`} options={KIND_OPTIONS} required />
      <SelectField name="unit" label={`${prefix} – unité`} options={UNIT_OPTIONS} required />
      <TextField name="target" label={`${prefix} – objectif`} inputMode="decimal" hint="Par exemple 120 ou 12,5." />
    </div>
  );
}

function SubsidyIndicatorsSection() {
  const { steering } = useLoaderData<typeof loader>();
  const own = steering.indicators.filter((i) => !i.dossierId);
  const adding = useFormFailure("indicator_add");
  return (
    <section className="card stack" aria-labelledby="indicateurs-subvention">
      <h2 id="indicateurs-subvention">Indicateurs de la subvention</h2>
      <p className="small muted">
        Hors appel à projets, fixez ici les indicateurs et leurs objectifs : le compte rendu financier demandera leur valeur atteinte.
      </p>
      {own.map((i, n) => (
        <IndicatorForm key={`${i.id}-${i.name}-${i.target}`} indicator={i} number={n + 1} />
      ))}
      {own.length < MAX_SUBSIDY_INDICATORS ? (
        <ValidatedForm schema={subsidyIndicatorSchema} method="post" actionData={adding} key={`add-${own.length}`}>
          <input type="hidden" name="intent" value="indicator_add" />
          <h3>Nouvel indicateur</h3>
          <IndicatorFields prefix="Nouvel indicateur" />
          <SubmitButton>Ajouter l'indicateur</SubmitButton>
        </ValidatedForm>
      ) : (
        <p>{MAX_SUBSIDY_INDICATORS} indicateurs au plus par subvention.</p>
      )}
    </section>
  );
}

function IndicatorForm({
  indicator: i,
  number,
}: {
  indicator: { id: string; name: string; kind: string; unit: string; target: number | null };
  number: number;
}) {
  const failure = useFormFailure("indicator_edit", { key: "indicatorId", value: i.id });
  const prefix = `Indicateur ${number}`;
  return (
    <div className="stack">
      <ValidatedForm
        schema={subsidyIndicatorSchema}
        method="post"
        actionData={failure}
        defaultValues={{ name: i.name, kind: i.kind, unit: i.unit, target: indicatorValueToInput(i.target) }}
      >
        <input type="hidden" name="intent" value="indicator_edit" />
        <input type="hidden" name="indicatorId" value={i.id} />
        <h3>
          {prefix} : {i.name} ({formatIndicatorValue(i.target, i.unit)})
        </h3>
        <IndicatorFields prefix={prefix} />
        <SubmitButton className="button button-secondary">{`Enregistrer l'indicateur ${number}`}</SubmitButton>
      </ValidatedForm>
      <Form method="post">
        <input type="hidden" name="intent" value="indicator_remove" />
        <input type="hidden" name="indicatorId" value={i.id} />
        <button type="submit" className="button button-secondary">{`Retirer l'indicateur ${number}`}</button>
      </Form>
    </div>
  );
}

function ObjectiveFields({ prefix, options }: { prefix: string; options: { value: string; label: string }[] }) {
  return (
    <div className="form-grid">
      <TextField name="title" label={`${prefix} – intitulé`} required />
      <SelectField name="indicatorId" label={`${prefix} – indicateur`} options={options} placeholder="Aucun indicateur" />
      <TextField name="target" label={`${prefix} – cible`} inputMode="decimal" hint="Dans l'unité de l'indicateur choisi." />
    </div>
  );
}

function ObjectivesSection() {
  const { subsidy: s, steering } = useLoaderData<typeof loader>();
  const objectives = steering.agreement?.objectives ?? [];
  const options = steering.indicators.map((i) => ({ value: i.id, label: i.name }));
  return (
    <section className="card stack" aria-labelledby="objectifs-cpo">
      <h2 id="objectifs-cpo">Objectifs de la convention pluriannuelle</h2>
      <p className="small muted">
        Peu d'objectifs ({MAX_OBJECTIVES_PER_YEAR} au plus par année), mesurés si possible par un indicateur du projet. L'association les
        voit sur sa page.
      </p>
      {s.years.map(({ year }) => {
        const mine = objectives.filter((o) => o.year === year);
        return (
          <div key={year} className="stack">
            <h3>Objectifs {year}</h3>
            {mine.length === 0 ? <p className="muted">Aucun objectif pour {year}.</p> : null}
            {mine.map((o, n) => (
              <ObjectiveForm
                key={`${o.id}-${o.title}-${o.target}-${o.indicatorId}`}
                objective={o}
                label={`Objectif ${year} n°${n + 1}`}
                options={options}
              />
            ))}
            {mine.length < MAX_OBJECTIVES_PER_YEAR ? <NewObjectiveForm year={year} count={mine.length} options={options} /> : null}
          </div>
        );
      })}
    </section>
  );
}

function NewObjectiveForm({ year, count, options }: { year: number; count: number; options: { value: string; label: string }[] }) {
  const failure = useFormFailure("objective_add", { key: "year", value: String(year) });
  return (
    <ValidatedForm
      schema={objectiveSchema}
      method="post"
      actionData={failure}
      key={`new-${year}-${count}`}
      defaultValues={{ year: String(year) }}
    >
      <input type="hidden" name="intent" value="objective_add" />
      <HiddenField name="year" value={year} />
      <ObjectiveFields prefix={`Nouvel objectif ${year}`} options={options} />
      <SubmitButton>{`Ajouter l'objectif ${year}`}</SubmitButton>
    </ValidatedForm>
  );
}

function ObjectiveForm({
  objective: o,
  label,
  options,
}: {
  objective: { id: string; year: number; title: string; indicatorId: string | null; target: number | null };
  label: string;
  options: { value: string; label: string }[];
}) {
  const failure = useFormFailure("objective_edit", { key: "objectiveId", value: o.id });
  return (
    <div className="stack">
      <ValidatedForm
        schema={objectiveSchema}
        method="post"
        actionData={failure}
        defaultValues={{ year: String(o.year), title: o.title, indicatorId: o.indicatorId ?? "", target: indicatorValueToInput(o.target) }}
      >
        <input type="hidden" name="intent" value="objective_edit" />
        <input type="hidden" name="objectiveId" value={o.id} />
        <HiddenField name="year" value={o.year} />
        <ObjectiveFields prefix={label} options={options} />
        <SubmitButton className="button button-secondary">{`Enregistrer l'${label.toLowerCase()}`}</SubmitButton>
      </ValidatedForm>
      <Form method="post">
        <input type="hidden" name="intent" value="objective_remove" />
        <input type="hidden" name="objectiveId" value={o.id} />
        <button type="submit" className="button button-secondary">{`Supprimer l'${label.toLowerCase()}`}</button>
      </Form>
    </div>
  );
}

function MeetingsSection() {
  const { subsidy: s, steering } = useLoaderData<typeof loader>();
  const meetings = steering.agreement?.meetings ?? [];
  return (
    <section className="card stack" aria-labelledby="dialogues-gestion">
      <h2 id="dialogues-gestion">Dialogues de gestion</h2>
      <p className="small muted">
        Chaque année, le dialogue de gestion compare ce qui a été fait aux objectifs. Son compte rendu est visible par l'association, qui
        est prévenue par courriel à chaque enregistrement.
      </p>
      {s.years.map(({ year }) => (
        <MeetingForm key={year} year={year} meeting={meetings.find((m) => m.year === year) ?? null} />
      ))}
    </section>
  );
}

function MeetingForm({
  year,
  meeting: m,
}: {
  year: number;
  meeting: { heldOn: string | Date; participants: string; notes: string; decisions: string; updatedAt: string | Date } | null;
}) {
  const failure = useFormFailure("meeting_save", { key: "year", value: String(year) });
  return (
    <ValidatedForm
      schema={meetingSchema}
      method="post"
      actionData={failure}
      key={`meeting-${year}-${m ? String(m.updatedAt) : "new"}`}
      defaultValues={
        m
          ? {
              year: String(year),
              heldOn: toDateInput(new Date(m.heldOn)),
              participants: m.participants,
              notes: m.notes,
              decisions: m.decisions,
            }
          : { year: String(year) }
      }
    >
      <h3>Dialogue de gestion {year}</h3>
      {m ? null : <p className="muted">Pas encore enregistré.</p>}
      <input type="hidden" name="intent" value="meeting_save" />
      <HiddenField name="year" value={year} />
      <TextField name="heldOn" label={`Date du dialogue de gestion ${year}`} type="date" required />
      <TextArea name="participants" label={`Participants (${year})`} required rows={2} />
      <TextArea name="notes" label={`Compte rendu des échanges (${year})`} required rows={4} />
      <TextArea name="decisions" label={`Décisions (${year})`} rows={3} />
      <SubmitButton>{`Enregistrer le dialogue de gestion ${year}`}</SubmitButton>
    </ValidatedForm>
  );
}
