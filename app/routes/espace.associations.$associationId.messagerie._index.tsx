// The association's messagerie with the other associations of the network (both directions).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireAssociationMember } from "~/accounts/auth.server";
import { prisma } from "~/db.server";
import { pluralize } from "~/lib/format";
import { domainLoader } from "~/lib/forms.server";
import { pageTitle } from "~/lib/meta";
import { ConversationList } from "~/network/conversation-list";
import { listConversations } from "~/network/inbox.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Messagerie entre associations") }];

export const loader = (args: LoaderFunctionArgs) => domainLoader(load)(args);

async function load({ request, params }: LoaderFunctionArgs) {
  const { associationId } = await requireAssociationMember(request, params.associationId!);
  const page = Number(new URL(request.url).searchParams.get("page") ?? "1");
  const [list, association] = await Promise.all([
    listConversations(associationId, page),
    prisma.association.findUniqueOrThrow({ where: { id: associationId }, select: { name: true } }),
  ]);
  return { associationId, associationName: association.name, ...list };
}

export default function Messagerie() {
  const { associationId, associationName, conversations, total, page, pages } = useLoaderData<typeof loader>();
  const unread = conversations.filter((c) => c.unread).length;
  return (
    <div className="container page narrow">
      <p>
        <Link to="/espace">‹ Mon espace</Link>
      </p>
      <h1>Messagerie entre associations</h1>
      <p className="lead">
        Les échanges de {associationName} avec les autres associations du réseau. Le portail relaie les messages par courriel sans
        communiquer l'adresse de personne.
      </p>
      <p>
        {pluralize(total, "conversation")}
        {unread ? `, dont ${unread} non ${unread > 1 ? "lues" : "lue"} sur cette page` : ""}.
      </p>
      <ConversationList associationId={associationId} conversations={conversations} />
      {pages > 1 ? (
        <nav aria-label="Pages" className="actions">
          {page > 1 ? <Link to={`?page=${page - 1}`}>‹ Conversations plus récentes</Link> : null}
          {page < pages ? <Link to={`?page=${page + 1}`}>Conversations plus anciennes ›</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
