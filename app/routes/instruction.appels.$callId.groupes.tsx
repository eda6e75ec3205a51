// A call's reviewer groups (routing): the call's reviewers see them and apply the rules again to
// the dossiers without a group; administrators create, change, order and delete them (decision 021).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireStaff } from "~/accounts/auth.server";
import { isActionFailure } from "~/components/form";
import { redirectWithFlash } from "~/lib/flash.server";
import { centsToInput, pluralize } from "~/lib/format";
import { domainAction, domainLoader, formDataToObject, invalid, parseWith, unknownIntent } from "~/lib/forms.server";
import { pageTitle } from "~/lib/meta";
import { ruleLabels } from "~/review/dossier-routing.server";
import { ReviewGroupForm } from "~/review/review-group-form";
import {
  createReviewGroup,
  deleteReviewGroup,
  getCallRouting,
  groupCandidates,
  moveReviewGroup,
  requireGroupManager,
  updateReviewGroup,
} from "~/review/review-groups.server";
import { describeRules } from "~/review/routing-rules";
import { reviewGroupSchema } from "~/review/routing-schemas";
import { reapplyRouting } from "~/review/routing.server";
import { formChoices, validationChoices } from "~/settings/taxonomy-choices";
import { getTaxonomy } from "~/settings/taxonomy.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, `Groupes d'instruction – ${data?.call.title ?? "Appel à projets"}`) },
];

export const loader = (args: LoaderFunctionArgs) => domainLoader(load)(args);

