import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { RefusalForm } from "~/components/refusal-form";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import * as z from "zod";
import { listAssociationsByStatus, refuseAssociation, validateAssociation } from "~/associations/validation.server";
import { requireAdmin } from "~/accounts/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { formatDateTime } from "~/lib/format";
import { domainAction, formDataToObject, invalid, parseWith, unknownIntent } from "~/lib/forms.server";
import { getTaxonomy } from "~/settings/taxonomy.server";
import { requiredText } from "~/lib/validation";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Inscriptions à valider") }];

const decisionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("validate"), associationId: z.string().min(1) }),
  z.object({ intent: z.literal("refuse"), associationId: z.string().min(1), reason: requiredText("Motif du refus", 1000) }),
]);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const [pending, refused, taxonomy] = await Promise.all([
    listAssociationsByStatus("pending"),
    listAssociationsByStatus("refused", 50),
    getTaxonomy(),
  ]);
  // A sign-up confirmed after its district was retired keeps it: the administrator is told, to reassign it.
  const withLabel = <A extends { district: string }>(a: A) => ({
    ...a,
    districtLabel: taxonomy.label("district", a.district),
    districtRetired: !taxonomy.isActive("district", a.district),
  });
  return { pending: pending.map(withLabel), refused: refused.map(withLabel) };
}

export const action = (args: ActionFunctionArgs) => domainAction(act)(args);

async function act({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const values = formDataToObject(await request.formData());
  if (values.intent !== "validate" && values.intent !== "refuse") return unknownIntent(values);
  const parsed = parseWith(decisionSchema, values);
  if (!parsed.ok) return invalid(parsed);
  if (parsed.data.intent === "validate") {
    const association = await validateAssociation(parsed.data.associationId, admin);
    return redirectWithFlash(
      "/admin/associations",
      association.already ? `${association.name} était déjà validée.` : `${association.name} est validée et publiée dans l'annuaire.`,
      association.already ? "info" : "success",
    );
  }
  const association = await refuseAssociation(parsed.data.associationId, parsed.data.reason, admin);
  return redirectWithFlash(
    "/admin/associations",
    association.already
      ? `L'inscription de ${association.name} était déjà refusée.`
      : `L'inscription de ${association.name} est refusée ; l'association est prévenue.`,
    "info",
  );
}

export default function PendingAssociations() {
  const { pending, refused } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failed = actionData && "errors" in actionData ? actionData : null;
  // A message for a card is shown on that card; one that belongs to no card is shown on top.
  const orphanError = failed && !pending.some((a) => a.id === failed.values.associationId) ? Object.values(failed.errors).join(" ") : null;
  return (
    <div className="container page">
      <p>
        <Link to="/admin">‹ Administration</Link>
      </p>
      <h1>Inscriptions à valider</h1>
      {orphanError ? (
        <div className="alert alert-error" role="alert">
          La demande n'a pas pu être traitée : {orphanError}
        </div>
      ) : null}
      {pending.length === 0 ? <p>Aucune inscription en attente.</p> : null}
      <div className="stack">
        {pending.map((a) => {
          const error = failed?.values.associationId === a.id ? failed.errors.reason : undefined;
          return (
            <section key={a.id} className="card" aria-labelledby={`title-${a.id}`}>
              <h2 id={`title-${a.id}`}>{a.name}</h2>
              <p>{a.socialObject}</p>
              <dl className="definition-list small">
                <dt>Inscrite le</dt>
                <dd>{formatDateTime(a.createdAt)}</dd>
                <dt>RNA / SIRET</dt>
                <dd>
                  {a.rna ?? "non renseigné"} / {a.siret ?? "non renseigné"}
                </dd>
                <dt>Quartier</dt>
                <dd>
                  {a.districtLabel}
                  {a.districtRetired ? " (quartier retiré : à réaffecter dans Paramètres › Quartiers)" : null}
                </dd>
                <dt>Représentant·e</dt>
                <dd>{a.memberships.map((m) => `${m.user.name} (${m.title ?? "membre"}, ${m.user.email})`).join(", ") || "—"}</dd>
              </dl>
              <div className="actions">
                <Form method="post">
                  <input type="hidden" name="associationId" value={a.id} />
                  <button type="submit" name="intent" value="validate" className="button">
                    Valider {a.name}
                  </button>
                </Form>
              </div>
              <RefusalForm
                idName="associationId"
                id={a.id}
                reasonLabel="Motif du refus (envoyé à l'association)"
                buttonLabel={`Refuser ${a.name}`}
                typedReason={failed?.values.associationId === a.id ? String(failed.values.reason ?? "") : undefined}
                error={error}
              />
            </section>
          );
        })}
      </div>
      {refused.length ? (
        <>
          <h2>Inscriptions refusées</h2>
          <ul>
            {refused.map((a) => (
              <li key={a.id}>
                {a.name} – {a.refusalReason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
