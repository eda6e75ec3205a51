import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getCurrentVersion, getPublishedVersion } from "~/charter/versions.server";
import { renderMarkdown } from "~/lib/markdown.server";
import { formatDate } from "~/lib/format";
import { notFound } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, data ? `Charte – version ${data.version.version}` : "Version introuvable") },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const n = Number(params.number);
  const version = Number.isInteger(n) && n > 0 ? await getPublishedVersion(n) : null;
  if (!version) throw notFound("Cette version de la charte n'existe pas.");
  const current = await getCurrentVersion();
  const { body, ...summary } = version;
  return {
    version: summary,
    html: renderMarkdown(body),
    isCurrent: current?.id === version.id,
    currentNumber: current?.version ?? null,
  };
}

export default function CharterVersionPage() {
  const { version, html, isCurrent, currentNumber } = useLoaderData<typeof loader>();
  return (
    <div className="container page">
      <p>
        <Link to="/charte/versions">‹ Versions de la charte</Link>
      </p>
      <h1>
        {version.title} – version {version.version}
      </h1>
      {isCurrent ? (
        <p className="lead">Version en vigueur, publiée le {formatDate(version.publishedAt!)}.</p>
      ) : (
        <div className="alert alert-warning">
          Version publiée le {formatDate(version.publishedAt!)}, remplacée depuis.{" "}
          <Link to="/charte">Lire la version {currentNumber} en vigueur</Link> ou{" "}
          <Link to={`/charte/versions?de=${version.version}&a=${currentNumber}`}>voir ce qui a changé</Link>.
        </div>
      )}
      {version.changeNote ? <p>Ce qui change dans cette version : {version.changeNote}</p> : null}
      {/* Sanitised on the server (see renderMarkdown). */}
      <article className="prose" dangerouslySetInnerHTML={{ __html: html }} />
      <p className="small muted">
        Empreinte SHA-256 : <code style={{ overflowWrap: "anywhere" }}>{version.sha256}</code>
      </p>
    </div>
  );
}