async function load({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const routing = await getCallRouting(user, params.callId ?? "");
  const [taxonomy, labels] = await Promise.all([getTaxonomy(), ruleLabels()]);
  const editId = new URL(request.url).searchParams.get("modifier");
  const editing = routing.canManage ? (routing.groups.find((g) => g.id === editId) ?? null) : null;
  const held = editing
    ? { field: editing.fieldSlug ? [editing.fieldSlug] : [], district: editing.districtSlug ? [editing.districtSlug] : [] }
    : {};
  return {
    ...routing,
    groups: routing.groups.map((g) => ({ ...g, rules: describeRules(g, labels) })),
    editing,
    choices: formChoices(taxonomy, held),
  };
}

export const action = (args: ActionFunctionArgs) => domainAction(post)(args);

const MANAGING = ["create", "update", "delete", "move"];

async function post({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const callId = params.callId ?? "";
  const here = `/instruction/appels/${callId}/groupes`;
  const values = formDataToObject(await request.formData());
  const intent = String(values.intent ?? "");
  if (MANAGING.includes(intent)) requireGroupManager(user);
  const groupId = String(values.groupId ?? "");
  const parseGroup = async () => {
    const candidates = await groupCandidates(callId);
    return parseWith(
      reviewGroupSchema(
        validationChoices(await getTaxonomy()),
        candidates.map((c) => c.id),
      ),
      values,
    );
  };
  switch (intent) {
    case "create": {
      const parsed = await parseGroup();
      if (!parsed.ok) return invalid(parsed);
      const group = await createReviewGroup(user, callId, parsed.data);
      return redirectWithFlash(
        here,
        `Groupe « ${group.name} » créé. Les prochains dossiers déposés lui seront attribués selon ses règles.`,
      );
    }
    case "update": {
      const parsed = await parseGroup();
      if (!parsed.ok) return invalid(parsed);
      const group = await updateReviewGroup(user, callId, groupId, parsed.data);
      return redirectWithFlash(here, `Groupe « ${group.name} » enregistré.`);
    }
    case "delete": {
      const group = await deleteReviewGroup(user, callId, groupId);
      return redirectWithFlash(here, `Groupe « ${group.name} » supprimé ; ses dossiers sont maintenant sans groupe.`, "info");
    }
    case "move": {
      await moveReviewGroup(user, callId, groupId, values.direction === "up" ? "up" : "down");
      return redirectWithFlash(here, "Ordre des groupes enregistré.");
    }
    case "reapply": {
      const { assigned, withoutGroup } = await reapplyRouting(user, callId);
      return redirectWithFlash(
        here,
        withoutGroup
          ? `${pluralize(assigned, "dossier a trouvé", "dossiers ont trouvé")} un groupe sur ${withoutGroup} sans groupe.`
          : "Aucun dossier n'était sans groupe.",
        "info",
      );
    }
    default:
      return unknownIntent(values);
  }
}

export default function CallGroups() {
  const { call, groups, candidates, withoutGroup, canManage, editing, choices } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failure = isActionFailure(actionData) ? actionData : null;
  const dataFor = (intent: string) => (failure && failure.values.intent === intent ? failure : undefined);
  const here = `/instruction/appels/${call.id}/groupes`;
  const emptyGroup = { name: "", memberIds: [], fieldSlug: "", districtSlug: "", minAmount: "", maxAmount: "" };
  return (
    <div className="container page">
      <p>
        <Link to={`/instruction/dossiers?appel=${call.id}`}>‹ Dossiers de l'appel</Link>
      </p>
      <h1>Groupes d'instruction – {call.title}</h1>
      <p>
        À son premier dépôt, un dossier est attribué au premier groupe, dans l'ordre ci-dessous, dont il remplit toutes les règles ; s'il
        n'en remplit aucune, il reste « sans groupe » et figure dans l'onglet « À suivre » de tous les instructeur·rices de l'appel.
      </p>
      {failure && !["create", "update"].includes(String(failure.values.intent)) ? (
        <p className="alert alert-error" role="alert">
          {failure.formError ?? Object.values(failure.errors)[0]}
        </p>
      ) : null}
      <div className="stack">
        {groups.length ? (
          <ol className="stack">
            {groups.map((g, i) => (
              <li key={g.id} className="card stack">
                <h2>{g.name}</h2>
                <p className="small muted">{pluralize(g.dossierCount, "dossier", "dossiers")}</p>
                <p>
                  <strong>Membres :</strong> {g.members.map((m) => m.name).join(", ") || "aucun"}
                </p>
                <div>
                  <strong>Règles :</strong>{" "}
                  {g.rules.length ? (
                    <ul>
                      {g.rules.map((r) => (
                        <li key={r}>{r}</li>
                      ))}
                    </ul>
                  ) : (
                    "aucune (tout dossier arrivé jusqu'à ce groupe lui est attribué)"
                  )}
                </div>
                {canManage ? (
                  <div className="actions">
                    <Link to={`${here}?modifier=${g.id}#modifier`}>Modifier le groupe « {g.name} »</Link>
                    {i > 0 ? <GroupButton groupId={g.id} intent="move" direction="up" label={`Monter « ${g.name} »`} /> : null}
                    {i < groups.length - 1 ? (
                      <GroupButton groupId={g.id} intent="move" direction="down" label={`Descendre « ${g.name} »`} />
                    ) : null}
                    <GroupButton groupId={g.id} intent="delete" label={`Supprimer « ${g.name} »`} />
                  </div>
                ) : null}
              </li>
            ))}
          </ol>
        ) : (
          <p>Cet appel n'a pas de groupe : tous ses dossiers sont à suivre par tous ses instructeur·rices.</p>
        )}
        <section className="card stack" aria-labelledby="sans-groupe">
          <h2 id="sans-groupe">Dossiers sans groupe : {withoutGroup}</h2>
          <p>Après avoir créé ou changé des groupes, appliquez leurs règles aux dossiers déjà déposés qui n'ont pas de groupe.</p>
          <Form method="post">
            <button type="submit" name="intent" value="reapply" className="button button-secondary">
              Appliquer les règles aux dossiers sans groupe
            </button>
          </Form>
        </section>
        {canManage && editing ? (
          <section className="card stack" aria-labelledby="modifier-titre" id="modifier">
            <h2 id="modifier-titre">Modifier le groupe « {editing.name} »</h2>
            <ReviewGroupForm
              choices={choices}
              candidates={candidates}
              intent="update"
              groupId={editing.id}
              submitLabel="Enregistrer le groupe"
              actionData={dataFor("update")}
              defaultValues={{
                name: editing.name,
                memberIds: editing.members.map((m) => m.id),
                fieldSlug: editing.fieldSlug ?? "",
                districtSlug: editing.districtSlug ?? "",
                minAmount: centsToInput(editing.minCents),
                maxAmount: centsToInput(editing.maxCents),
              }}
            />
            <p>
              <Link to={here}>Annuler</Link>
            </p>
          </section>
        ) : null}
        {canManage ? (
          <section className="card stack" aria-labelledby="nouveau-groupe">
            <h2 id="nouveau-groupe">Nouveau groupe</h2>
            <ReviewGroupForm
              choices={choices}
              candidates={candidates}
              intent="create"
              submitLabel="Créer le groupe"
              actionData={dataFor("create")}
              defaultValues={emptyGroup}
            />
          </section>
        ) : (
          <p className="muted">Seul·es les administrateur·rices créent et modifient les groupes.</p>
        )}
      </div>
    </div>
  );
}

/** One button, one small form: works the same without JavaScript. */
function GroupButton({ groupId, intent, direction, label }: { groupId: string; intent: string; direction?: string; label: string }) {
  return (
    <Form method="post" style={{ display: "inline" }}>
      <input type="hidden" name="groupId" value={groupId} />
      {direction ? <input type="hidden" name="direction" value={direction} /> : null}
      <button type="submit" name="intent" value={intent} className="button button-secondary">
        {label}
      </button>
    </Form>
  );
}
