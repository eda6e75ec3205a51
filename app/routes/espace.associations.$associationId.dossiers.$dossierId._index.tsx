import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { DOSSIER_STATE_LABELS } from "~/dossiers/dossier-states";
import { dossierCompleteness } from "~/dossiers/completeness.server";
import { DossierTargetsSummary } from "~/steering/dossier-targets-summary";
import { targetLines } from "~/steering/dossier-indicators";
import { isEditable } from "~/dossiers/dossier-data";
import { submitDossier } from "~/dossiers/deposit.server";
import { getDossierForMember, listSubmissions } from "~/dossiers/reading.server";
import { CorrectionNotice } from "~/review/correction-notice";
import { getPendingCorrectionNotice } from "~/review/corrections.server";
import { requireAssociationMember } from "~/accounts/auth.server";
import { isCallOpen } from "~/calls/call-status";
import { DossierNav } from "~/dossiers/dossier-nav";
import { MessageThread } from "~/review/message-thread";
import { redirectWithFlash } from "~/lib/flash.server";
import { formatDateTime, formatEuros } from "~/lib/format";
import { domainAction, domainLoader, unknownIntent } from "~/lib/forms.server";
import { submissionHistory } from "~/dossiers/submission-history";
import { DepositRecords } from "~/dossiers/deposit-records";
import { getSubsidyOfDossierForMember } from "~/dossiers/dossier-subsidy.server";
import { listDepositRecordsForMember } from "~/dossiers/submission-records.server";
import { stepDef } from "~/dossiers/schemas";
import { listMessagesForMember } from "~/review/messages.server";
import { pageTitle } from "~/lib/meta";
import { validationChoices } from "~/settings/taxonomy-choices";
import { getTaxonomy } from "~/settings/taxonomy.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, `Dossier ${data?.dossier.number ?? ""} – ${data?.dossier.call.title ?? ""}`) },
];

export function loader(args: LoaderFunctionArgs) {
  return domainLoader(readDossier)(args);
}

async function readDossier({ request, params }: LoaderFunctionArgs) {
  const access = await requireAssociationMember(request, params.associationId ?? "");
  const dossier = await getDossierForMember(access.associationId, params.dossierId ?? "");
  // A correction request the association has not answered by a re-deposit yet.
  const correction =
    dossier.state === "en_construction" && dossier.correctionRequestedAt ? await getPendingCorrectionNotice(dossier.id) : null;
  const submissions = await listSubmissions(dossier.id);
  const thread = await listMessagesForMember(access.associationId, dossier.id);
  const depositRecords = await listDepositRecordsForMember(access.associationId, dossier.id);
  const subsidy = await getSubsidyOfDossierForMember(access.associationId, dossier.id);
  return {
    associationId: access.associationId,
    isRepresentative: access.isRepresentative,
    dossier: {
      id: dossier.id,
      number: dossier.hasDraftNumber ? null : dossier.number,
      state: dossier.state,
      stateLabel: DOSSIER_STATE_LABELS[dossier.state] ?? dossier.state,
      projectTitle: dossier.projectTitle,
      requestedCents: dossier.requestedCents,
      submittedAt: dossier.submittedAt,
      updatedAt: dossier.updatedAt,
      currentStep: dossier.currentStep,
      currentStepLabel: stepDef(dossier.currentStep)?.label ?? "",
      call: { title: dossier.call.title, slug: dossier.call.slug, closesAt: dossier.call.closesAt, open: isCallOpen(dossier.call) },
    },
    editable: isEditable(dossier),
    steps: dossierCompleteness(dossier, validationChoices(await getTaxonomy())),
    targets: targetLines(dossier.indicators),
    correction,
    submissions,
    depositRecords,
    subsidy,
    messages: thread.messages,
    decision: thread.dossier.decidedAt ? { proposedCents: thread.dossier.proposedCents, reason: thread.dossier.decisionReason } : null,
  };
}

export function action(args: ActionFunctionArgs) {
  return domainAction(depositDossier)(args);
}

async function depositDossier({ request, params }: ActionFunctionArgs) {
  const access = await requireAssociationMember(request, params.associationId ?? "");
  const form = await request.formData();
  if (form.get("intent") !== "submit") return unknownIntent();
  const result = await submitDossier(access, params.dossierId ?? "");
  if (!result.ok) return { ok: false as const, message: result.message };
  const to = `/espace/associations/${access.associationId}/dossiers/${params.dossierId}`;
  if ("already" in result) {
    // A second click, or the same form sent again: the deposit already happened once.
    return redirectWithFlash(
      to,
      `Le dossier ${result.number} est déjà déposé${result.submittedAt ? ` (le ${formatDateTime(result.submittedAt)})` : ""} : rien de plus à faire.`,
      "info",
    );
  }
  return redirectWithFlash(
    to,
    `${result.resubmission ? "Dossier corrigé déposé de nouveau" : "Dossier déposé"} sous le numéro ${result.number}. Un accusé de réception vous est envoyé par courriel.`,
  );
}

