import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { useMemo } from "react";
import { isEditable } from "~/dossiers/dossier-data";
import { isDossierRefusal } from "~/dossiers/refusals";
import { getDossierForMember } from "~/dossiers/reading.server";
import { saveStep } from "~/dossiers/steps.server";
import { requireAssociationMember } from "~/accounts/auth.server";
import { DossierNav } from "~/dossiers/dossier-nav";
import { DossierPiecesStep } from "./pieces-step";
import { Autosave, BudgetSummary, StepFields } from "./step-fields";
import { SubmitButton, ValidatedForm } from "~/components/form";
import { redirectWithFlash } from "~/lib/flash.server";
import { formatDateTime } from "~/lib/format";
import { domainAction, domainLoader, formDataToObject, invalid, refusal, unknownIntent } from "~/lib/forms.server";
import { notFound } from "~/lib/http.server";
import { DOSSIER_STEPS, isStepKey, stepDef, stepSchema, withChoices, type StepKey } from "~/dossiers/schemas";
import { formChoices } from "~/settings/taxonomy-choices";
import { getTaxonomy } from "~/settings/taxonomy.server";
import { handlePiecesAction, piecesLoaderData } from "./pieces.server";
import { handleTargetsAction, targetsLoaderData } from "./targets.server";
import { DossierTargetsStep } from "~/steering/targets-step";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, `${data?.stepLabel ?? "Dossier"} – Dossier de candidature`) },
];

function nextOf(step: StepKey): StepKey | undefined {
  const i = DOSSIER_STEPS.findIndex((s) => s.key === step);
  return DOSSIER_STEPS[i + 1]?.key;
}
function previousOf(step: StepKey): StepKey | undefined {
  const i = DOSSIER_STEPS.findIndex((s) => s.key === step);
  return i > 0 ? DOSSIER_STEPS[i - 1].key : undefined;
}

export function loader(args: LoaderFunctionArgs) {
  return domainLoader(readStep)(args);
}

async function readStep({ request, params }: LoaderFunctionArgs) {
  const access = await requireAssociationMember(request, params.associationId ?? "");
  const step = params.step ?? "";
  if (!isStepKey(step)) throw notFound();
  const dossier = await getDossierForMember(access.associationId, params.dossierId ?? "");
  const values = dossier.parsed[step] ?? {};
  return {
    associationId: access.associationId,
    isRepresentative: access.isRepresentative,
    step,
    stepLabel: stepDef(step)!.label,
    values,
    choices: formChoices(await getTaxonomy(), heldTerms(values)),
    editable: isEditable(dossier),
    dossier: {
      id: dossier.id,
      number: dossier.hasDraftNumber ? null : dossier.number,
      state: dossier.state,
      currentStep: dossier.currentStep,
      declarationSignedAt: dossier.declarationSignedAt,
      call: { title: dossier.call.title, minAmountCents: dossier.call.minAmountCents, maxAmountCents: dossier.call.maxAmountCents },
    },
    pieces: step === "pieces" ? await piecesLoaderData(access.associationId, dossier) : null,
    indicators: step === "indicateurs" ? await targetsLoaderData(access.associationId, dossier.id) : null,
  };
}

/** The taxonomy terms a step's values hold (the project's fields, publics and territory). */
function heldTerms(values: Record<string, string | string[]>) {
  const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
  return { field: list(values.fields), public: list(values.publics), district: list(values.territory) };
}

export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get("intent") === "autosave" ? false : defaultShouldRevalidate;

export function action(args: ActionFunctionArgs) {
  return domainAction(saveDossierStep)(args);
}

