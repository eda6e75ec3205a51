import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireStaff } from "~/accounts/auth.server";
import { isActionFailure } from "~/components/form";
import { redirectWithFlash } from "~/lib/flash.server";
import { formatDateTime, pluralize } from "~/lib/format";
import { domainAction, domainLoader, formDataToObject, invalid, parseWith, unknownIntent } from "~/lib/forms.server";
import { renderMarkdown } from "~/lib/markdown.server";
import { pageTitle } from "~/lib/meta";
import { getNewsForStaff, publishNews, sendNewsByEmail, unpublishNews, updateNews } from "~/network/news.server";
import { newsPublishSchema, newsSchema, newsSendSchema } from "~/network/news-schemas";
import { NewsForm, NewsPreview, NewsPublishing } from "~/network/news-views";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Actualité – Instruction") }];

export const loader = (args: LoaderFunctionArgs) => domainLoader(load)(args);

async function load({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const news = await getNewsForStaff(params.newsId ?? "");
  return {
    news: {
      id: news.id,
      title: news.title,
      body: news.body,
      publishedAt: news.publishedAt,
      emailedAt: news.emailedAt,
      updatedAt: news.updatedAt,
    },
    html: renderMarkdown(news.body),
  };
}

export const action = (args: ActionFunctionArgs) => domainAction(act)(args);

function mailed(count: number) {
  return `Envoi par courriel à ${pluralize(count, "membre")} programmé, étalé pour ne pas saturer le serveur de courriel.`;
}

async function act({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const newsId = params.newsId ?? "";
  const here = `/instruction/actualites/${newsId}`;
  const values = formDataToObject(await request.formData());
  switch (values.intent) {
    case "save": {
      const parsed = parseWith(newsSchema, values);
      if (!parsed.ok) return invalid(parsed);
      await updateNews(newsId, parsed.data, staff);
      return redirectWithFlash(here, "Actualité enregistrée.");
    }
    case "publish": {
      const parsed = parseWith(newsPublishSchema, values);
      if (!parsed.ok) return invalid(parsed);
      const result = await publishNews(newsId, { sendEmail: parsed.data.sendEmail === "on" }, staff);
      const published = result.alreadyPublished
        ? "L'actualité était déjà publiée."
        : "Actualité publiée : les membres la voient dans leur espace.";
      return redirectWithFlash(here, result.mailing ? `${published} ${mailed(result.mailing.recipients)}` : published);
    }
    case "send": {
      const parsed = parseWith(newsSendSchema, values);
      if (!parsed.ok) return invalid(parsed);
      const mailing = await sendNewsByEmail(newsId, staff);
      return redirectWithFlash(here, mailed(mailing.recipients));
    }
    case "unpublish":
      await unpublishNews(newsId, staff);
      return redirectWithFlash(here, "Actualité retirée : elle redevient un brouillon que les membres ne voient plus.");
    default:
      return unknownIntent(values);
  }
}

export default function StaffNewsItem() {
  const { news, html } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failedIntent = isActionFailure(actionData) ? actionData.values.intent : undefined;
  return (
    <div className="container page narrow">
      <p>
        <Link to="/instruction/actualites">‹ Actualités du réseau</Link>
      </p>
      <h1>{news.title}</h1>
      <p className="muted">
        {news.publishedAt ? `Publiée le ${formatDateTime(news.publishedAt)}` : "Brouillon"} – modifiée le {formatDateTime(news.updatedAt)}
        {news.emailedAt ? ` – envoyée par courriel le ${formatDateTime(news.emailedAt)}` : ""}
      </p>
      <NewsPreview html={html} />
      <NewsPublishing news={news} actionData={failedIntent === "publish" || failedIntent === "send" ? actionData : {}} />
      <h2>Modifier</h2>
      <NewsForm
        key={String(news.updatedAt)}
        defaultValues={{ title: news.title, body: news.body }}
        actionData={failedIntent === "save" ? actionData : {}}
        intent="save"
      />
    </div>
  );
}
