import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { requireAssociationMember } from "~/accounts/auth.server";
import { SubmitButton, ValidatedForm } from "~/components/form";
import { redirectWithFlash } from "~/lib/flash.server";
import { formatDateTime } from "~/lib/format";
import { domainAction, invalid, parseForm } from "~/lib/forms.server";
import { notFound } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { AnswerFields, AnswerText } from "~/network/consultation-answer-fields";
import { consultationForAssociation, saveAnswers } from "~/network/consultation-answers.server";
import { answerSchemaFor } from "~/network/consultation-schemas";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => [
  { title: pageTitle(matches, data?.consultation.title ?? "Consultation") },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { associationId } = await requireAssociationMember(request, params.associationId ?? "");
  const consultation = await consultationForAssociation(params.consultationId ?? "", associationId);
  if (!consultation) throw notFound();
  return { associationId, consultation };
}

const act = async ({ request, params }: ActionFunctionArgs) => {
  const { associationId, user } = await requireAssociationMember(request, params.associationId ?? "");
  const consultation = await consultationForAssociation(params.consultationId ?? "", associationId);
  if (!consultation) throw notFound();
  const parsed = await parseForm(request, answerSchemaFor(consultation.questions));
  if (!parsed.ok) return invalid(parsed);
  const { created } = await saveAnswers({ consultationId: consultation.id, associationId, userId: user.id, answers: parsed.data });
  return redirectWithFlash(
    `/espace/associations/${associationId}/consultations`,
    created ? "Merci : la réponse de votre association est enregistrée." : "La réponse de votre association est modifiée.",
  );
};
export const action = (args: ActionFunctionArgs) => domainAction(act)(args);

export default function AnswerConsultation() {
  const { associationId, consultation } = useLoaderData<typeof loader>();
  const schema = useMemo(() => answerSchemaFor(consultation.questions), [consultation.questions]);
  const closed = consultation.state === "close";
  return (
    <div className="container page narrow">
      <p>
        <Link to={`/espace/associations/${associationId}/consultations`}>‹ Consultations du réseau</Link>
      </p>
      <h1>{consultation.title}</h1>
      <p>
        Du {formatDateTime(consultation.opensAt)} au {formatDateTime(consultation.closesAt)}
        {consultation.event ? (
          <>
            {" "}
            · liée à l'événement <Link to={`/evenements/${consultation.event.slug}`}>{consultation.event.title}</Link>
          </>
        ) : null}
      </p>
      {consultation.description ? <p style={{ whiteSpace: "pre-wrap" }}>{consultation.description}</p> : null}
      {closed ? (
        <>
          <p className="alert alert-info">La consultation est close.</p>
          <h2>{consultation.answeredAt ? "La réponse de votre association" : "Votre association n'a pas répondu"}</h2>
          {consultation.answeredAt ? (
            <dl>
              {consultation.questions.map((q) => (
                <div key={q.id}>
                  <dt>{q.label}</dt>
                  <dd>
                    <AnswerText question={q} value={consultation.answers.find((a) => a.questionId === q.id)?.value} />
                  </dd>
                </div>
              ))}
            </dl>
          ) : null}
        </>
      ) : (
        <>
          {consultation.answeredAt ? (
            <p className="alert alert-info">
              Votre association a répondu le {formatDateTime(consultation.answeredAt)}. Vous pouvez modifier sa réponse jusqu'à la clôture.
            </p>
          ) : null}
          <ValidatedForm schema={schema} method="post" defaultValues={consultation.values}>
            <AnswerFields questions={consultation.questions} />
            <div className="actions">
              <SubmitButton>{consultation.answeredAt ? "Enregistrer les modifications" : "Envoyer la réponse"}</SubmitButton>
            </div>
          </ValidatedForm>
        </>
      )}
    </div>
  );
}
