// A reviewer's saved filters of the queue: listed, opened, deleted; the queue page's
// « Enregistrer ce filtre » posts here (a refused name comes back to this page, typed name kept).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireStaff } from "~/accounts/auth.server";
import { isActionFailure, SubmitButton, TextField, ValidatedForm } from "~/components/form";
import { redirectWithFlash } from "~/lib/flash.server";
import { domainAction, domainLoader, formDataToObject, invalid, parseWith, unknownIntent } from "~/lib/forms.server";
import { pageTitle } from "~/lib/meta";
import { normaliseQueueQuery } from "~/review/queue-query";
import { MAX_SAVED_FILTERS, savedFilterSchema } from "~/review/routing-schemas";
import { deleteSavedFilter, listSavedFilters, saveFilter } from "~/review/saved-filters.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Mes filtres enregistrés") }];

export const loader = (args: LoaderFunctionArgs) => domainLoader(load)(args);

async function load({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  return { filters: await listSavedFilters(user), max: MAX_SAVED_FILTERS };
}

export const action = (args: ActionFunctionArgs) => domainAction(post)(args);

async function post({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const values = formDataToObject(await request.formData());
  switch (values.intent) {
    case "save": {
      const parsed = parseWith(savedFilterSchema, values);
      if (!parsed.ok) return invalid(parsed);
      const saved = await saveFilter(user, parsed.data);
      return redirectWithFlash(`/instruction/dossiers${saved.query ? `?${saved.query}` : ""}`, `Filtre « ${saved.name} » enregistré.`);
    }
    case "delete": {
      const deleted = await deleteSavedFilter(user, String(values.filterId ?? ""));
      return redirectWithFlash("/instruction/filtres", `Filtre « ${deleted.name} » supprimé.`, "info");
    }
    default:
      return unknownIntent(values);
  }
}

export default function SavedFiltersPage() {
  const { filters, max } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failure = isActionFailure(actionData) && actionData.values.intent === "save" ? actionData : null;
  const failedQuery = failure ? normaliseQueueQuery(String(failure.values.query ?? "")) : "";
  return (
    <div className="container page">
      <p>
        <Link to="/instruction/dossiers">‹ Dossiers à instruire</Link>
      </p>
      <h1>Mes filtres enregistrés</h1>
      {failure ? (
        <section className="card stack" aria-labelledby="enregistrer">
          <h2 id="enregistrer">Enregistrer le filtre</h2>
          <ValidatedForm schema={savedFilterSchema} method="post" actionData={failure} defaultValues={{ name: "" }}>
            <input type="hidden" name="query" value={failedQuery} />
            <TextField name="name" label="Nom du filtre" required />
            <div className="actions">
              <SubmitButton name="intent" value="save">
                Enregistrer ce filtre
              </SubmitButton>
              <Link to={`/instruction/dossiers${failedQuery ? `?${failedQuery}` : ""}`}>Revenir aux dossiers sans enregistrer</Link>
            </div>
          </ValidatedForm>
        </section>
      ) : null}
      <p className="muted">
        Vos filtres ne sont visibles que par vous ({filters.length} sur {max} au plus).
      </p>
      {filters.length ? (
        <ul className="stack">
          {filters.map((f) => (
            <li key={f.id}>
              <Link to={`/instruction/dossiers${f.query ? `?${f.query}` : ""}`}>{f.name}</Link>{" "}
              <Form method="post" style={{ display: "inline" }}>
                <input type="hidden" name="filterId" value={f.id} />
                <button type="submit" name="intent" value="delete" className="link-button">
                  Supprimer le filtre « {f.name} »
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p>Aucun filtre enregistré. Sur la liste des dossiers, choisissez un onglet et des filtres, puis « Enregistrer ce filtre ».</p>
      )}
    </div>
  );
}
