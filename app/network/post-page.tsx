// The parts of a post's page: the post itself (its text as text), the author's actions, the
// answers received (one line per association, a link to the conversation) and the answer form.
import { Form } from "@remix-run/react";
import { isActionFailure, SubmitButton, TextArea, ValidatedForm } from "~/components/form";
import { formatDate } from "~/lib/format";
import {
  CATEGORY_LABELS,
  KIND_LABELS,
  POST_LIMITS,
  formatDay,
  statusLabel,
  type PostCategory,
  type PostKind,
  type PostStatus,
} from "./post-labels";
import { answerSchema } from "./post-schemas";

type PostView = {
  kind: PostKind;
  category: PostCategory;
  title: string;
  body: string;
  endsOn: string | Date;
  status: PostStatus;
  hiddenAt: string | Date | null;
  hiddenReason: string | null;
  fulfilledAt: string | Date | null;
  createdAt: string | Date;
  fieldLabel: string;
  districtLabel: string;
  association: { name: string; slug: string };
};

export function PostDetails({ post, today, own }: { post: PostView; today: string; own: boolean }) {
  const state = statusLabel(post, today);
  return (
    <article>
      <p>
        <span className={`badge ${post.kind === "besoin" ? "badge-orange" : "badge-green"}`}>{KIND_LABELS[post.kind]}</span>{" "}
        <span className="tag">{CATEGORY_LABELS[post.category]}</span>
      </p>
      <h1>{post.title}</h1>
      {state !== "En cours" ? (
        <div className={`alert ${post.hiddenAt ? "alert-error" : "alert-warning"}`}>
          <p>
            <strong>État : {state}</strong>
            {post.status === "fulfilled" && post.fulfilledAt ? ` depuis le ${formatDate(post.fulfilledAt)}` : null}.
          </p>
          {own && post.hiddenAt && post.hiddenReason ? <p>Raison donnée par le CCAS : {post.hiddenReason}</p> : null}
        </div>
      ) : null}
      <dl className="definition-list">
        <dt>Association</dt>
        <dd>{own ? `${post.association.name} (votre association)` : post.association.name}</dd>
        <dt>Champ d'intervention</dt>
        <dd>{post.fieldLabel}</dd>
        <dt>Quartier</dt>
        <dd>{post.districtLabel}</dd>
        <dt>Publiée le</dt>
        <dd>{formatDate(post.createdAt)}</dd>
        <dt>Dernier jour</dt>
        <dd>{formatDay(post.endsOn)}</dd>
      </dl>
      <h2>Description</h2>
      <p style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{post.body}</p>
    </article>
  );
}

export function PostAuthorActions({ editHref }: { editHref: string }) {
  return (
    <div className="actions">
      <a className="button button-secondary" href={editHref}>
        Modifier
      </a>
      <Form method="post">
        <input type="hidden" name="intent" value="fulfil" />
        <button type="submit" className="button">
          Marquer comme pourvu
        </button>
      </Form>
    </div>
  );
}

export type AnswerLine = { id: string; associationName: string; answeredAt: string | Date; href: string };

export function PostAnswers({ answers }: { answers: AnswerLine[] }) {
  return (
    <section aria-labelledby="reponses">
      <h2 id="reponses">Réponses reçues</h2>
      {answers.length === 0 ? (
        <p>Aucune association n'a encore répondu. Vous recevrez un courriel à chaque réponse.</p>
      ) : (
        <ul className="stack">
          {answers.map((a) => (
            <li key={a.id}>
              <strong>{a.associationName}</strong>, le {formatDate(a.answeredAt)} — <a href={a.href}>Lire la conversation</a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** actionData: the action's answer, kept only when it answers this form (not the report's). */
export function PostAnswerForm({ associationName, actionData }: { associationName: string; actionData?: unknown }) {
  const answer = isActionFailure(actionData) && (actionData.values as Record<string, unknown>).intent !== "report" ? actionData : {};
  return (
    <section aria-labelledby="repondre" className="card">
      <h2 id="repondre">Répondre à cette annonce</h2>
      <p>Votre message est transmis à {associationName} par le portail, sans votre adresse ; la suite se passe dans la messagerie.</p>
      <ValidatedForm schema={answerSchema} method="post" actionData={answer}>
        <input type="hidden" name="intent" value="answer" />
        <TextArea name="body" label="Votre message" required rows={6} hint={`${POST_LIMITS.answerMax} caractères au maximum.`} />
        <div className="actions">
          <SubmitButton>Envoyer la réponse</SubmitButton>
        </div>
      </ValidatedForm>
    </section>
  );
}
