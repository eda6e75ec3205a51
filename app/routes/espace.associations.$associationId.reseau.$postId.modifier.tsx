import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { requireAssociationMember } from "~/accounts/auth.server";
import { SubmitButton, ValidatedForm } from "~/components/form";
import { redirectWithFlash } from "~/lib/flash.server";
import { domainAction, domainLoader, invalid, parseForm } from "~/lib/forms.server";
import { notFoundError } from "~/lib/domain-error";
import { pageTitle } from "~/lib/meta";
import { PostFields } from "~/network/post-fields";
import { dayOf } from "~/network/post-labels";
import { postSchema } from "~/network/post-schemas";
import { postSchemaForAction, readPost, updatePost } from "~/network/posts.server";
import { formChoices } from "~/settings/taxonomy-choices";
import { getTaxonomy } from "~/settings/taxonomy.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Modifier l'annonce") }];

export const loader = (args: LoaderFunctionArgs) => domainLoader(load)(args);

async function load({ request, params }: LoaderFunctionArgs) {
  const { associationId } = await requireAssociationMember(request, params.associationId ?? "");
  const { post, own, canEdit } = await readPost(associationId, params.postId ?? "");
  if (!own) throw notFoundError("Cette annonce n'existe pas ou n'est plus visible.");
  const { field, district } = formChoices(await getTaxonomy(), { field: [post.fieldSlug], district: [post.districtSlug] });
  return {
    associationId,
    canEdit,
    post: {
      id: post.id,
      kind: post.kind,
      category: post.category,
      title: post.title,
      body: post.body,
      fieldSlug: post.fieldSlug,
      districtSlug: post.districtSlug,
      endsOn: dayOf(post.endsOn),
      updatedAt: post.updatedAt,
    },
    choices: { field, district },
  };
}

export const action = (args: ActionFunctionArgs) => domainAction(save)(args);

async function save({ request, params }: ActionFunctionArgs) {
  const { associationId, user } = await requireAssociationMember(request, params.associationId ?? "");
  const postId = params.postId ?? "";
  // A post this association does not own is not there, whatever the form says.
  if (!(await readPost(associationId, postId)).own) throw notFoundError("Cette annonce n'existe pas ou n'est plus visible.");
  const parsed = await parseForm(request, await postSchemaForAction());
  if (!parsed.ok) return invalid(parsed);
  await updatePost(associationId, postId, user.id, parsed.data);
  return redirectWithFlash(`/espace/associations/${associationId}/reseau/${postId}`, "Annonce modifiée.");
}

export default function EditPost() {
  const { associationId, canEdit, post, choices } = useLoaderData<typeof loader>();
  const schema = useMemo(() => postSchema(choices), [choices]);
  const { id, updatedAt, ...values } = post;
  return (
    <div className="container page narrow">
      <p>
        <Link to={`/espace/associations/${associationId}/reseau/${id}`}>‹ L'annonce</Link>
      </p>
      <h1>Modifier l'annonce</h1>
      {canEdit ? (
        <ValidatedForm schema={schema} method="post" defaultValues={values} key={String(updatedAt)}>
          <PostFields choices={choices} />
          <div className="actions">
            <SubmitButton>Enregistrer l'annonce</SubmitButton>
          </div>
        </ValidatedForm>
      ) : (
        <p className="alert alert-warning">
          Cette annonce n'est plus en cours ou a été masquée par le CCAS : elle ne peut plus être modifiée.
        </p>
      )}
    </div>
  );
}
