import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/accounts/auth.server";
import { formatDate, pluralize } from "~/lib/format";
import { pageTitle } from "~/lib/meta";
import { listPublishedNews } from "~/network/news.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Actualités du réseau") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const page = Math.max(1, Math.min(1000, Math.floor(Number(new URL(request.url).searchParams.get("page"))) || 1));
  return listPublishedNews(page);
}

export default function MemberNews() {
  const { items, total, page, pages } = useLoaderData<typeof loader>();
  return (
    <div className="container page narrow">
      <p>
        <Link to="/espace">‹ Mon espace</Link>
      </p>
      <h1>Actualités du réseau</h1>
      <p className="muted">{pluralize(total, "actualité publiée", "actualités publiées")}</p>
      {items.length ? (
        <ul className="stack">
          {items.map((n) => (
            <li key={n.id}>
              <Link to={`/espace/actualites/${n.id}`}>{n.title}</Link>
              {n.publishedAt ? <span className="muted"> – {formatDate(n.publishedAt)}</span> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>Aucune actualité sur cette page.</p>
      )}
      {pages > 1 ? (
        <nav aria-label="Pagination">
          <ul className="pagination">
            {page > 1 ? (
              <li>
                <Link to={`?page=${page - 1}`}>‹ Plus récentes</Link>
              </li>
            ) : null}
            {page < pages ? (
              <li>
                <Link to={`?page=${page + 1}`}>Plus anciennes ›</Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </div>
  );
}
