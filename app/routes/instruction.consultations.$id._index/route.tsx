import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireStaff } from "~/accounts/auth.server";
import { isActionFailure, SubmitButton, ValidatedForm } from "~/components/form";
import { formatDateTime, toParisInputValue } from "~/lib/format";
import { domainAction } from "~/lib/forms.server";
import { notFound } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { ConsultationFields, QuestionFields } from "~/network/consultation-fields";
import {
  CONSULTATION_STATE_LABELS,
  consultationState,
  QUESTION_KIND_LABELS,
  QUESTIONS_FIXED_MESSAGE,
  type QuestionDefinition,
} from "~/network/consultation-labels";
import { consultationSchema, questionSchema } from "~/network/consultation-schemas";
import { eventChoices, getConsultationForStaff } from "~/network/consultations.server";
import { consultationPageAction } from "./actions.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => [
  { title: pageTitle(matches, data?.consultation.title ?? "Consultation") },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const consultation = await getConsultationForStaff(params.id ?? "");
  if (!consultation) throw notFound();
  const editing = new URL(request.url).searchParams.get("question");
  const events = await eventChoices();
  return {
    consultation,
    state: consultationState(consultation),
    editing: consultation.questions.find((q) => q.id === editing) ?? null,
    events: events.map((e) => ({ ...e, startsAt: e.startsAt.toISOString() })),
  };
}

const act = async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireStaff(request);
  const consultation = await getConsultationForStaff(params.id ?? "");
  if (!consultation) throw notFound();
  return consultationPageAction(request, consultation.id, user);
};
export const action = (args: ActionFunctionArgs) => domainAction(act)(args);

function questionDefaults(q: QuestionDefinition | null) {
  if (!q)
    return {
      questionId: "",
      kind: "",
      label: "",
      help: "",
      required: "",
      choices: "",
      scaleMin: "",
      scaleMax: "",
      scaleMinLabel: "",
      scaleMaxLabel: "",
    };
  return {
    questionId: q.id,
    kind: q.kind,
    label: q.label,
    help: q.help,
    required: q.required ? "on" : "",
    choices: q.options.map((o) => o.label).join("\n"),
    scaleMin: q.scaleMin === null ? "" : String(q.scaleMin),
    scaleMax: q.scaleMax === null ? "" : String(q.scaleMax),
    scaleMinLabel: q.scaleMinLabel ?? "",
    scaleMaxLabel: q.scaleMaxLabel ?? "",
  };
}