export default function DossierOverview() {
  const {
    dossier,
    steps,
    editable,
    isRepresentative,
    correction,
    submissions,
    depositRecords,
    subsidy,
    associationId,
    messages,
    decision,
    targets,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const base = `/espace/associations/${associationId}/dossiers/${dossier.id}`;
  const complete = steps.every((s) => s.complete);
  // A draft is deposited once, before the closing time; after that only the re-deposit the CCAS asks for.
  const awaitingDeposit = dossier.state === "brouillon" || correction !== null;
  const canSubmit = editable && (correction !== null || dossier.call.open);
  return (
    <div className="container page">
      <p>
        <Link to={`/espace/associations/${associationId}/dossiers`}>‹ Dossiers de l'association</Link>
      </p>
      <h1>{dossier.number ? `Dossier ${dossier.number}` : "Dossier en brouillon"}</h1>
      <p className="lead">
        {dossier.call.title}
        {dossier.projectTitle ? ` – ${dossier.projectTitle}` : ""}
      </p>
      <dl className="definition-list">
        <dt>État</dt>
        <dd>{dossier.stateLabel}</dd>
        <dt>Clôture de l'appel</dt>
        <dd>{formatDateTime(dossier.call.closesAt)}</dd>
        {dossier.requestedCents ? (
          <>
            <dt>Montant demandé au CCAS</dt>
            <dd>{formatEuros(dossier.requestedCents)}</dd>
          </>
        ) : null}
        {dossier.submittedAt ? (
          <>
            <dt>Dépôts</dt>
            <dd>{submissionHistory(dossier.submittedAt, submissions)}</dd>
          </>
        ) : null}
        <dt>Dernière modification</dt>
        <dd>{formatDateTime(dossier.updatedAt)}</dd>
      </dl>
      {correction ? <CorrectionNotice correction={correction} /> : null}
      {decision ? (
        <section className={`alert ${dossier.state === "accepte" ? "alert-success" : "alert-warning"}`} aria-labelledby="decision">
          <h2 id="decision" className="alert-title">
            Décision du CCAS : {dossier.stateLabel}
          </h2>
          {dossier.state === "accepte" && decision.proposedCents !== null ? (
            <p>Montant accordé : {formatEuros(decision.proposedCents)}</p>
          ) : null}
          {decision.reason ? <p style={{ whiteSpace: "pre-line" }}>{decision.reason}</p> : null}
          {subsidy ? (
            <p>
              Subvention créée :{" "}
              <Link to={`/espace/associations/${associationId}/subventions/${subsidy.id}`}>
                {subsidy.number}
                {subsidy.votedCents !== null
                  ? ` – montant voté ${formatEuros(subsidy.votedCents)}`
                  : ` – montant proposé ${formatEuros(subsidy.proposedCents)}, en attente du vote`}
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}
      {actionData && !actionData.ok ? (
        <div className="alert alert-error" role="alert">
          {"message" in actionData ? actionData.message : actionData.formError}
        </div>
      ) : null}
      {editable ? (
        <p>
          <Link to={`${base}/${dossier.currentStep}`} className="button">
            Reprendre à l'étape « {dossier.currentStepLabel} »
          </Link>
        </p>
      ) : (
        <div className="alert alert-warning">Ce dossier est entre les mains du CCAS : il n'est plus modifiable.</div>
      )}
      <DossierNav base={base} />
      <h2>Avancement</h2>
      <ul className="stack">
        {steps.map((s) => (
          <li key={s.key}>
            <Link to={`${base}/${s.key}`}>{s.label}</Link> –{" "}
            <span className={s.complete ? "badge badge-green" : s.started ? "badge badge-orange" : "badge badge-grey"}>
              {s.complete ? "complet" : s.started ? "à compléter" : "non commencé"}
            </span>
            {!s.complete && s.errors.length ? (
              <ul className="small">
                {s.errors.slice(0, 4).map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
      <DossierTargetsSummary lines={targets} href={editable ? `${base}/indicateurs` : undefined} />
      {editable && !awaitingDeposit ? (
        <div className="alert alert-info">
          Dossier déposé : il reste modifiable jusqu'au début de son instruction par le CCAS, sans nouveau dépôt.
        </div>
      ) : null}
      {editable && awaitingDeposit ? (
        <section className="card stack" aria-labelledby="depot">
          <h2 id="depot">{correction ? "Déposer de nouveau" : "Déposer le dossier"}</h2>
          {!canSubmit ? <p>L'appel à projets est clos : le dossier ne peut plus être déposé.</p> : null}
          {!isRepresentative ? <p>Seul·e le ou la représentant·e légal·e de l'association peut signer et déposer le dossier.</p> : null}
          {!complete ? <p>Complétez les étapes marquées « à compléter » avant de déposer.</p> : null}
          {isRepresentative ? (
            <Form method="post">
              <button type="submit" name="intent" value="submit" className="button">
                {correction ? "Déposer le dossier corrigé" : "Déposer le dossier"}
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}
      {depositRecords.length ? (
        <section className="card stack" id="depots" aria-labelledby="depots-titre">
          <h2 id="depots-titre">Dépôts</h2>
          <p className="small">Pour chaque dépôt : l'attestation de dépôt et le dossier complet tel que déposé, avec leur empreinte.</p>
          <DepositRecords records={depositRecords} base={`${base}/depots`} />
        </section>
      ) : null}
      {dossier.submittedAt ? <MessageThread messages={messages} action={`${base}/messages`} redirectTo={base} /> : null}
    </div>
  );
}
