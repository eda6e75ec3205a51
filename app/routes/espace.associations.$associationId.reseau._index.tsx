import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireAssociationMember } from "~/accounts/auth.server";
import { prisma } from "~/db.server";
import { pageTitle } from "~/lib/meta";
import { PostCard } from "~/network/post-card";
import { PostFiltersForm } from "~/network/post-filters";
import { parisToday, postCount } from "~/network/post-labels";
import { readFilters } from "~/network/post-schemas";
import { filterOptions, withTermLabels } from "~/network/post-views.server";
import { listOpenPosts, listOwnPosts } from "~/network/posts.server";
import { getTaxonomy } from "~/settings/taxonomy.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Besoins et offres du réseau") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { associationId } = await requireAssociationMember(request, params.associationId ?? "");
  const url = new URL(request.url);
  const filters = readFilters(url.searchParams);
  const [association, network, own, taxonomy] = await Promise.all([
    prisma.association.findUniqueOrThrow({ where: { id: associationId }, select: { id: true, name: true, status: true } }),
    listOpenPosts(associationId, filters),
    listOwnPosts(associationId),
    getTaxonomy(),
  ]);
  const query = new URLSearchParams(url.searchParams);
  query.delete("page");
  return {
    association,
    filters,
    query: query.toString(),
    today: parisToday(),
    network: { ...network, posts: network.posts.map((p) => withTermLabels(taxonomy, p)) },
    own: own.map(({ _count, ...p }) => ({ ...withTermLabels(taxonomy, p), answers: _count.conversations })),
    ...filterOptions(taxonomy),
  };
}

export default function NetworkPosts() {
  const { association, filters, query, today, network, own, fields, districts } = useLoaderData<typeof loader>();
  const base = `/espace/associations/${association.id}/reseau`;
  const pageHref = (page: number) => `${base}?${new URLSearchParams([...new URLSearchParams(query), ["page", String(page)]]).toString()}`;
  const filtered = Boolean(filters.q || filters.kind || filters.category || filters.field || filters.district);
  return (
    <div className="container page">
      <p>
        <Link to="/espace">‹ Mon espace</Link>
      </p>
      <h1>Besoins et offres du réseau</h1>
      <p className="lead">
        Les associations du réseau publient ici ce qu'elles cherchent et ce qu'elles proposent. Les réponses passent par la messagerie du
        portail : aucune adresse n'est montrée.
      </p>
      <p className="actions">
        {association.status === "validated" ? (
          <Link className="button" to={`${base}/nouvelle`}>
            Publier une annonce
          </Link>
        ) : null}
        <a href="#nos-annonces">Nos annonces ({postCount(own.length)})</a>
      </p>

      <section aria-labelledby="annonces-reseau">
        <h2 id="annonces-reseau">Annonces des autres associations</h2>
        <PostFiltersForm filters={filters} fields={fields} districts={districts} resetHref={base} />
        <p role="status">
          {filtered ? `${postCount(network.total)} correspondant à votre recherche` : `${postCount(network.total)} en cours`}
          {network.total === 0 ? "." : `, les plus récentes d'abord.`}
        </p>
        {network.posts.length ? (
          <ul className="results stack">
            {network.posts.map((post) => (
              <PostCard key={post.id} post={post} href={`${base}/${post.id}`} today={today} />
            ))}
          </ul>
        ) : null}
        {network.pages > 1 ? (
          <nav aria-label="Pages des annonces">
            <ul className="pagination">
              {filters.page > 1 ? (
                <li>
                  <Link to={pageHref(filters.page - 1)}>‹ Précédente</Link>
                </li>
              ) : null}
              <li>
                Page {filters.page} sur {network.pages}
              </li>
              {filters.page < network.pages ? (
                <li>
                  <Link to={pageHref(filters.page + 1)}>Suivante ›</Link>
                </li>
              ) : null}
            </ul>
          </nav>
        ) : null}
      </section>

      <section aria-labelledby="nos-annonces">
        <h2 id="nos-annonces">Nos annonces</h2>
        {own.length ? (
          <ul className="results stack">
            {own.map((post) => (
              <PostCard key={post.id} post={post} href={`${base}/${post.id}`} today={today} showState />
            ))}
          </ul>
        ) : (
          <p>{association.name} n'a encore publié aucune annonce.</p>
        )}
      </section>
    </div>
  );
}
