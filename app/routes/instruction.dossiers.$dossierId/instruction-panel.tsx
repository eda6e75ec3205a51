// The decision panel, in one place: what the state allows (open for instruction, ask for
// corrections, decide) or, once decided, what was decided, when, by whom, and why.
import { Form } from "@remix-run/react";
import { SelectField, SubmitButton, TextArea, TextField, ValidatedForm } from "~/components/form";
import { stateLabel } from "~/dossiers/dossier-states";
import { centsToInput, formatDateTime, formatEuros } from "~/lib/format";
import { CORRECTION_REASON_OPTIONS, DEFAULT_CORRECTION_DAYS, defaultCorrectionDueDay } from "~/review/correction-reasons";
import type { DeskTexts } from "~/review/desk-texts";
import { acceptSchema, closeSchema, correctionSchema, refuseSchema } from "~/review/schemas";
import type { DataFor, ReviewDossier, ReviewPageData } from "./types";

export function InstructionPanel({
  dossier,
  texts,
  decisionEvent,
  dataFor,
}: {
  dossier: ReviewDossier;
  texts: DeskTexts;
  decisionEvent: ReviewPageData["history"][number] | null;
  dataFor: DataFor;
}) {
  const { actions } = texts;
  return (
    <section aria-labelledby="decision-titre" id="decision" className="card stack">
      <h2 id="decision-titre">Décision</h2>
      <p>{texts.panel}</p>
      {dossier.decidedAt ? <DecisionMade dossier={dossier} decisionEvent={decisionEvent} /> : null}
      {actions.startInstruction ? (
        <Form method="post">
          <button type="submit" name="intent" value="start_instruction" className="button">
            Passer en instruction
          </button>
        </Form>
      ) : null}
      {actions.requestCorrection || actions.decide ? (
        <div className="decision-grid">
          {actions.requestCorrection ? <CorrectionForm dataFor={dataFor} /> : null}
          {actions.decide ? <DecisionForms requestedCents={dossier.requestedCents} dataFor={dataFor} /> : null}
        </div>
      ) : null}
    </section>
  );
}

function DecisionMade({ dossier, decisionEvent }: { dossier: ReviewDossier; decisionEvent: ReviewPageData["history"][number] | null }) {
  return (
    <dl className="definition-list">
      <dt>Décision</dt>
      <dd>
        <strong>{stateLabel(dossier.state)}</strong>
      </dd>
      <dt>Le</dt>
      <dd>{formatDateTime(dossier.decidedAt!)}</dd>
      <dt>Par</dt>
      <dd>{decisionEvent?.actorName ?? "—"}</dd>
      {dossier.state === "accepte" ? (
        <>
          <dt>Montant accordé</dt>
          <dd>{dossier.proposedCents !== null ? formatEuros(dossier.proposedCents) : "—"}</dd>
        </>
      ) : null}
      <dt>{dossier.state === "accepte" ? "Commentaire" : "Motif"}</dt>
      <dd style={{ whiteSpace: "pre-wrap" }}>{dossier.decisionReason || "—"}</dd>
    </dl>
  );
}

function CorrectionForm({ dataFor }: { dataFor: DataFor }) {
  return (
    <ValidatedForm
      schema={correctionSchema}
      method="post"
      actionData={dataFor("correction")}
      defaultValues={{ reason: "incomplet", message: "", dueDate: defaultCorrectionDueDay() }}
    >
      <h3>Demander des corrections</h3>
      <SelectField name="reason" label="Motif de la demande" options={CORRECTION_REASON_OPTIONS} placeholder="Choisir un motif…" required />
      <TextArea
        name="message"
        label="Corrections demandées à l'association"
        hint="Le dossier repasse « en construction » ; l'association reçoit ce message par courriel."
        required
        rows={3}
      />
      <TextField
        name="dueDate"
        label="À déposer avant le"
        type="date"
        hint={`Par défaut dans ${DEFAULT_CORRECTION_DAYS} jours ; une date après aujourd'hui. L'association est relancée avant et après cette date.`}
        required
      />
      <SubmitButton name="intent" value="correction" className="button button-secondary">
        Renvoyer pour correction
      </SubmitButton>
    </ValidatedForm>
  );
}

function DecisionForms({ requestedCents, dataFor }: { requestedCents: number | null; dataFor: DataFor }) {
  return (
    <div>
      <h3>Décider</h3>
      <div className="decision-options">
        <ValidatedForm
          schema={acceptSchema}
          method="post"
          actionData={dataFor("accept")}
          defaultValues={{ amount: centsToInput(requestedCents), comment: "" }}
        >
          <TextField
            name="amount"
            label="Montant accordé (€)"
            inputMode="decimal"
            hint={`Au plus le montant demandé${requestedCents !== null ? ` : ${formatEuros(requestedCents)}` : ""}.`}
            required
          />
          <TextArea name="comment" label="Commentaire joint à la décision" rows={2} />
          <SubmitButton name="intent" value="accept">
            Accepter le dossier
          </SubmitButton>
        </ValidatedForm>
        <ValidatedForm schema={refuseSchema} method="post" actionData={dataFor("refuse")} defaultValues={{ reason: "" }}>
          <TextArea name="reason" label="Motif du refus" hint="Envoyé à l'association." required rows={2} />
          <SubmitButton name="intent" value="refuse" className="button button-danger">
            Refuser le dossier
          </SubmitButton>
        </ValidatedForm>
        <ValidatedForm schema={closeSchema} method="post" actionData={dataFor("close")} defaultValues={{ reason: "" }}>
          <TextArea name="reason" label="Motif du classement sans suite" rows={2} />
          <SubmitButton name="intent" value="close" className="button button-secondary">
            Classer sans suite
          </SubmitButton>
        </ValidatedForm>
      </div>
    </div>
  );
}