async function saveDossierStep({ request, params }: ActionFunctionArgs) {
  const access = await requireAssociationMember(request, params.associationId ?? "");
  const step = params.step ?? "";
  if (!isStepKey(step)) throw notFound();
  const dossierId = params.dossierId ?? "";
  const base = `/espace/associations/${access.associationId}/dossiers/${dossierId}`;
  if (step === "pieces") return handlePiecesAction(request, access, dossierId);
  if (step === "indicateurs") return handleTargetsAction(request, access, dossierId, nextOf(step) ?? "budget_projet");
  const values = formDataToObject(await request.formData());
  const intent = values.intent;
  if (intent !== undefined && intent !== "save" && intent !== "autosave") return unknownIntent(values);
  try {
    if (intent === "autosave") {
      await saveStep(access, dossierId, step, values, { validate: false });
      return { saved: true, at: formatDateTime(new Date()).split(" à ")[1] };
    }
    const next = nextOf(step);
    const result = await saveStep(access, dossierId, step, values, { validate: true, nextStep: next });
    if (!result.ok) return invalid({ errors: result.errors, values });
    if (step === "declaration") return redirectWithFlash(base, "Déclaration signée. Vous pouvez déposer le dossier.");
    return redirect(next ? `${base}/${next}` : base);
  } catch (error) {
    if (isDossierRefusal(error)) return refusal(error, values);
    throw error;
  }
}

export default function DossierStep() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { step, dossier, associationId } = data;
  const def = useMemo(() => withChoices(stepDef(step)!, data.choices), [step, data.choices]);
  const base = `/espace/associations/${associationId}/dossiers/${dossier.id}`;
  const previous = previousOf(step);
  const { minAmountCents, maxAmountCents } = dossier.call;
  const schema = useMemo(
    () => stepSchema(step, { minAmountCents, maxAmountCents }, data.choices),
    [step, minAmountCents, maxAmountCents, data.choices],
  );
  const signingBlocked = step === "declaration" && !data.isRepresentative;
  return (
    <div className="container page">
      <p>
        <Link to={base}>
          ‹ Dossier {dossier.number ?? "en brouillon"} – {dossier.call.title}
        </Link>
      </p>
      <DossierNav base={base} current={step} />
      <h1>{def.label}</h1>
      {def.intro ? <p className="lead">{def.intro}</p> : null}
      {!data.editable ? (
        <div className="alert alert-warning">Ce dossier est en cours d'instruction par le CCAS : il n'est plus modifiable.</div>
      ) : null}
      {step === "indicateurs" && data.indicators ? (
        <DossierTargetsStep data={data.indicators} editable={data.editable} previous={previous ? `${base}/${previous}` : undefined} />
      ) : step === "pieces" && data.pieces ? (
        <DossierPiecesStep base={base} pieces={data.pieces} editable={data.editable} actionData={actionData} />
      ) : (
        <ValidatedForm schema={schema} method="post" defaultValues={data.values} key={step}>
          {signingBlocked ? (
            <div className="alert alert-warning">
              Seul·e le ou la représentant·e légal·e de l'association peut signer la déclaration sur l'honneur. Demandez-lui de se connecter
              pour signer et déposer le dossier.
            </div>
          ) : null}
          {step === "declaration" && dossier.declarationSignedAt ? (
            <p className="alert alert-success">Déclaration signée le {formatDateTime(dossier.declarationSignedAt)}.</p>
          ) : null}
          <StepFields step={def} disabled={!data.editable || signingBlocked} />
          {step === "budget_projet" ? (
            <BudgetSummary
              initial={data.values}
              minAmountCents={dossier.call.minAmountCents}
              maxAmountCents={dossier.call.maxAmountCents}
            />
          ) : null}
          {data.editable && !signingBlocked ? (
            <div className="actions">
              {previous ? (
                <Link to={`${base}/${previous}`} className="button button-secondary">
                  Étape précédente
                </Link>
              ) : null}
              <SubmitButton name="intent" value="save">
                {step === "declaration" ? "Signer la déclaration" : "Enregistrer et continuer"}
              </SubmitButton>
              {step !== "declaration" ? <Autosave /> : null}
            </div>
          ) : null}
        </ValidatedForm>
      )}
    </div>
  );
}
