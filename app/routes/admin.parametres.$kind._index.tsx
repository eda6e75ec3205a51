import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/accounts/auth.server";
import { pageTitle } from "~/lib/meta";
import { SubmitButton, TextArea, TextField, ValidatedForm, isActionFailure } from "~/components/form";
import { notFoundError } from "~/lib/domain-error";
import { redirectWithFlash } from "~/lib/flash.server";
import { domainAction, domainLoader, formDataToObject, invalid, parseWith, unknownIntent } from "~/lib/forms.server";
import { usageCounts } from "~/settings/retiring.server";
import { addTermSchema } from "~/settings/schemas";
import { SettingsNav } from "~/settings/settings-nav";
import { kindOfSegment, kindPath, retirePath, termPath } from "~/settings/settings-paths";
import { addTerm, moveTerm, restoreTerm } from "~/settings/terms.server";
import { getTaxonomy } from "~/settings/taxonomy.server";
import { TAXONOMY_KIND_LABELS, type TaxonomyKind } from "~/settings/taxonomy";

const HELP: Record<TaxonomyKind, string> = {
  district:
    "Les quartiers où les associations agissent, proposés dans leur profil et comme filtre de l'annuaire. Un quartier retiré n'est plus proposé, mais les associations qui l'avaient le gardent (son nom s'affiche toujours) tant que vous ne les rattachez pas à un autre quartier.",
  field:
    "Les domaines d'action des associations, proposés dans leur profil et comme filtre de l'annuaire. Chacun se relie à des codes « objet social » du RNA (pour l'import) et à des thématiques data·inclusion (pour les données ouvertes).",
  public:
    "Les personnes que les associations accompagnent, proposées dans leur profil et comme filtre de l'annuaire. Chacun se relie à des publics data·inclusion (pour les données ouvertes).",
};

const NO_ANSWER = {};

function kindOf(segment: string | undefined) {
  const kind = kindOfSegment(segment);
  if (!kind) throw notFoundError();
  return kind;
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, `Paramètres : ${data ? TAXONOMY_KIND_LABELS[data.kind].plural.toLowerCase() : "listes"}`) },
];

export const loader = (args: LoaderFunctionArgs) => domainLoader(load)(args);

async function load({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const kind = kindOf(params.kind);
  const [taxonomy, usage] = await Promise.all([getTaxonomy(), usageCounts(kind)]);
  return {
    kind,
    terms: taxonomy
      .all(kind)
      .map((t) => ({ slug: t.slug, label: t.label, description: t.description, retired: t.retired, used: usage[t.slug] ?? 0 })),
  };
}

export const action = (args: ActionFunctionArgs) => domainAction(act)(args);

async function act({ request, params }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const kind = kindOf(params.kind);
  const here = kindPath(kind);
  const values = formDataToObject(await request.formData());
  const key = { kind, slug: String(values.slug ?? "") };
  if (values.intent === "up" || values.intent === "down") {
    await moveTerm(key, values.intent, admin);
    return redirectWithFlash(here, "Ordre enregistré.");
  }
  if (values.intent === "restore") {
    const term = await restoreTerm(key, admin);
    return redirectWithFlash(here, `« ${term.label} » est de nouveau proposé.`);
  }
  if (values.intent !== "add") return unknownIntent(values);
  const parsed = parseWith(addTermSchema, values);
  if (!parsed.ok) return invalid(parsed);
  const term = await addTerm(kind, parsed.data, admin);
  return redirectWithFlash(here, `« ${term.label} » ajouté.`);
}

export default function TermList() {
  const { kind, terms } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const labels = TAXONOMY_KIND_LABELS[kind];
  // A refused move or restore shows above the list; the add form shows only its own answers.
  const failure = isActionFailure(actionData) ? actionData : null;
  const addAnswer = failure?.values.intent === "add" ? failure : NO_ANSWER;
  const listError = failure && failure.values.intent !== "add" ? (failure.formError ?? Object.values(failure.errors)[0]) : null;
  const active = terms.filter((t) => !t.retired);
  return (
    <div className="container page">
      <SettingsNav />
      <h1>{labels.plural}</h1>
      <p className="lead">{HELP[kind]}</p>
      {listError ? (
        <div className="alert alert-error" role="alert">
          {listError}
        </div>
      ) : null}
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{labels.plural}, dans l'ordre où ils sont proposés</caption>
          <thead>
            <tr>
              <th scope="col">Libellé</th>
              <th scope="col">Identifiant</th>
              <th scope="col">Associations</th>
              <th scope="col">État</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {terms.map((t) => (
              <tr key={t.slug}>
                <th scope="row">
                  <Link to={termPath(kind, t.slug)}>{t.label}</Link>
                  {t.description ? <div className="muted small">{t.description}</div> : null}
                </th>
                <td>
                  <code>{t.slug}</code>
                </td>
                <td>{t.used}</td>
                <td>
                  {t.retired ? <span className="badge badge-grey">Retiré</span> : <span className="badge badge-green">En service</span>}
                </td>
                <td>
                  <Form method="post" className="actions">
                    <input type="hidden" name="slug" value={t.slug} />
                    {!t.retired ? (
                      <>
                        <button type="submit" name="intent" value="up" className="link-button" aria-label={`Monter « ${t.label} »`}>
                          Monter
                        </button>
                        <button type="submit" name="intent" value="down" className="link-button" aria-label={`Descendre « ${t.label} »`}>
                          Descendre
                        </button>
                        <Link to={retirePath(kind, t.slug)} aria-label={`Retirer « ${t.label} »`}>
                          Retirer
                        </Link>
                      </>
                    ) : (
                      <>
                        <button type="submit" name="intent" value="restore" className="link-button" aria-label={`Rétablir « ${t.label} »`}>
                          Rétablir
                        </button>
                        {t.used > 0 ? (
                          <Link to={retirePath(kind, t.slug)} aria-label={`Réaffecter les associations de « ${t.label} »`}>
                            Réaffecter
                          </Link>
                        ) : null}
                      </>
                    )}
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">
        {active.length} en service. L'identifiant est fixé à la création, d'après le premier libellé : il ne change plus, même si vous
        renommez, car les associations, les adresses de l'annuaire et l'index de recherche le conservent.
      </p>
      <h2>Ajouter un {labels.singular}</h2>
      <ValidatedForm key={terms.length} schema={addTermSchema} method="post" actionData={addAnswer}>
        <TextField name="label" label="Libellé" required />
        <TextArea
          name="description"
          label="Description"
          rows={2}
          hint="Une phrase d'explication, affichée sous le libellé dans les formulaires."
        />
        {kind !== "district" ? (
          <p className="muted">Les correspondances (RNA, data·inclusion) se renseignent ensuite sur la page du {labels.singular}.</p>
        ) : null}
        <SubmitButton name="intent" value="add">
          Ajouter
        </SubmitButton>
      </ValidatedForm>
    </div>
  );
}
