import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/accounts/auth.server";
import { formatDate } from "~/lib/format";
import { domainLoader } from "~/lib/forms.server";
import { renderMarkdown } from "~/lib/markdown.server";
import { pageTitle } from "~/lib/meta";
import { getPublishedNews } from "~/network/news.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => [
  { title: pageTitle(matches, data && "news" in data ? data.news.title : "Actualité") },
];

export const loader = (args: LoaderFunctionArgs) => domainLoader(load)(args);

async function load({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const news = await getPublishedNews(params.newsId ?? "");
  return { news: { id: news.id, title: news.title, publishedAt: news.publishedAt }, html: renderMarkdown(news.body) };
}

export default function MemberNewsItem() {
  const { news, html } = useLoaderData<typeof loader>();
  return (
    <div className="container page narrow">
      <p>
        <Link to="/espace/actualites">‹ Actualités du réseau</Link>
      </p>
      <h1>{news.title}</h1>
      {news.publishedAt ? <p className="muted">Publiée le {formatDate(news.publishedAt)}</p> : null}
      <article className="prose" dangerouslySetInnerHTML={{ __html: html }} />
    </div>
  );
}
