import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { requireStaff } from "~/accounts/auth.server";
import { isActionFailure, SubmitButton, TextArea, TextField, ValidatedForm } from "~/components/form";
import { MessageThread } from "~/review/message-thread";
import { redirectWithFlash } from "~/lib/flash.server";
import { centsToInput, formatDateTime, formatEuros } from "~/lib/format";
import { fieldError, formDataToObject, invalid, parseWith } from "~/lib/forms.server";
import { badRequest } from "~/lib/http.server";
import { submissionHistory } from "~/dossiers/submission-history";
import { labelOf } from "~/associations/taxonomy";
import {
  addAnnotation,
  declareConflict,
  decide,
  getDossierForReview,
  postStaffMessage,
  requestCorrection,
  ReviewError,
  saveScores,
  startInstruction,
} from "~/review/review.server";
import { STATE_BADGES, stateLabel } from "~/dossiers/dossier-states";
import {
  acceptSchema,
  annotationSchema,
  closeSchema,
  conflictSchema,
  correctionSchema,
  messageSchema,
  refuseSchema,
  scoreFieldName,
  scoreSchema,
} from "~/review/schemas";
import { reloadAfterRefusedPost } from "~/lib/revalidate";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Dossier ${data?.dossier.number ?? ""} – Instruction – CCAS de Besançon` },
];

export const shouldRevalidate = reloadAfterRefusedPost;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  return getDossierForReview(user, params.dossierId!);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const dossierId = params.dossierId!;
  const values = formDataToObject(await request.formData());
  const here = `/instruction/dossiers/${dossierId}`;
  const parse = <S extends z.ZodType>(schema: S) => parseWith(schema, values);
  try {
    switch (values.intent) {
      case "start_instruction":
        await startInstruction(dossierId, user);
        return redirectWithFlash(here, "Le dossier est en instruction : l'association ne peut plus le modifier.");
      case "annotate": {
        const parsed = parse(annotationSchema);
        if (!parsed.ok) return invalid(parsed);
        await addAnnotation(dossierId, user, parsed.data.body);
        return redirectWithFlash(`${here}#annotations`, "Annotation enregistrée.");
      }
      case "message": {
        const parsed = parse(messageSchema);
        if (!parsed.ok) return invalid(parsed);
        await postStaffMessage(dossierId, user, parsed.data.body);
        return redirectWithFlash(`${here}#messagerie`, "Message envoyé à l'association.");
      }
      case "score": {
        const { dossier } = await getDossierForReview(user, dossierId);
        const parsed = parse(scoreSchema(dossier.call.criteria));
        if (!parsed.ok) return invalid(parsed);
        const notes = Object.fromEntries(dossier.call.criteria.map((c) => [c.id, parsed.data[scoreFieldName(c.id)] as number]));
        await saveScores(dossierId, user, notes, (parsed.data.comment as string | undefined) ?? null);
        return redirectWithFlash(`${here}#notation`, "Votre notation est enregistrée.");
      }
      case "conflict": {
        const parsed = parse(conflictSchema);
        if (!parsed.ok) return invalid(parsed);
        await declareConflict(dossierId, user, parsed.data.reason ?? null);
        return redirectWithFlash(`${here}#notation`, "Conflit d'intérêts déclaré : vous ne noterez pas ce dossier.", "info");
      }
      case "correction": {
        const parsed = parse(correctionSchema);
        if (!parsed.ok) return invalid(parsed);
        await requestCorrection(dossierId, user, parsed.data.message);
        return redirectWithFlash(here, "Le dossier est renvoyé en construction ; l'association est prévenue par courriel.");
      }
      case "accept": {
        const parsed = parse(acceptSchema);
        if (!parsed.ok) return invalid(parsed);
        await decide(dossierId, user, { decision: "accepte", amountCents: parsed.data.amount, comment: parsed.data.comment });
        return redirectWithFlash(here, "Dossier accepté ; l'association est prévenue et la subvention est créée.");
      }
      case "refuse": {
        const parsed = parse(refuseSchema);
        if (!parsed.ok) return invalid(parsed);
        await decide(dossierId, user, { decision: "refuse", reason: parsed.data.reason });
        return redirectWithFlash(here, "Dossier refusé ; l'association est prévenue.", "info");
      }
      case "close": {
        const parsed = parse(closeSchema);
        if (!parsed.ok) return invalid(parsed);
        await decide(dossierId, user, { decision: "sans_suite", reason: parsed.data.reason });
        return redirectWithFlash(here, "Dossier classé sans suite ; l'association est prévenue.", "info");
      }
      default:
        throw badRequest();
    }
  } catch (error) {
    if (error instanceof ReviewError) return fieldError(error.field, error.message, values, 400);
    throw error;
  }
}