function QuestionSummary({ q }: { q: QuestionDefinition }) {
  return (
    <>
      <p className="small muted">
        {QUESTION_KIND_LABELS[q.kind]}
        {q.required ? " · obligatoire" : " · facultative"}
        {q.kind === "scale"
          ? ` · de ${q.scaleMin} (${q.scaleMinLabel || "minimum"}) à ${q.scaleMax} (${q.scaleMaxLabel || "maximum"})`
          : ""}
      </p>
      {q.options.length ? (
        <ul className="small">
          {q.options.map((o) => (
            <li key={o.id}>{o.label}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

export default function StaffConsultation() {
  const { consultation, state, editing, events } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const intent = isActionFailure(actionData) ? String(actionData.values.intent ?? "") : null;
  const fixed = consultation.answerCount > 0;
  const otherFailure = isActionFailure(actionData) && intent !== "details" && intent !== "question" ? actionData.formError : null;
  const none = {};
  const hidden = (name: string) => <span className="visually-hidden">{` la question « ${name} »`}</span>;
  return (
    <div className="container page">
      <p>
        <Link to="/instruction/consultations">‹ Consultations du réseau</Link>
      </p>
      <h1>{consultation.title}</h1>
      <p>
        État : <strong>{CONSULTATION_STATE_LABELS[state]}</strong> · du {formatDateTime(consultation.opensAt)} au{" "}
        {formatDateTime(consultation.closesAt)}
        {consultation.event ? <> · liée à « {consultation.event.title} »</> : null}
      </p>
      <p>
        <Link to={`/instruction/consultations/${consultation.id}/resultats`}>Voir les résultats</Link> ({consultation.answerCount}{" "}
        {consultation.answerCount > 1 ? "réponses" : "réponse"}) ·{" "}
        <a href={`/instruction/consultations/${consultation.id}/export.csv`} download>
          Télécharger les réponses (CSV)
        </a>
      </p>
      {otherFailure ? (
        <div className="alert alert-error" role="alert">
          {otherFailure}
        </div>
      ) : null}

      <section aria-labelledby="publication">
        <h2 id="publication">Publication</h2>
        {consultation.publishedAt ? (
          <>
            <p>Publiée le {formatDateTime(consultation.publishedAt)}.</p>
            {!fixed ? (
              <Form method="post">
                <input type="hidden" name="intent" value="unpublish" />
                <button type="submit" className="button button-secondary">
                  Repasser en brouillon
                </button>
              </Form>
            ) : null}
          </>
        ) : (
          <Form method="post">
            <p>Brouillon : les associations ne la voient pas encore.</p>
            <input type="hidden" name="intent" value="publish" />
            <button type="submit" className="button">
              Publier la consultation
            </button>
          </Form>
        )}
      </section>

      <section aria-labelledby="questions">
        <h2 id="questions">Questions</h2>
        {fixed ? <p className="alert alert-info">{QUESTIONS_FIXED_MESSAGE}</p> : null}
        {consultation.questions.length === 0 ? <p>Aucune question pour l'instant.</p> : null}
        <ol>
          {consultation.questions.map((q, i) => (
            <li key={q.id}>
              <strong>{q.label}</strong>
              <QuestionSummary q={q} />
              {!fixed ? (
                <div className="actions">
                  <Link to={`?question=${q.id}#question-form`}>Modifier{hidden(q.label)}</Link>
                  {i > 0 ? (
                    <Form method="post">
                      <input type="hidden" name="questionId" value={q.id} />
                      <button type="submit" name="intent" value="move-up" className="button button-secondary">
                        Monter{hidden(q.label)}
                      </button>
                    </Form>
                  ) : null}
                  {i < consultation.questions.length - 1 ? (
                    <Form method="post">
                      <input type="hidden" name="questionId" value={q.id} />
                      <button type="submit" name="intent" value="move-down" className="button button-secondary">
                        Descendre{hidden(q.label)}
                      </button>
                    </Form>
                  ) : null}
                  <Form method="post">
                    <input type="hidden" name="questionId" value={q.id} />
                    <button type="submit" name="intent" value="remove" className="button button-secondary">
                      Retirer{hidden(q.label)}
                    </button>
                  </Form>
                </div>
              ) : null}
            </li>
          ))}
        </ol>
        {!fixed ? (
          <div id="question-form">
            <h3>{editing ? `Modifier la question « ${editing.label} »` : "Ajouter une question"}</h3>
            <ValidatedForm
              key={`${editing?.id ?? "new"}-${consultation.questions.length}`}
              schema={questionSchema}
              method="post"
              defaultValues={questionDefaults(editing)}
              actionData={intent === "question" ? actionData : none}
            >
              <input type="hidden" name="intent" value="question" />
              <input type="hidden" name="questionId" value={editing?.id ?? ""} />
              <QuestionFields />
              <div className="actions">
                <SubmitButton>{editing ? "Enregistrer la question" : "Ajouter la question"}</SubmitButton>
                {editing ? <Link to=".#questions">Annuler</Link> : null}
              </div>
            </ValidatedForm>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="details">
        <h2 id="details">Titre, présentation et dates</h2>
        <ValidatedForm
          schema={consultationSchema}
          method="post"
          actionData={intent === "details" ? actionData : none}
          defaultValues={{
            title: consultation.title,
            description: consultation.description,
            opensAt: toParisInputValue(consultation.opensAt),
            closesAt: toParisInputValue(consultation.closesAt),
            eventId: consultation.eventId ?? "",
          }}
        >
          <input type="hidden" name="intent" value="details" />
          <ConsultationFields events={events} />
          <div className="actions">
            <SubmitButton>Enregistrer la consultation</SubmitButton>
          </div>
        </ValidatedForm>
      </section>
    </div>
  );
}
