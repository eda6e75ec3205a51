// The confirmation step of bulk decisions (from the call's table): each selected dossier with
// its own amount (accepting: the amount requested by default; the envelope and the total shown)
// or reason (refusing: required), then « Confirmer les N décisions » applies each one and the
// page reports, dossier by dossier, what happened. Server-rendered: no script needed.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireStaff } from "~/accounts/auth.server";
import { isActionFailure } from "~/components/form";
import { STATE_BADGES, stateLabel } from "~/dossiers/dossier-states";
import { centsToInput, formatEuros, pluralize } from "~/lib/format";
import { domainAction, domainLoader, formDataToObject, invalid, parseWith, unknownIntent } from "~/lib/forms.server";
import { pageTitle } from "~/lib/meta";
import { parseEurosToCents } from "~/lib/validation";
import { applyDecisions, prepareDecisions } from "~/review/bulk-decisions.server";
import type { DecisionResult } from "~/review/bulk-decisions.server";
import {
  amountField,
  BULK_DECISION_LABELS,
  confirmDecisionsSchema,
  decisionStepSchema,
  reasonField,
  type BulkDecision,
} from "~/review/bulk-schemas";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, data?.step ? BULK_DECISION_LABELS[data.step.decision].title : "Décisions groupées") },
];

export const loader = (args: LoaderFunctionArgs) => domainLoader(load)(args);

