// What staff do with the dossier: open it for instruction, send it back, decide.
import { Form } from "@remix-run/react";
import { SubmitButton, TextArea, TextField, ValidatedForm } from "~/components/form";
import { stateLabel } from "~/dossiers/dossier-states";
import { centsToInput, formatEuros } from "~/lib/format";
import { acceptSchema, closeSchema, correctionSchema, refuseSchema } from "~/review/schemas";
import type { DataFor, ReviewDossier } from "./types";

export function InstructionPanel({
  dossier,
  canDecide,
  canSendBack,
  dataFor,
}: {
  dossier: ReviewDossier;
  canDecide: boolean;
  canSendBack: boolean;
  dataFor: DataFor;
}) {
  return (
    <section aria-labelledby="actions-titre" className="card stack">
      <h2 id="actions-titre">Instruction</h2>
      {dossier.state === "en_construction" ? (
        <Form method="post">
          <p>Le dossier est déposé et encore modifiable par l'association. En le passant en instruction, vous le figez.</p>
          <button type="submit" name="intent" value="start_instruction" className="button">
            Passer en instruction
          </button>
        </Form>
      ) : null}
      {canSendBack ? (
        <ValidatedForm schema={correctionSchema} method="post" actionData={dataFor("correction")} defaultValues={{ message: "" }}>
          <h3>Renvoyer pour correction</h3>
          <TextArea
            name="message"
            label="Corrections demandées à l'association"
            hint="Le dossier repasse « en construction » ; l'association reçoit ce message par courriel."
            required
            rows={3}
          />
          <SubmitButton name="intent" value="correction" className="button button-secondary">
            Renvoyer pour correction
          </SubmitButton>
        </ValidatedForm>
      ) : null}
      {canDecide ? <DecisionForms requestedCents={dossier.requestedCents} dataFor={dataFor} /> : null}
      {!canSendBack && !canDecide ? <p>Le dossier est décidé : {stateLabel(dossier.state)}.</p> : null}
    </section>
  );
}

function DecisionForms({ requestedCents, dataFor }: { requestedCents: number | null; dataFor: DataFor }) {
  return (
    <div className="stack">
      <h3>Décision</h3>
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
  );
}
