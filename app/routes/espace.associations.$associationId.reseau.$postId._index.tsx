import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireAssociationMember } from "~/accounts/auth.server";
import { UnplacedFailure } from "~/components/unplaced-failure";
import { prisma } from "~/db.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { domainAction, domainLoader, formDataToObject, invalid, parseWith, unknownIntent } from "~/lib/forms.server";
import { pageTitle } from "~/lib/meta";
import { reportPost } from "~/network/abuse-reports.server";
import { conversationPath } from "~/network/conversations.server";
import { postReportSchema } from "~/network/message-schemas";
import { PostReportForm } from "~/network/post-report-form";
import { parisToday } from "~/network/post-labels";
import { PostAnswerForm, PostAnswers, PostDetails, PostAuthorActions } from "~/network/post-page";
import { answerSchema } from "~/network/post-schemas";
import { withTermLabels } from "~/network/post-views.server";
import { answerPost, answersTo, markPostFulfilled, readPost } from "~/network/posts.server";
import { getTaxonomy } from "~/settings/taxonomy.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data?.view.post.title ?? "Annonce") }];

export const loader = (args: LoaderFunctionArgs) => domainLoader(load)(args);

async function load({ request, params }: LoaderFunctionArgs) {
  const { associationId } = await requireAssociationMember(request, params.associationId ?? "");
  const view = await readPost(associationId, params.postId ?? "");
  const [taxonomy, answers] = await Promise.all([getTaxonomy(), view.own ? answersTo(associationId, view.post.id) : Promise.resolve([])]);
  return { associationId, today: parisToday(), view: { ...view, post: withTermLabels(taxonomy, view.post) }, answers };
}

export const action = (args: ActionFunctionArgs) => domainAction(act)(args);

async function act({ request, params }: ActionFunctionArgs) {
  const { associationId, user } = await requireAssociationMember(request, params.associationId ?? "");
  const postId = params.postId ?? "";
  // A post this association cannot see is not there, whatever the form says (404 before any parsing).
  await readPost(associationId, postId);
  const values = formDataToObject(await request.formData());
  if (values.intent === "fulfil") {
    await markPostFulfilled(associationId, postId, user.id);
    return redirectWithFlash(
      `/espace/associations/${associationId}/reseau/${postId}`,
      "Annonce marquée comme pourvue : elle n'est plus proposée au réseau.",
    );
  }
  if (values.intent === "report") {
    const parsed = parseWith(postReportSchema, values);
    if (!parsed.ok) return invalid(parsed);
    await reportPost({ postId, reason: parsed.data.reason, reporterId: user.id, reporterAssociationId: associationId });
    return redirectWithFlash(
      `/espace/associations/${associationId}/reseau/${postId}`,
      "Merci : votre signalement a été transmis au CCAS, qui va l'examiner.",
    );
  }
  if (values.intent !== undefined && values.intent !== "answer") return unknownIntent(values);
  const parsed = parseWith(answerSchema, values);
  if (!parsed.ok) return invalid(parsed);
  const { conversationId } = await answerPost({ associationId, postId, authorId: user.id, body: parsed.data.body });
  const { post } = await readPost(associationId, postId);
  const author = await prisma.association.findUniqueOrThrow({ where: { id: post.associationId }, select: { name: true } });
  return redirectWithFlash(conversationPath(associationId, conversationId), `Votre réponse a été envoyée à ${author.name}.`);
}

export default function NetworkPost() {
  const { associationId, today, view, answers } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { post } = view;
  return (
    <div className="container page narrow">
      <p>
        <Link to={`/espace/associations/${associationId}/reseau`}>‹ Besoins et offres du réseau</Link>
      </p>
      <PostDetails post={post} today={today} own={view.own} />
      <UnplacedFailure
        actionData={actionData}
        placed={(v) =>
          !view.own && (v.intent === "report" ? !post.hiddenAt : v.intent === "answer" || v.intent === undefined ? view.canAnswer : false)
        }
      />
      {view.own ? (
        <>
          {view.canEdit ? <PostAuthorActions editHref={`/espace/associations/${associationId}/reseau/${post.id}/modifier`} /> : null}
          <PostAnswers answers={answers} />
        </>
      ) : view.canAnswer ? (
        <PostAnswerForm associationName={post.association.name} actionData={actionData} />
      ) : (
        <p className="alert alert-warning">Cette annonce n'attend plus de réponse.</p>
      )}
      {view.own || post.hiddenAt ? null : <PostReportForm actionData={actionData} />}
    </div>
  );
}