async function load({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const url = new URL(request.url);
  const parsed = parseWith(decisionStepSchema, {
    decision: url.searchParams.get("decision") ?? "",
    dossierId: url.searchParams.getAll("dossierId"),
  });
  const prepared = await prepareDecisions(user, params.callId!, parsed.ok ? parsed.data.dossierId : []);
  return {
    callId: params.callId!,
    step: parsed.ok ? { decision: parsed.data.decision, ...prepared } : null,
    problem: parsed.ok ? null : Object.values(parsed.errors)[0],
    callTitle: prepared.call.title,
  };
}

export const action = (args: ActionFunctionArgs) => domainAction(post)(args);

async function post({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const callId = params.callId!;
  const values = formDataToObject(await request.formData());
  if (values.intent !== "confirm" && values.intent !== "recalculate") return unknownIntent(values);
  const step = parseWith(decisionStepSchema, values);
  if (!step.ok) return invalid(step);
  const { decision, dossierId: ids } = step.data;
  if (values.intent === "recalculate") return data({ recalculated: true as const, values });
  const { rows } = await prepareDecisions(user, callId, ids);
  const decidable = rows.filter((r) => !r.blocked);
  const parsed = parseWith(confirmDecisionsSchema(decision, decidable), values);
  if (!parsed.ok) return invalid(parsed);
  const fields = parsed.data as Record<string, unknown>;
  const outcome = await applyDecisions(
    user,
    callId,
    decision,
    ids.map((dossierId) => ({
      dossierId,
      amountCents: fields[amountField(dossierId)] as number | undefined,
      reason: fields[reasonField(dossierId)] as string | undefined,
    })),
  );
  return data({ applied: true as const, decision, ...outcome });
}

const fieldId = (name: string) => `champ-${name}`;

export default function BulkDecisions() {
  const { callId, step, problem, callTitle } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const tablePath = `/instruction/appels/${callId}/dossiers`;
  if (answer && "applied" in answer) return <Results callId={callId} callTitle={callTitle} {...answer} />;
  if (!step) {
    return (
      <div className="container page narrow">
        <h1>Décisions groupées : {callTitle}</h1>
        <div className="alert alert-warning" role="alert">
          {problem ?? "Aucun dossier sélectionné."}
        </div>
        <p>
          <Link to={tablePath}>‹ Retour au tableau des dossiers</Link>
        </p>
      </div>
    );
  }
  const failure = isActionFailure(answer) ? answer : null;
  const typedValues: Record<string, unknown> = failure?.values ?? (answer && "recalculated" in answer ? answer.values : {});
  const errors = failure?.errors ?? {};
  const typed = (name: string) => (typeof typedValues[name] === "string" ? (typedValues[name] as string) : undefined);
  const { decision, rows, call, grantedCents, unknown } = step;
  const decidable = rows.filter((r) => !r.blocked);
  const labels = BULK_DECISION_LABELS[decision];
  const amountOf = (r: (typeof rows)[number]) => {
    const text = typed(amountField(r.id));
    return text === undefined ? (r.requestedCents ?? 0) : (parseEurosToCents(text) ?? 0);
  };
  const totalCents = decidable.reduce((sum, r) => sum + amountOf(r), 0);
  const afterCents = grantedCents + totalCents;
  const back = `${tablePath}?${new URLSearchParams(rows.map((r) => ["dossierId", r.id])).toString()}`;
  const messages = Object.entries(errors).filter(([, m]) => m);
  return (
    <div className="container page">
      <p>
        <Link to={back}>‹ Retour au tableau (sélection gardée)</Link>
      </p>
      <h1>
        {labels.title} : {call.title}
      </h1>
      <p className="lead">
        Vérifiez chaque dossier, puis confirmez : chaque décision est appliquée séparément et l'association est prévenue par courriel.
        {decision === "accepte" ? " Accepter un dossier crée sa subvention du montant accordé." : null}
      </p>
      {messages.length ? (
        <div className="alert alert-error" role="alert" tabIndex={-1}>
          <h2 className="alert-title">
            {messages.length === 1 ? "Le formulaire contient une erreur" : `Le formulaire contient ${messages.length} erreurs`} : aucune
            décision n'a été appliquée.
          </h2>
          <ul>
            {messages.map(([name, message]) => (
              <li key={name}>
                {name.startsWith("amount_") || name.startsWith("reason_") ? <a href={`#${fieldId(name)}`}>{message}</a> : message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {unknown > 0 ? (
        <div className="alert alert-warning" role="alert">
          {pluralize(unknown, "dossier sélectionné n'est pas", "dossiers sélectionnés ne sont pas")} un dossier déposé de cet appel : il(s)
          ne sera (seront) pas décidé(s).
        </div>
      ) : null}
      {decision === "accepte" ? (
        <>
          <dl className="definition-list">
            <dt>Enveloppe de l'appel</dt>
            <dd>{formatEuros(call.envelopeCents)}</dd>
            <dt>Déjà accordé sur l'appel (hors sélection)</dt>
            <dd>{formatEuros(grantedCents)}</dd>
            <dt>Total des montants ci-dessous</dt>
            <dd>{formatEuros(totalCents)}</dd>
            <dt>Total accordé après ces décisions</dt>
            <dd>{formatEuros(afterCents)}</dd>
          </dl>
          {afterCents > call.envelopeCents ? (
            <div className="alert alert-warning" role="alert">
              <h2 className="alert-title">Enveloppe dépassée</h2>
              <p>
                Avec ces montants, l'appel accorderait {formatEuros(afterCents)}, soit {formatEuros(afterCents - call.envelopeCents)} de
                plus que son enveloppe de {formatEuros(call.envelopeCents)}.
              </p>
            </div>
          ) : null}
        </>
      ) : null}
      <Form method="post" reloadDocument className="stack">
        <input type="hidden" name="decision" value={decision} />
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Dossiers à {labels.verb}</caption>
            <thead>
              <tr>
                <th scope="col">Dossier</th>
                <th scope="col">Association et projet</th>
                <th scope="col">État</th>
                <th scope="col" className="num">
                  Demandé
                </th>
                <th scope="col">{decision === "accepte" ? "Montant accordé" : decision === "refuse" ? "Motif du refus" : "Motif"}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const name = decision === "accepte" ? amountField(r.id) : reasonField(r.id);
                const error = errors[name];
                return (
                  <tr key={r.id}>
                    <th scope="row">
                      <input type="hidden" name="dossierId" value={r.id} />
                      <Link to={`/instruction/dossiers/${r.id}`}>{r.number}</Link>
                    </th>
                    <td>
                      {r.associationName}
                      <div className="small muted">{r.projectTitle ?? ""}</div>
                    </td>
                    <td>
                      <span className={STATE_BADGES[r.state] ?? "badge"}>{stateLabel(r.state)}</span>
                    </td>
                    <td className="num">{r.requestedCents !== null ? formatEuros(r.requestedCents) : "—"}</td>
                    <td>
                      {r.blocked ? (
                        <p className="small">
                          <strong>Ne sera pas décidé.</strong> {r.blocked}
                        </p>
                      ) : (
                        <div className={`field ${error ? "field-invalid" : ""}`}>
                          <label htmlFor={fieldId(name)} className="visually-hidden">
                            {decision === "accepte" ? `Montant accordé au dossier ${r.number} (€)` : `Motif pour le dossier ${r.number}`}
                          </label>
                          {decision === "accepte" ? (
                            <input
                              id={fieldId(name)}
                              name={name}
                              inputMode="decimal"
                              defaultValue={typed(name) ?? centsToInput(r.requestedCents)}
                              aria-invalid={error ? true : undefined}
                              aria-describedby={error ? `${fieldId(name)}-error` : undefined}
                              aria-required="true"
                            />
                          ) : (
                            <textarea
                              id={fieldId(name)}
                              name={name}
                              rows={2}
                              defaultValue={typed(name) ?? ""}
                              aria-invalid={error ? true : undefined}
                              aria-describedby={error ? `${fieldId(name)}-error` : undefined}
                              aria-required={decision === "refuse" || undefined}
                            />
                          )}
                          {error ? (
                            <p className="field-error" id={`${fieldId(name)}-error`}>
                              {error}
                            </p>
                          ) : null}
                        </div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {decidable.length ? (
          <div className="actions">
            <button type="submit" name="intent" value="confirm" className="button">
              Confirmer {decidable.length === 1 ? "la décision" : `les ${decidable.length} décisions`}
            </button>
            {decision === "accepte" ? (
              <button type="submit" name="intent" value="recalculate" className="button button-secondary">
                Recalculer le total
              </button>
            ) : null}
            <Link to={back}>Annuler</Link>
          </div>
        ) : (
          <div className="alert alert-warning" role="alert">
            Aucun dossier de la sélection ne peut être décidé maintenant. <Link to={back}>Retour au tableau</Link>
          </div>
        )}
      </Form>
    </div>
  );
}

type ResultsProps = {
  callId: string;
  callTitle: string;
  decision: BulkDecision;
  unknown: number;
  results: DecisionResult[];
};

function Results({ callId, callTitle, decision, results, unknown }: ResultsProps) {
  const done = results.filter((r) => r.outcome === "done").length;
  const refused = results.length - done;
  const tablePath = `/instruction/appels/${callId}/dossiers`;
  return (
    <div className="container page">
      <h1>Résultat des décisions : {callTitle}</h1>
      <div className={`alert ${refused || unknown ? "alert-warning" : "alert-success"}`} role="status">
        <h2 className="alert-title">
          {pluralize(done, "décision appliquée", "décisions appliquées")}
          {refused ? `, ${pluralize(refused, "non appliquée", "non appliquées")}` : ""}
        </h2>
        {unknown ? <p>{pluralize(unknown, "dossier ignoré", "dossiers ignorés")} : pas un dossier déposé de cet appel.</p> : null}
      </div>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Résultat de chaque décision ({BULK_DECISION_LABELS[decision].verb})</caption>
          <thead>
            <tr>
              <th scope="col">Dossier</th>
              <th scope="col">Association</th>
              <th scope="col">Résultat</th>
              <th scope="col">Détail</th>
            </tr>
          </thead>
          <tbody>
            {results.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <Link to={`/instruction/dossiers/${r.id}`}>{r.number}</Link>
                </th>
                <td>{r.associationName}</td>
                <td>
                  {r.outcome === "done" ? (
                    <span className="badge badge-green">Fait</span>
                  ) : (
                    <span className="badge badge-red">Non appliqué</span>
                  )}
                </td>
                <td>
                  {r.message}
                  {r.subsidy ? (
                    <div>
                      Subvention <Link to={`/instruction/subventions/${r.subsidy.id}`}>{r.subsidy.number}</Link> créée :{" "}
                      {formatEuros(r.subsidy.proposedCents)}
                    </div>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <Link to={tablePath}>‹ Retour au tableau des dossiers de l'appel</Link>
      </p>
    </div>
  );
}
