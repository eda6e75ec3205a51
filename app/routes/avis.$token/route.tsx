// The page of an expert's personal link (no account): the question, the deadline, the dossier
// read-only with its attachments, the other experts' answers that are not confidential, and the
// one answer (a text, an optional file). Any link that may not be used gets the same page.
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { parseUploadForm } from "~/documents/storing.server";
import { isDomainError } from "~/lib/domain-error";
import { redirectWithFlash } from "~/lib/flash.server";
import { formatDate, formatDateTime } from "~/lib/format";
import { fieldError, formDataToObject, invalid, parseWith, refusal } from "~/lib/forms.server";
import { notFound } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { answerOpinion, getOpinionForExpert, INVALID_OPINION_LINK } from "~/review/opinion-links.server";
import { opinionAnswerSchema } from "~/review/opinion-schemas";
import { AnswerForm } from "./answer-form";
import { ReadOnlyDossier } from "./read-only-dossier";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "Demande d'avis") },
  { name: "robots", content: "noindex" },
];

// The link is a secret: no referrer to other sites, nothing kept by a shared cache.
export const headers: HeadersFunction = () => ({ "Referrer-Policy": "no-referrer", "Cache-Control": "private, no-store" });

export async function loader({ params }: LoaderFunctionArgs) {
  const page = await getOpinionForExpert(params.token ?? "");
  if (!page) throw notFound(INVALID_OPINION_LINK);
  return page;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const multipart = (request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data");
  const form = multipart ? await parseUploadForm(request) : { ok: true as const, formData: await request.formData() };
  if (!form.ok) return fieldError("file", form.message);
  const values = formDataToObject(form.formData);
  const typed = { answer: typeof values.answer === "string" ? values.answer : "" };
  const parsed = parseWith(opinionAnswerSchema, values);
  if (!parsed.ok) {
    if (!(await getOpinionForExpert(token))) throw notFound(INVALID_OPINION_LINK);
    return invalid(parsed);
  }
  const file = form.formData.get("file");
  const upload = file instanceof File && file.size > 0 ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null;
  try {
    const outcome = await answerOpinion(token, parsed.data.answer, upload);
    if (!outcome.ok) throw notFound(INVALID_OPINION_LINK);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return refusal(error, typed);
  }
  return redirectWithFlash(`/avis/${token}`, "Merci : votre avis est transmis au CCAS.");
}

export default function ExpertOpinionPage() {
  const { opinion, dossier, others } = useLoaderData<typeof loader>();
  const late = !opinion.answeredAt && new Date(opinion.dueAt) < new Date();
  return (
    <div className="container page stack">
      <h1>Demande d'avis – dossier {dossier.number}</h1>
      <p className="lead">
        Bonjour {opinion.expertName}, le CCAS sollicite votre avis sur le projet « {dossier.projectTitle ?? "sans titre"} » de{" "}
        {dossier.associationName} (appel à projets « {dossier.callTitle} »).
      </p>
      <section aria-labelledby="question-titre" className="card stack">
        <h2 id="question-titre">La question posée</h2>
        <p style={{ whiteSpace: "pre-wrap" }}>{opinion.question}</p>
        <p>
          <strong>Réponse attendue avant le {formatDate(opinion.dueAt)}</strong>
          {late ? " — la date est passée, mais votre avis reste attendu." : "."}
        </p>
        <p className="small muted">
          {opinion.confidential
            ? "Votre avis est confidentiel : seul le personnel du CCAS le lira."
            : "Votre avis sera lu par le personnel du CCAS et par les autres personnes consultées sur ce dossier. L'association ne le voit pas."}
        </p>
      </section>
      {opinion.answeredAt ? (
        <section aria-labelledby="reponse-titre" className="card stack">
          <h2 id="reponse-titre">Merci pour votre avis</h2>
          <p>Votre avis a été transmis au CCAS le {formatDateTime(opinion.answeredAt)}. Il ne peut plus être modifié.</p>
          <p style={{ whiteSpace: "pre-wrap" }}>{opinion.answer}</p>
          {opinion.fileName ? <p className="small">Fichier joint : {opinion.fileName}</p> : null}
        </section>
      ) : (
        <AnswerForm />
      )}
      {others.length ? (
        <section aria-labelledby="autres-avis-titre" className="stack">
          <h2 id="autres-avis-titre">Avis des autres personnes consultées</h2>
          <ul className="stack">
            {others.map((o) => (
              <li key={o.id}>
                <span className="small muted">
                  {o.expertName}, le {formatDate(o.answeredAt!)} :
                </span>{" "}
                <span style={{ whiteSpace: "pre-wrap" }}>{o.answer}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <ReadOnlyDossier dossier={dossier} />
    </div>
  );
}
