import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { requireAssociationMember } from "~/accounts/auth.server";
import { SubmitButton, ValidatedForm } from "~/components/form";
import { prisma } from "~/db.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { domainAction, invalid, parseForm } from "~/lib/forms.server";
import { pageTitle } from "~/lib/meta";
import { PostFields } from "~/network/post-fields";
import { postSchema } from "~/network/post-schemas";
import { postSchemaForAction, publishPost } from "~/network/posts.server";
import { formChoices } from "~/settings/taxonomy-choices";
import { getTaxonomy } from "~/settings/taxonomy.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Publier une annonce") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { associationId } = await requireAssociationMember(request, params.associationId ?? "");
  const association = await prisma.association.findUniqueOrThrow({
    where: { id: associationId },
    select: { id: true, name: true, status: true },
  });
  const { field, district } = formChoices(await getTaxonomy());
  return { association, choices: { field, district } };
}

export const action = (args: ActionFunctionArgs) => domainAction(publish)(args);

async function publish({ request, params }: ActionFunctionArgs) {
  const { associationId, user } = await requireAssociationMember(request, params.associationId ?? "");
  const parsed = await parseForm(request, await postSchemaForAction());
  if (!parsed.ok) return invalid(parsed);
  const post = await publishPost(associationId, user.id, parsed.data);
  return redirectWithFlash(
    `/espace/associations/${associationId}/reseau/${post.id}`,
    "Annonce publiée. Les autres associations du réseau la voient dès maintenant.",
  );
}

export default function NewPost() {
  const { association, choices } = useLoaderData<typeof loader>();
  const schema = useMemo(() => postSchema(choices), [choices]);
  return (
    <div className="container page narrow">
      <p>
        <Link to={`/espace/associations/${association.id}/reseau`}>‹ Besoins et offres du réseau</Link>
      </p>
      <h1>Publier une annonce</h1>
      {association.status !== "validated" ? (
        <div className="alert alert-warning">Votre association doit être validée par le CCAS pour publier une annonce.</div>
      ) : null}
      <p>Au nom de {association.name}. Les autres associations vous répondent par la messagerie du portail.</p>
      <ValidatedForm schema={schema} method="post" defaultValues={{ kind: "besoin" }}>
        <PostFields choices={choices} />
        <div className="actions">
          <SubmitButton>Publier l'annonce</SubmitButton>
        </div>
      </ValidatedForm>
    </div>
  );
}
