// One conversation with another association: the thread (read on opening), the reply, and
// « Signaler ce message » on the other side's messages.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { UnplacedFailure } from "~/components/unplaced-failure";
import { requireAssociationMember } from "~/accounts/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { domainAction, domainLoader, formDataToObject, invalid, parseWith, unknownIntent } from "~/lib/forms.server";
import { pageTitle } from "~/lib/meta";
import { reportMessage } from "~/network/abuse-reports.server";
import { ConversationThread } from "~/network/conversation-thread";
import { conversationPath, replyToConversation } from "~/network/conversations.server";
import { readConversation } from "~/network/inbox.server";
import { replySchema, reportSchema } from "~/network/message-schemas";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, data ? `${data.conversation.subject} – Messagerie` : "Conversation") },
];

export const loader = (args: LoaderFunctionArgs) => domainLoader(load)(args);

async function load({ request, params }: LoaderFunctionArgs) {
  const { associationId } = await requireAssociationMember(request, params.associationId!);
  const conversation = await readConversation(associationId, params.conversationId!);
  return { associationId, conversation };
}

export const action = (args: ActionFunctionArgs) => domainAction(post)(args);

async function post({ request, params }: ActionFunctionArgs) {
  const { associationId, user } = await requireAssociationMember(request, params.associationId!);
  // The conversation must be one of this side's before anything is read from the form.
  const conversation = await readConversation(associationId, params.conversationId!, { markRead: false });
  const here = conversationPath(associationId, conversation.id);
  const values = formDataToObject(await request.formData());
  if (values.intent === "reply") {
    const parsed = parseWith(replySchema, values);
    if (!parsed.ok) return invalid(parsed);
    await replyToConversation({ conversationId: conversation.id, associationId, authorId: user.id, body: parsed.data.body });
    return redirectWithFlash(here, "Votre réponse a été envoyée.");
  }
  if (values.intent === "report") {
    const parsed = parseWith(reportSchema, values);
    if (!parsed.ok) return invalid(parsed);
    if (!conversation.messages.some((m) => m.id === parsed.data.messageId))
      return invalid({ errors: { reason: "Ce message n'est pas dans cette conversation." }, values });
    await reportMessage({
      messageId: parsed.data.messageId,
      reason: parsed.data.reason,
      reporterId: user.id,
      reporterAssociationId: associationId,
    });
    return redirectWithFlash(here, "Merci : votre signalement a été transmis au CCAS, qui va l'examiner.");
  }
  return unknownIntent(values);
}

export default function ConversationPage() {
  const { associationId, conversation: c } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="container page narrow">
      <p>
        <Link to={`/espace/associations/${associationId}/messagerie`}>‹ Messagerie</Link>
      </p>
      <h1>{c.subject}</h1>
      <p>
        Conversation avec {c.other.directoryPath ? <Link to={c.other.directoryPath}>{c.other.name}</Link> : c.other.name}
        {c.post ? (
          <>
            {" "}
            – en réponse à l'annonce <Link to={`/espace/associations/${associationId}/reseau/${c.post.id}`}>« {c.post.title} »</Link>
          </>
        ) : null}
        .
      </p>
      <UnplacedFailure
        actionData={actionData}
        placed={(v) => v.intent === "reply" || c.messages.some((m) => !m.mine && !m.hidden && m.id === v.messageId)}
      />
      <ConversationThread messages={c.messages} actionData={actionData} />
    </div>
  );
}
