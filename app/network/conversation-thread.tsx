// One conversation between two associations as one side reads it: the messages oldest first
// (a message hidden by the CCAS shows its reason, not its text), « Signaler ce message » on the
// other side's messages, and the reply form. Several forms on one page: each reads the action's
// answer only when it was the one sent (intent, and the message for a report).
import { failureFor, isActionFailure, SubmitButton, TextArea, ValidatedForm } from "~/components/form";
import { formatDateTime } from "~/lib/format";
import { replySchema, reportSchema } from "./message-schemas";

export type ThreadMessageView = {
  id: string;
  mine: boolean;
  associationName: string;
  authorName: string;
  createdAt: string | Date;
  hidden: boolean;
  hiddenReason: string | null;
  body: string | null;
};

function ReportForm({ messageId, actionData }: { messageId: string; actionData: unknown }) {
  const answer = failureFor(actionData, { intent: "report", messageId });
  return (
    <details open={isActionFailure(answer) || undefined} style={{ marginTop: "0.5rem" }}>
      <summary className="small">Signaler ce message</summary>
      <ValidatedForm schema={reportSchema} method="post" actionData={answer} defaultValues={{ messageId, reason: "" }} preventScrollReset>
        <input type="hidden" name="messageId" value={messageId} />
        <TextArea
          name="reason"
          label="Motif du signalement"
          hint="Le CCAS examine chaque signalement ; l'association qui a écrit n'est pas prévenue. 1000 caractères au maximum."
          required
          rows={2}
        />
        <SubmitButton name="intent" value="report" className="button button-secondary">
          Envoyer le signalement
        </SubmitButton>
      </ValidatedForm>
    </details>
  );
}

export function ConversationThread({ messages, actionData }: { messages: ThreadMessageView[]; actionData: unknown }) {
  return (
    <>
      <ol className="message-list" style={{ listStyle: "none", padding: 0 }} aria-label="Messages">
        {messages.map((m) => (
          <li
            key={m.id}
            className="card"
            style={{ marginBottom: "0.75rem", borderLeft: `5px solid ${m.mine ? "var(--green)" : "var(--blue)"}` }}
          >
            <p className="small muted" style={{ margin: 0 }}>
              <strong>{m.authorName}</strong> ({m.associationName}) – {formatDateTime(m.createdAt)}
            </p>
            {m.hidden ? (
              <p style={{ margin: "0.4rem 0 0" }}>
                <em>Message masqué par le CCAS</em>
                {m.hiddenReason ? <> – motif : {m.hiddenReason}</> : null}
              </p>
            ) : (
              <p style={{ whiteSpace: "pre-wrap", margin: "0.4rem 0 0" }}>{m.body}</p>
            )}
            {!m.mine && !m.hidden ? <ReportForm messageId={m.id} actionData={actionData} /> : null}
          </li>
        ))}
      </ol>
      <section aria-labelledby="repondre-titre">
        <h2 id="repondre-titre">Répondre</h2>
        <ValidatedForm
          key={messages.length}
          schema={replySchema}
          method="post"
          actionData={failureFor(actionData, { intent: "reply" })}
          defaultValues={{ body: "" }}
          preventScrollReset
        >
          <TextArea
            name="body"
            label="Votre réponse"
            hint="Les membres de l'autre association sont prévenus par courriel ; votre adresse ne leur est pas communiquée."
            required
            rows={4}
          />
          <SubmitButton name="intent" value="reply">
            Envoyer la réponse
          </SubmitButton>
        </ValidatedForm>
      </section>
    </>
  );
}
