import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/accounts/auth.server";
import { SubmitButton, TextField, ValidatedForm, failureFor, isActionFailure } from "~/components/form";
import { prisma } from "~/db.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { pluralize } from "~/lib/format";
import { domainAction, domainLoader, formDataToObject, invalid, parseWith, unknownIntent } from "~/lib/forms.server";
import { pageTitle } from "~/lib/meta";
import { SettingsNav } from "~/settings/settings-nav";
import { SYNONYMS_PATH } from "~/settings/settings-paths";
import { MAX_SYNONYM_GROUPS, synonymGroupSchema, termsAsText } from "~/settings/synonym-schemas";
import {
  createSynonymGroup,
  deleteSynonymGroup,
  listSynonymGroups,
  updateSynonymGroup,
  type SynonymSave,
} from "~/settings/synonyms.server";

const TERMS_HINT = "Séparés par des virgules, par exemple « colis, panier, aide alimentaire ». De 2 à 20 termes, de 60 caractères au plus.";
const ENGINE_DOWN = "Les synonymes seront appliqués dès que le moteur de recherche sera disponible.";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Paramètres : synonymes de la recherche") }];

export const loader = (args: LoaderFunctionArgs) => domainLoader(load)(args);

async function load({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const url = new URL(request.url);
  const groups = (await listSynonymGroups(prisma)).map((group) => ({ id: group.id, text: termsAsText(group.terms) }));
  // The group being edited or about to be deleted, named by the page's address (a stale one is ignored).
  const editing = groups.find((group) => group.id === url.searchParams.get("modifier")) ?? null;
  const deleting = groups.find((group) => group.id === url.searchParams.get("supprimer")) ?? null;
  return { groups, editing, deleting };
}

export const action = (args: ActionFunctionArgs) => domainAction(act)(args);

function saved(message: string, save: SynonymSave) {
  return save.applied ? redirectWithFlash(SYNONYMS_PATH, message) : redirectWithFlash(SYNONYMS_PATH, `${message} ${ENGINE_DOWN}`, "info");
}

async function act({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const values = formDataToObject(await request.formData());
  const id = String(values.id ?? "");
  if (values.intent === "delete") {
    const save = await deleteSynonymGroup(id, admin);
    return saved(`Groupe « ${termsAsText(save.group.terms)} » supprimé.`, save);
  }
  if (values.intent !== "add" && values.intent !== "update") return unknownIntent(values);
  const parsed = parseWith(synonymGroupSchema, values);
  if (!parsed.ok) return invalid(parsed);
  if (values.intent === "add") {
    const save = await createSynonymGroup(parsed.data, admin);
    return saved(`Groupe « ${termsAsText(save.group.terms)} » ajouté.`, save);
  }
  const save = await updateSynonymGroup(id, parsed.data, admin);
  return saved(`Groupe « ${termsAsText(save.group.terms)} » enregistré.`, save);
}

export default function SynonymSettings() {
  const { groups, editing, deleting } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failure = isActionFailure(actionData) ? actionData : null;
  // A refused deletion (a group gone meanwhile) shows above the list; each form shows only its own answers.
  const listError = failure?.values.intent === "delete" ? (failure.formError ?? Object.values(failure.errors)[0]) : null;
  return (
    <div className="container page">
      <SettingsNav />
      <h1>Synonymes de la recherche</h1>
      <p className="lead">
        Les mots que la recherche de l'annuaire tient pour équivalents : une personne qui cherche l'un trouve aussi les associations qui
        emploient un autre terme du même groupe. Un terme n'appartient qu'à un groupe.
      </p>
      {listError ? (
        <div className="alert alert-error" role="alert">
          {listError}
        </div>
      ) : null}

      {deleting ? (
        <section className="card stack" aria-labelledby="delete-title">
          <h2 id="delete-title">Supprimer le groupe « {deleting.text} » ?</h2>
          <p>La recherche ne tiendra plus ces termes pour équivalents. Les associations et leurs textes ne changent pas.</p>
          <Form method="post" className="actions">
            <input type="hidden" name="id" value={deleting.id} />
            <button type="submit" name="intent" value="delete" className="button button-danger">
              Supprimer ce groupe
            </button>
            <Link to={SYNONYMS_PATH}>Annuler</Link>
          </Form>
        </section>
      ) : null}

      {editing ? (
        <section className="card stack" aria-labelledby="edit-title">
          <h2 id="edit-title">Modifier le groupe « {editing.text} »</h2>
          <ValidatedForm
            key={editing.id}
            schema={synonymGroupSchema}
            method="post"
            defaultValues={{ terms: editing.text }}
            actionData={failureFor(actionData, { intent: "update", id: editing.id })}
          >
            <input type="hidden" name="id" value={editing.id} />
            <TextField name="terms" label="Termes du groupe" required hint={TERMS_HINT} />
            <div className="actions">
              <SubmitButton name="intent" value="update">
                Enregistrer le groupe
              </SubmitButton>
              <Link to={SYNONYMS_PATH}>Annuler</Link>
            </div>
          </ValidatedForm>
        </section>
      ) : null}

      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Groupes de synonymes, dans l'ordre où ils ont été créés</caption>
          <thead>
            <tr>
              <th scope="col">Termes équivalents</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((group) => (
              <tr key={group.id}>
                <td>{group.text}</td>
                <td>
                  <div className="actions">
                    <Link to={`?modifier=${encodeURIComponent(group.id)}`} aria-label={`Modifier le groupe « ${group.text} »`}>
                      Modifier
                    </Link>
                    <Link to={`?supprimer=${encodeURIComponent(group.id)}`} aria-label={`Supprimer le groupe « ${group.text} »`}>
                      Supprimer
                    </Link>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">
        {groups.length === 0 ? "Aucun groupe." : pluralize(groups.length, "groupe")} ({MAX_SYNONYM_GROUPS} au plus). Un changement
        s'applique à la recherche en quelques secondes.
      </p>

      <h2 id="add-title">Ajouter un groupe</h2>
      <ValidatedForm
        key={groups.length}
        schema={synonymGroupSchema}
        method="post"
        defaultValues={{ terms: "" }}
        actionData={failureFor(actionData, { intent: "add" })}
        aria-labelledby="add-title"
      >
        <TextField name="terms" label="Termes équivalents" required hint={TERMS_HINT} />
        <SubmitButton name="intent" value="add">
          Ajouter le groupe
        </SubmitButton>
      </ValidatedForm>
    </div>
  );
}
