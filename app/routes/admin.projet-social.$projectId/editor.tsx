// The social project editor's sections: the project itself, then each axis with its projets phares.
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { isActionFailure, SelectField, SubmitButton, TextArea, TextField, ValidatedForm } from "~/components/form";
import { SocialProjectFields } from "~/steering/social-project-form";
import { axisSchema, flagshipSchema, socialProjectSchema } from "~/steering/social-project-schemas";
import type { action, loader } from "./route";

/** The refusal of the form sent with this intent (for this axis or projet phare), else nothing. */
function useFailure(intent: string, record?: { key: "axisId" | "flagshipId"; id: string }) {
  const data = useActionData<typeof action>();
  if (!isActionFailure(data) || data.values.intent !== intent) return {};
  if (record && data.values[record.key] !== record.id) return {};
  return data;
}

export function ProjectSection() {
  const { project } = useLoaderData<typeof loader>();
  const failure = useFailure("project");
  const defaults = {
    title: project.title,
    startYear: String(project.startYear),
    endYear: String(project.endYear),
    adoptedOn: project.adoptedOn ? new Date(project.adoptedOn).toISOString().slice(0, 10) : "",
    description: project.description,
  };
  return (
    <section className="card stack" aria-labelledby="projet">
      <h2 id="projet">Le projet</h2>
      <ValidatedForm
        schema={socialProjectSchema}
        method="post"
        defaultValues={defaults}
        actionData={failure}
        key={JSON.stringify(defaults)}
      >
        <input type="hidden" name="intent" value="project" />
        <SocialProjectFields />
        <SubmitButton>Enregistrer le projet</SubmitButton>
      </ValidatedForm>
    </section>
  );
}

export function AxesSection() {
  const { project } = useLoaderData<typeof loader>();
  const axisOptions = project.axes.map((a) => ({ value: a.id, label: `Axe ${a.number} – ${a.title}` }));
  const addAxisFailure = useFailure("add_axis");
  const addFlagshipFailure = useFailure("add_flagship");
  return (
    <section className="stack" aria-labelledby="axes">
      <h2 id="axes">Axes et projets phares</h2>
      {project.axes.length === 0 ? <p>Ce projet n'a pas encore d'axe.</p> : null}
      {project.axes.map((axis, index) => (
        <AxisCard key={axis.id} axis={axis} first={index === 0} last={index === project.axes.length - 1} axisOptions={axisOptions} />
      ))}
      <section className="card stack" aria-labelledby="ajouter-axe">
        <h3 id="ajouter-axe">Ajouter un axe</h3>
        <ValidatedForm schema={axisSchema} method="post" actionData={addAxisFailure} key={`add-axis-${project.axes.length}`}>
          <input type="hidden" name="intent" value="add_axis" />
          <TextField name="title" label="Intitulé de l'axe" required />
          <TextArea name="description" label="Description de l'axe" rows={2} />
          <SubmitButton>Ajouter l'axe</SubmitButton>
        </ValidatedForm>
      </section>
      {project.axes.length ? (
        <section className="card stack" aria-labelledby="ajouter-projet-phare">
          <h3 id="ajouter-projet-phare">Ajouter un projet phare</h3>
          <ValidatedForm
            schema={flagshipSchema}
            method="post"
            actionData={addFlagshipFailure}
            key={`add-flagship-${project.axes.reduce((n, a) => n + a.flagships.length, 0)}`}
          >
            <input type="hidden" name="intent" value="add_flagship" />
            <TextField name="title" label="Intitulé du projet phare" required />
            <SelectField name="axisId" label="Axe" required options={axisOptions} />
            <SubmitButton>Ajouter le projet phare</SubmitButton>
          </ValidatedForm>
        </section>
      ) : null}
    </section>
  );
}

type Axis = ReturnType<typeof useLoaderData<typeof loader>>["project"]["axes"][number];

function usage(calls: number, subsidies: number) {
  const parts = [
    calls ? `${calls} appel${calls > 1 ? "s" : ""}` : "",
    subsidies ? `${subsidies} subvention${subsidies > 1 ? "s" : ""}` : "",
  ];
  const said = parts.filter(Boolean).join(", ");
  return said ? `Rattachés : ${said}.` : "Aucun appel ni subvention rattaché.";
}

function AxisCard({
  axis,
  first,
  last,
  axisOptions,
}: {
  axis: Axis;
  first: boolean;
  last: boolean;
  axisOptions: { value: string; label: string }[];
}) {
  const failure = useFailure("edit_axis", { key: "axisId", id: axis.id });
  const headingId = `axe-${axis.id}`;
  const defaults = { title: axis.title, description: axis.description };
  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h3 id={headingId}>
        Axe {axis.number} – {axis.title}
      </h3>
      <p className="small muted">{usage(axis.calls, axis.subsidies)}</p>
      <ValidatedForm schema={axisSchema} method="post" defaultValues={defaults} actionData={failure} key={JSON.stringify(defaults)}>
        <input type="hidden" name="intent" value="edit_axis" />
        <input type="hidden" name="axisId" value={axis.id} />
        <TextField name="title" label="Intitulé de l'axe" required />
        <TextArea name="description" label="Description de l'axe" rows={2} />
        <SubmitButton>Enregistrer l'axe</SubmitButton>
      </ValidatedForm>
      <Form method="post" className="actions">
        <input type="hidden" name="axisId" value={axis.id} />
        {first ? null : (
          <button type="submit" name="intent" value="up" className="button button-secondary">
            Monter l'axe {axis.number}
          </button>
        )}
        {last ? null : (
          <button type="submit" name="intent" value="down" className="button button-secondary">
            Descendre l'axe {axis.number}
          </button>
        )}
        <button type="submit" name="intent" value="remove_axis" className="button button-secondary">
          Retirer l'axe {axis.number}
        </button>
      </Form>
      <h4>Projets phares de l'axe {axis.number}</h4>
      {axis.flagships.length ? (
        <ul className="stack">
          {axis.flagships.map((f) => (
            <FlagshipItem key={f.id} flagship={f} axisOptions={axisOptions} />
          ))}
        </ul>
      ) : (
        <p>Aucun projet phare sous cet axe.</p>
      )}
    </section>
  );
}

function FlagshipItem({ flagship, axisOptions }: { flagship: Axis["flagships"][number]; axisOptions: { value: string; label: string }[] }) {
  const failure = useFailure("edit_flagship", { key: "flagshipId", id: flagship.id });
  const defaults = { title: flagship.title, axisId: flagship.axisId };
  return (
    <li className="stack" aria-label={`Projet phare n°${flagship.number}`}>
      <p>
        <strong>
          Projet phare n°{flagship.number} – {flagship.title}
        </strong>{" "}
        <span className="small muted">{usage(flagship.calls, flagship.subsidies)}</span>
      </p>
      <ValidatedForm schema={flagshipSchema} method="post" defaultValues={defaults} actionData={failure} key={JSON.stringify(defaults)}>
        <input type="hidden" name="intent" value="edit_flagship" />
        <input type="hidden" name="flagshipId" value={flagship.id} />
        <div className="form-grid">
          <TextField name="title" label="Intitulé du projet phare" required />
          <SelectField name="axisId" label="Axe" required options={axisOptions} />
        </div>
        <SubmitButton>Enregistrer le projet phare</SubmitButton>
      </ValidatedForm>
      <Form method="post">
        <input type="hidden" name="flagshipId" value={flagship.id} />
        <button type="submit" name="intent" value="remove_flagship" className="button button-secondary">
          Retirer le projet phare n°{flagship.number}
        </button>
      </Form>
    </li>
  );
}
