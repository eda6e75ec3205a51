// The message thread of a dossier between the association and CCAS staff. The staff review
// page and the association's pages both render it; the form posts to `action`, which answers
// with a redirect back to `redirectTo` (or 400 with the message kept).
//
// Member side, in the association's dossier page:
//   loader: `const thread = await listMessagesForMember(associationId, dossierId)` (messages.server.ts)
//   <MessageThread messages={thread.messages}
//     action={`/espace/associations/${associationId}/dossiers/${dossierId}/messages`}
//     redirectTo={`/espace/associations/${associationId}/dossiers/${dossierId}`} />
import { formatDateTime } from "~/lib/format";
import { messageSchema } from "~/review/schemas";
import { SubmitButton, TextArea, ValidatedForm } from "../components/form";

export type ThreadMessage = { id: string; body: string; createdAt: string | Date; fromStaff: boolean; authorName: string };

export function MessageThread({
  messages,
  action,
  redirectTo,
  side = "member",
  headingLevel = 2,
  canWrite = true,
  actionData,
}: {
  messages: ThreadMessage[];
  action?: string;
  redirectTo?: string;
  side?: "member" | "staff";
  headingLevel?: 2 | 3;
  canWrite?: boolean;
  /** The action's answer for this form, when the page holds several forms. */
  actionData?: unknown;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby="messagerie-titre" id="messagerie" className="stack">
      <Heading id="messagerie-titre">Messagerie {side === "staff" ? "avec l'association" : "avec le CCAS"}</Heading>
      {messages.length === 0 ? (
        <p className="muted">Aucun message pour le moment.</p>
      ) : (
        <ol className="message-list" style={{ listStyle: "none", padding: 0 }}>
          {messages.map((m) => (
            <li
              key={m.id}
              className="card"
              style={{ marginBottom: "0.75rem", borderLeft: `5px solid ${m.fromStaff ? "var(--blue)" : "var(--green)"}` }}
            >
              <p className="small muted" style={{ margin: 0 }}>
                <strong>{m.authorName}</strong>
                {m.fromStaff && side === "staff" ? " (CCAS)" : ""} – {formatDateTime(m.createdAt)}
              </p>
              <p style={{ whiteSpace: "pre-wrap", margin: "0.4rem 0 0" }}>{m.body}</p>
            </li>
          ))}
        </ol>
      )}
      {canWrite ? (
        // A new form once the message is in the thread (keyed by the count): the field is empty again.
        <ValidatedForm
          key={messages.length}
          schema={messageSchema}
          method="post"
          action={action}
          actionData={actionData}
          defaultValues={{ body: "" }}
          preventScrollReset
        >
          {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
          <TextArea
            name="body"
            label={side === "staff" ? "Message à l'association" : "Message au CCAS"}
            hint={
              side === "staff"
                ? "Visible par les membres de l'association, qui sont prévenus par courriel."
                : "Les instructeur·rices du CCAS sont prévenu·es par courriel."
            }
            required
            rows={3}
          />
          <SubmitButton name="intent" value="message">
            Envoyer le message
          </SubmitButton>
        </ValidatedForm>
      ) : null}
    </section>
  );
}