const ACTION_LABELS: Record<string, string> = {
  depot: "Dépôt",
  redepot: "Nouveau dépôt après correction",
  passage_en_instruction: "Passage en instruction",
  demande_correction: "Renvoi pour correction",
  decision: "Décision",
  conflit_interets: "Conflit d'intérêts déclaré",
};

export default function ReviewDossier() {
  const {
    dossier,
    sections,
    budget,
    declarationSignerName,
    attachments,
    annotations,
    messages,
    conflicts,
    myScores,
    scoreSummary,
    history,
    me,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failure = isActionFailure(actionData) ? actionData : null;
  // Each form shows only its own server errors.
  const dataFor = (intent: string) => (failure && failure.values.intent === intent ? failure : {});
  const a = dossier.association;
  const representatives = a.memberships.filter((m) => m.isRepresentative);
  const criteria = dossier.call.criteria;
  const myScore = Object.fromEntries(myScores.map((s) => [scoreFieldName(s.criterionId), String(s.value)]));
  const canDecide = dossier.state === "en_instruction";
  const canSendBack = dossier.state === "en_instruction" || dossier.state === "en_construction";
  // A refusal whose form is no longer on the page (the dossier moved on: a decision sent twice,
  // a second « Passer en instruction ») is shown at the top, never lost.
  const intent = String(failure?.values.intent ?? "");
  const formShown =
    (["accept", "refuse", "close"].includes(intent) && canDecide) ||
    (intent === "correction" && canSendBack) ||
    !["start_instruction", "accept", "refuse", "close", "correction"].includes(intent);
  const formError = failure && !formShown ? (failure.errors._form ?? Object.values(failure.errors)[0] ?? null) : null;

  return (
    <div className="container page">
      <p>
        <Link to="/instruction/dossiers">‹ Dossiers à instruire</Link>
      </p>
      <h1>
        Dossier {dossier.number} – {dossier.projectTitle ?? "projet sans titre"}
      </h1>
      <p>
        <span className={STATE_BADGES[dossier.state] ?? "badge"}>{stateLabel(dossier.state)}</span>{" "}
        <span className="muted">
          {a.name} – appel « {dossier.call.title} » –{" "}
          <Link to={`/instruction/appels/${dossier.call.id}/classement`}>classement de l'appel</Link>
        </span>
      </p>
      {formError ? (
        <div className="alert alert-error" role="alert">
          {formError}
        </div>
      ) : null}
      <dl className="definition-list">
        <dt>Montant demandé</dt>
        <dd>{dossier.requestedCents !== null ? formatEuros(dossier.requestedCents) : "—"}</dd>
        <dt>Dépôts</dt>
        <dd>{dossier.submittedAt ? submissionHistory(dossier.submittedAt, dossier.submissions) : "—"}</dd>
        {dossier.instructionStartedAt ? (
          <>
            <dt>En instruction depuis le</dt>
            <dd>{formatDateTime(dossier.instructionStartedAt)}</dd>
          </>
        ) : null}
        {dossier.decidedAt ? (
          <>
            <dt>Décision du</dt>
            <dd>
              {formatDateTime(dossier.decidedAt)} : {stateLabel(dossier.state)}
              {dossier.state === "accepte" && dossier.proposedCents !== null ? `, ${formatEuros(dossier.proposedCents)}` : ""}
              {dossier.decisionReason ? ` – ${dossier.decisionReason}` : ""}
            </dd>
          </>
        ) : null}
        <dt>Note moyenne</dt>
        <dd>
          {scoreSummary.average !== null ? `${scoreSummary.average.toFixed(2).replace(".", ",")} / 10` : "pas encore de notation complète"}
        </dd>
      </dl>

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
        {canDecide ? (
          <div className="stack">
            <h3>Décision</h3>
            <ValidatedForm
              schema={acceptSchema}
              method="post"
              actionData={dataFor("accept")}
              defaultValues={{ amount: centsToInput(dossier.requestedCents), comment: "" }}
            >
              <TextField
                name="amount"
                label="Montant accordé (€)"
                inputMode="decimal"
                hint={`Au plus le montant demandé${dossier.requestedCents !== null ? ` : ${formatEuros(dossier.requestedCents)}` : ""}.`}
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
        ) : null}
        {!canSendBack && !canDecide ? <p>Le dossier est décidé : {stateLabel(dossier.state)}.</p> : null}
      </section>

      <section aria-labelledby="notation-titre" id="notation">
        <h2 id="notation-titre">Grille de notation</h2>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Notes pondérées par instructeur·rice</caption>
            <thead>
              <tr>
                <th scope="col">Instructeur·rice</th>
                <th scope="col" className="num">
                  Note pondérée / 10
                </th>
              </tr>
            </thead>
            <tbody>
              {scoreSummary.reviewers.map((r) => (
                <tr key={r.reviewerId}>
                  <td>{r.name}</td>
                  <td className="num">
                    {r.conflicted ? "conflit d'intérêts" : r.score !== null ? r.score.toFixed(2).replace(".", ",") : "non noté"}
                  </td>
                </tr>
              ))}
              <tr>
                <th scope="row">Moyenne</th>
                <td className="num">{scoreSummary.average !== null ? scoreSummary.average.toFixed(2).replace(".", ",") : "—"}</td>
              </tr>
            </tbody>
          </table>
        </div>
        {me.conflicted ? (
          <p className="alert alert-warning">Vous avez déclaré un conflit d'intérêts sur ce dossier : vous ne pouvez pas le noter.</p>
        ) : me.canScore ? (
          <ValidatedForm
            schema={scoreSchema(criteria)}
            method="post"
            actionData={dataFor("score")}
            defaultValues={{ ...myScore, comment: myScores[0]?.comment ?? "" }}
          >
            <h3>Ma notation</h3>
            <div className="form-grid">
              {criteria.map((c) => (
                <TextField
                  key={c.id}
                  name={scoreFieldName(c.id)}
                  label={`${c.label} (poids ${c.weight} %)`}
                  hint={`Note de 0 à 10. ${c.description}`}
                  type="number"
                  inputMode="numeric"
                  required
                />
              ))}
            </div>
            <TextArea name="comment" label="Commentaire de notation" rows={2} />
            <SubmitButton name="intent" value="score">
              Enregistrer ma notation
            </SubmitButton>
          </ValidatedForm>
        ) : me.isReviewer ? (
          <p className="muted">La notation s'ouvre quand le dossier est en instruction.</p>
        ) : (
          <p className="muted">Seul·es les instructeur·rices affecté·es à l'appel notent les dossiers.</p>
        )}
        {me.isReviewer && !me.conflicted ? (
          <ValidatedForm schema={conflictSchema} method="post" actionData={dataFor("conflict")} defaultValues={{ reason: "" }}>
            <TextField name="reason" label="Motif du conflit d'intérêts" hint="Par exemple : je suis membre du bureau de l'association." />
            <SubmitButton name="intent" value="conflict" className="button button-secondary">
              Déclarer un conflit d'intérêts
            </SubmitButton>
          </ValidatedForm>
        ) : null}
        {conflicts.length ? (
          <p className="small muted">
            Conflits d'intérêts déclarés : {conflicts.map((c) => `${c.reviewerName}${c.reason ? ` (${c.reason})` : ""}`).join(", ")}.
          </p>
        ) : null}
      </section>

      <section aria-labelledby="association-titre">
        <h2 id="association-titre">L'association</h2>
        <dl className="definition-list">
          <dt>Nom</dt>
          <dd>
            {a.name}
            {a.acronym ? ` (${a.acronym})` : ""}
          </dd>
          <dt>RNA / SIRET</dt>
          <dd>
            {a.rna ?? "—"} / {a.siret ?? "—"}
          </dd>
          <dt>Adresse</dt>
          <dd>
            {a.address}, {a.postcode} {a.city}
          </dd>
          <dt>Contact</dt>
          <dd>{[a.email, a.phone].filter(Boolean).join(" – ") || "—"}</dd>
          <dt>Objet social</dt>
          <dd>{a.socialObject}</dd>
          <dt>Champs d'intervention</dt>
          <dd>{a.fields.map((f) => labelOf("field", f.slug)).join(", ") || "—"}</dd>
          <dt>Représentant·e légal·e</dt>
          <dd>{representatives.map((m) => `${m.user.name} (${m.title ?? "représentant·e"}, ${m.user.email})`).join(" ; ") || "—"}</dd>
        </dl>
      </section>

      <section aria-labelledby="contenu-titre">
        <h2 id="contenu-titre">Contenu du dossier</h2>
        <div className="stack">
          {sections.map((section) => (
            <section key={section.key} className="card" aria-labelledby={`section-${section.key}`}>
              <h3 id={`section-${section.key}`}>{section.label}</h3>
              <dl className="definition-list small">
                {section.fields.map((field) => (
                  <div key={field.name} style={{ display: "contents" }}>
                    <dt>{field.label}</dt>
                    <dd style={{ whiteSpace: "pre-wrap" }}>{field.value || "—"}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
        {budget ? (
          <p>
            Budget du projet : charges {formatEuros(budget.chargesCents)}, produits {formatEuros(budget.incomeCents)} ; part demandée au
            CCAS {formatEuros(budget.ccasCents)} ({String(budget.ccasSharePercent).replace(".", ",")} % des produits).
          </p>
        ) : null}
        {dossier.declarationSignedAt ? (
          <p>
            Déclaration sur l'honneur signée le {formatDateTime(dossier.declarationSignedAt)}
            {declarationSignerName ? ` par ${declarationSignerName}` : ""}.
          </p>
        ) : null}
      </section>

      <section aria-labelledby="pieces-titre">
        <h2 id="pieces-titre">Pièces jointes</h2>
        {attachments.length ? (
          <ul>
            {attachments.map((att) => (
              <li key={att.id}>
                {att.kindLabel} :{" "}
                <a href={att.downloadUrl} download>
                  {att.label || att.originalName}
                </a>{" "}
                <span className="small muted">
                  ({att.originalName}, {Math.max(1, Math.round(att.size / 1024))} Ko)
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p>Aucune pièce jointe.</p>
        )}
      </section>

      <section aria-labelledby="annotations-titre" id="annotations" className="stack">
        <h2 id="annotations-titre">Annotations privées</h2>
        <p className="small muted">Visibles par le seul personnel du CCAS, jamais par l'association.</p>
        {annotations.length ? (
          <ul>
            {annotations.map((n) => (
              <li key={n.id}>
                <span className="small muted">
                  {n.authorName}, {formatDateTime(n.createdAt)} :
                </span>{" "}
                <span style={{ whiteSpace: "pre-wrap" }}>{n.body}</span>
              </li>
            ))}
          </ul>
        ) : null}
        <ValidatedForm schema={annotationSchema} method="post" actionData={dataFor("annotate")} defaultValues={{ body: "" }}>
          <TextArea name="body" label="Nouvelle annotation privée" required rows={2} />
          <SubmitButton name="intent" value="annotate" className="button button-secondary">
            Ajouter l'annotation
          </SubmitButton>
        </ValidatedForm>
      </section>

      <MessageThread messages={messages} side="staff" actionData={dataFor("message")} />

      <section aria-labelledby="historique-titre">
        <h2 id="historique-titre">Historique</h2>
        {history.length ? (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Historique des changements d'état et décisions</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Qui</th>
                  <th scope="col">Action</th>
                  <th scope="col">De → à</th>
                  <th scope="col">Commentaire</th>
                </tr>
              </thead>
              <tbody>
                {history.map((h) => (
                  <tr key={h.id}>
                    <td>{formatDateTime(h.createdAt)}</td>
                    <td>{h.actorName}</td>
                    <td>{ACTION_LABELS[h.action] ?? h.action}</td>
                    <td>
                      {h.fromState || h.toState
                        ? `${h.fromState ? stateLabel(h.fromState) : "—"} → ${h.toState ? stateLabel(h.toState) : "—"}`
                        : ""}
                    </td>
                    <td style={{ whiteSpace: "pre-wrap" }}>{h.comment ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>Aucun événement enregistré.</p>
        )}
      </section>
    </div>
  );
}
