// A call's labels: its reviewers and administrators create, rename, recolour and delete them.
// Deleting asks first, saying how many dossiers carry the label (?supprimer=<id>, no script needed).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireStaff } from "~/accounts/auth.server";
import { SelectField, SubmitButton, TextField, ValidatedForm, isActionFailure } from "~/components/form";
import { redirectWithFlash } from "~/lib/flash.server";
import { domainAction, domainLoader, formDataToObject, invalid, parseWith, unknownIntent } from "~/lib/forms.server";
import { pageTitle } from "~/lib/meta";
import { pluralize } from "~/lib/format";
import { LabelChip } from "~/review/label-chips";
import { createLabelSchema, deleteLabelSchema, updateLabelSchema } from "~/review/label-schemas";
import { LABEL_COLOR_OPTIONS, LABEL_NAME_MAX, LABELS_PER_CALL_MAX } from "~/review/labels";
import { createCallLabel, deleteCallLabel, getCallLabelsPage, labelForDeletion, updateCallLabel } from "~/review/labels.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, `Étiquettes – ${data?.call.title ?? "appel"}`) },
];

const NO_ANSWER = {};

export const loader = (args: LoaderFunctionArgs) => domainLoader(load)(args);

async function load({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const page = await getCallLabelsPage(user, params.callId!);
  const toDelete = new URL(request.url).searchParams.get("supprimer");
  const deletion = toDelete ? await labelForDeletion(user, params.callId!, toDelete.slice(0, 64)) : null;
  return { ...page, deletion, deletionMissing: Boolean(toDelete) && !deletion };
}

export const action = (args: ActionFunctionArgs) => domainAction(act)(args);

async function act({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const callId = params.callId!;
  const here = `/instruction/appels/${callId}/etiquettes`;
  const values = formDataToObject(await request.formData());
  switch (values.intent) {
    case "create": {
      const parsed = parseWith(createLabelSchema, values);
      if (!parsed.ok) return invalid(parsed);
      const label = await createCallLabel(user, callId, parsed.data);
      return redirectWithFlash(here, `Étiquette « ${label.name} » créée.`);
    }
    case "update": {
      const parsed = parseWith(updateLabelSchema, values);
      if (!parsed.ok) return invalid(parsed);
      const label = await updateCallLabel(user, callId, parsed.data);
      return redirectWithFlash(here, `Étiquette « ${label.name} » enregistrée.`);
    }
    case "delete": {
      const parsed = parseWith(deleteLabelSchema, values);
      if (!parsed.ok) return invalid(parsed);
      const { name, dossierCount } = await deleteCallLabel(user, callId, parsed.data.labelId);
      return redirectWithFlash(
        here,
        `Étiquette « ${name} » supprimée${dossierCount ? ` et retirée de ${pluralize(dossierCount, "dossier", "dossiers")}` : ""}.`,
        "info",
      );
    }
    default:
      return unknownIntent(values);
  }
}

export default function CallLabels() {
  const { call, labels, deletion, deletionMissing } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failure = isActionFailure(actionData) ? actionData : null;
  const answerFor = (intent: string, labelId?: string) =>
    failure && failure.values.intent === intent && (labelId === undefined || failure.values.labelId === labelId) ? failure : NO_ANSWER;
  const deleteError = failure?.values.intent === "delete" ? (failure.formError ?? Object.values(failure.errors)[0]) : null;
  const full = labels.length >= LABELS_PER_CALL_MAX;
  return (
    <div className="container page">
      <p className="actions">
        <Link to={`/instruction/appels/${call.id}/dossiers`}>‹ Tableau des dossiers de l'appel</Link>
        <Link to={`/instruction/appels/${call.id}/classement`}>Classement de l'appel</Link>
      </p>
      <h1>Étiquettes : {call.title}</h1>
      <p className="lead">
        Les étiquettes classent les dossiers de cet appel (« à compléter », « priorité », « comité de mars »…). Elles sont visibles par le
        seul personnel du CCAS, jamais par les associations.
      </p>
      {deleteError ? (
        <div className="alert alert-error" role="alert">
          {deleteError}
        </div>
      ) : null}
      {deletionMissing ? (
        <div className="alert alert-warning" role="alert">
          Cette étiquette n'existe plus sur cet appel.
        </div>
      ) : null}
      {deletion ? (
        <div className="alert alert-warning" role="alertdialog" aria-labelledby="suppression-titre" aria-describedby="suppression-texte">
          <h2 className="alert-title" id="suppression-titre">
            Supprimer l'étiquette « {deletion.name} » ?
          </h2>
          <p id="suppression-texte">
            {deletion.dossierCount === 0
              ? "Aucun dossier ne porte cette étiquette."
              : `${pluralize(deletion.dossierCount, "dossier porte", "dossiers portent")} cette étiquette : elle leur sera retirée.`}{" "}
            La suppression est définitive.
          </p>
          <Form method="post" className="actions">
            <input type="hidden" name="labelId" value={deletion.id} />
            <button type="submit" name="intent" value="delete" className="button button-danger">
              Supprimer l'étiquette
            </button>
            <Link to={`/instruction/appels/${call.id}/etiquettes`}>Annuler</Link>
          </Form>
        </div>
      ) : null}

      <h2>Étiquettes de l'appel</h2>
      {labels.length ? (
        <ul className="stack" style={{ listStyle: "none", padding: 0 }}>
          {labels.map((l) => (
            <li key={l.id} className="card">
              <p>
                <LabelChip name={l.name} color={l.color} />{" "}
                <span className="small muted">{pluralize(l.dossierCount, "dossier", "dossiers")}</span>
              </p>
              <ValidatedForm
                key={`${l.id}-${l.name}-${l.color}`}
                schema={updateLabelSchema}
                method="post"
                actionData={answerFor("update", l.id)}
                defaultValues={{ labelId: l.id, name: l.name, color: l.color }}
              >
                <input type="hidden" name="labelId" value={l.id} />
                <TextField name="name" label={`Nom de l'étiquette « ${l.name} »`} required />
                <SelectField name="color" label={`Couleur de l'étiquette « ${l.name} »`} required options={LABEL_COLOR_OPTIONS} />
                <div className="actions">
                  <SubmitButton name="intent" value="update" className="button button-secondary">
                    Enregistrer « {l.name} »
                  </SubmitButton>
                  <Link to={`?supprimer=${l.id}`}>Supprimer « {l.name} »…</Link>
                </div>
              </ValidatedForm>
            </li>
          ))}
        </ul>
      ) : (
        <p>Cet appel n'a pas encore d'étiquette.</p>
      )}

      <h2>Nouvelle étiquette</h2>
      {full ? (
        <p>Cet appel compte déjà {LABELS_PER_CALL_MAX} étiquettes, le maximum : supprimez-en une pour en créer une autre.</p>
      ) : (
        <ValidatedForm
          key={labels.length}
          schema={createLabelSchema}
          method="post"
          actionData={answerFor("create")}
          defaultValues={{ name: "", color: "" }}
        >
          <TextField name="name" label="Nom" required hint={`${LABEL_NAME_MAX} caractères au plus, unique dans l'appel.`} />
          <SelectField name="color" label="Couleur" required options={LABEL_COLOR_OPTIONS} />
          <ul className="label-chips" aria-label="Aperçu des couleurs">
            {LABEL_COLOR_OPTIONS.map((c) => (
              <li key={c.value}>
                <LabelChip name={c.label} color={c.value} />
              </li>
            ))}
          </ul>
          <SubmitButton name="intent" value="create">
            Créer l'étiquette
          </SubmitButton>
        </ValidatedForm>
      )}
    </div>
  );
}
