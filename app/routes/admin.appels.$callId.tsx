import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { requireAdmin } from "~/accounts/auth.server";
import { CALL_STATUS_LABELS, CALL_STATUSES, CALL_TRANSITIONS, type CallStatus } from "~/calls/call-status";
import { updateCallFromInput } from "~/calls/editing.server";
import { changeCallStatus } from "~/calls/lifecycle.server";
import { getCallForAdmin, listStaffUsers } from "~/calls/reading.server";
import { parseRequiredAttachments } from "~/calls/required-attachments";
import { CallFields } from "~/calls/call-form";
import { SubmitButton, ValidatedForm } from "~/components/form";
import { redirectWithFlash } from "~/lib/flash.server";
import { centsToInput, formatDateTime, toParisInputValue } from "~/lib/format";
import { isDomainError } from "~/lib/domain-error";
import { domainAction, domainLoader, fieldError, formDataToObject, invalid, parseWith, unknownIntent } from "~/lib/forms.server";
import { callSchema } from "~/calls/schemas";
import { pageTitle } from "~/lib/meta";
import { formChoices, validationChoices } from "~/settings/taxonomy-choices";
import { getTaxonomy } from "~/settings/taxonomy.server";
import { CallSteeringSection } from "~/steering/call-steering-section";
import { getCallSteering, saveCallSteering } from "~/steering/call-steering.server";
import { callSteeringSchema } from "~/steering/social-project-schemas";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, `${data?.call.title ?? "Appel à projets"} – Administration`) },
];

const ACTION_LABELS: Record<CallStatus, string> = {
  brouillon: "Repasser en brouillon",
  publie: "Publier l'appel",
  clos: "Clore l'appel maintenant",
  decisions_publiees: "Publier les décisions",
  archive: "Archiver l'appel",
};

export function loader(args: LoaderFunctionArgs) {
  return domainLoader(readCall)(args);
}

async function readCall({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const [call, staff, taxonomy] = await Promise.all([getCallForAdmin(params.callId ?? ""), listStaffUsers(), getTaxonomy()]);
  const steering = await getCallSteering(call.id);
  return {
    steering,
    call: { ...call, requiredAttachmentKinds: parseRequiredAttachments(call.requiredAttachments) },
    staff,
    choices: formChoices(taxonomy, { field: call.fields.map((f) => f.slug) }),
  };
}

export function action(args: ActionFunctionArgs) {
  return domainAction(editCall)(args);
}

async function editCall({ request, params }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const callId = params.callId ?? "";
  const values = formDataToObject(await request.formData());
  if (values.intent === "status") {
    const to = String(values.to ?? "") as CallStatus;
    if (!CALL_STATUSES.includes(to)) return fieldError("_form", "État inconnu.", {});
    const result = await changeCallStatus(callId, to, admin);
    if (!result.ok) return redirectWithFlash(`/admin/appels/${callId}`, result.message, "error");
    return redirectWithFlash(`/admin/appels/${callId}`, `L'appel est maintenant « ${CALL_STATUS_LABELS[to]} ».`);
  }
  if (values.intent === "social_project") {
    const parsed = parseWith(callSteeringSchema, values);
    if (!parsed.ok) return redirectWithFlash(`/admin/appels/${callId}`, Object.values(parsed.errors).join(" "), "error");
    let saved: Awaited<ReturnType<typeof saveCallSteering>>;
    try {
      saved = await saveCallSteering(callId, parsed.data, admin);
    } catch (error) {
      if (!isDomainError(error) || error.status === 404) throw error;
      return redirectWithFlash(`/admin/appels/${callId}`, error.message, "error");
    }
    return redirectWithFlash(
      `/admin/appels/${callId}#projet-social`,
      saved.axisCount ? "Le rattachement de l'appel au projet social est enregistré." : "L'appel n'est plus rattaché au projet social.",
    );
  }
  // The call's own form has no intent.
  if (values.intent !== undefined) return unknownIntent(values);
  const parsed = parseWith(callSchema(validationChoices(await getTaxonomy())), values);
  if (!parsed.ok) return invalid(parsed);
  const result = await updateCallFromInput(callId, parsed.data, admin);
  return redirectWithFlash(
    `/admin/appels/${callId}`,
    result.criteriaKept ? "Appel enregistré. Les critères, déjà utilisés pour noter, n'ont pas été modifiés." : "Appel enregistré.",
  );
}

export default function EditCall() {
  const { call, staff, choices, steering } = useLoaderData<typeof loader>();
  const schema = useMemo(() => callSchema(choices), [choices]);
  const actionData = useActionData<typeof action>();
  const defaults: Record<string, unknown> = {
    title: call.title,
    summary: call.summary,
    body: call.body,
    fields: call.fields.map((f) => f.slug),
    envelope: centsToInput(call.envelopeCents),
    minAmount: centsToInput(call.minAmountCents),
    maxAmount: centsToInput(call.maxAmountCents),
    opensAt: toParisInputValue(call.opensAt),
    closesAt: toParisInputValue(call.closesAt),
    financialYear: String(call.financialYear),
    requiredAttachments: call.requiredAttachmentKinds,
    reviewerIds: call.reviewers.map((r) => r.userId),
  };
  call.criteria.forEach((c, i) => {
    defaults[`criterionLabel_${i}`] = c.label;
    defaults[`criterionDescription_${i}`] = c.description;
    defaults[`criterionWeight_${i}`] = String(c.weight);
  });
  const next = CALL_TRANSITIONS[call.status] ?? [];
  return (
    <div className="container page">
      <p>
        <Link to="/admin/appels">‹ Appels à projets</Link>
      </p>
      <h1>{call.title}</h1>
      <section className="card stack" aria-labelledby="etat">
        <h2 id="etat">État : {CALL_STATUS_LABELS[call.effectiveStatus]}</h2>
        <p className="muted">
          Ouverture le {formatDateTime(call.opensAt)} – clôture le {formatDateTime(call.closesAt)}.
          {call.status === "publie" && call.effectiveStatus === "clos" ? " La date de clôture est passée : l'appel est clos." : ""}
        </p>
        {call.status !== "brouillon" ? (
          <p>
            <Link to={`/appels-a-projets/${call.slug}`}>Voir la page publique</Link>
          </p>
        ) : null}
        <p>
          <Link to={`/instruction/appels/${call.id}/groupes`}>Groupes d'instruction et routage des dossiers</Link>
        </p>
        <p>
          <Link to={`/admin/appels/${call.id}/indicateurs`}>Indicateurs de moyens et de résultats</Link>
        </p>
        {next.length ? (
          <Form method="post" className="actions">
            <input type="hidden" name="intent" value="status" />
            {next.map((to) => (
              <button key={to} type="submit" name="to" value={to} className="button button-secondary">
                {ACTION_LABELS[to]}
              </button>
            ))}
          </Form>
        ) : null}
      </section>
      <ValidatedForm
        schema={schema}
        method="post"
        defaultValues={defaults}
        key={JSON.stringify(defaults)}
        actionData={actionData && "errors" in actionData ? actionData : undefined}
      >
        <CallFields staff={staff} choices={choices} />
        <div className="actions">
          <SubmitButton>Enregistrer l'appel</SubmitButton>
        </div>
      </ValidatedForm>
      <CallSteeringSection steering={steering} />
    </div>
  );
}
