import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getCurrentVersion } from "~/charter/versions.server";
import { listCurrentSignatories } from "~/charter/signatures.server";
import { renderMarkdown } from "~/lib/markdown.server";
import { formatDate } from "~/lib/format";
import { ccasName, pageTitle } from "~/lib/meta";
import { ofCcas } from "~/settings/ccas-name";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "Charte municipale de l'action sociale") },
  {
    name: "description",
    content: `Les valeurs, les missions et les publics de l'action sociale ${ofCcas(ccasName(matches))}, partagés par les associations signataires.`,
  },
];

export async function loader(_: LoaderFunctionArgs) {
  const [current, { signatories }] = await Promise.all([getCurrentVersion(), listCurrentSignatories()]);
  if (!current) return { current: null, html: "", signatoryCount: 0 };
  const { body, ...summary } = current;
  return { current: summary, html: renderMarkdown(body), signatoryCount: signatories.length };
}

export default function CharterPage() {
  const { current, html, signatoryCount } = useLoaderData<typeof loader>();
  if (!current) {
    return (
      <div className="container page narrow">
        <h1>Charte municipale de l'action sociale</h1>
        <p>La charte est en cours d'écriture avec les associations. Elle sera publiée ici.</p>
      </div>
    );
  }
  return (
    <div className="container page">
      <h1>{current.title}</h1>
      <p className="lead">
        Version {current.version} en vigueur depuis le {formatDate(current.publishedAt!)} ·{" "}
        <Link to="/charte/signataires">{signatoryCount} association(s) signataire(s)</Link> ·{" "}
        <Link to="/charte/versions">Historique des versions et modifications</Link>
      </p>
      {/* Rendered from Markdown on the server and sanitised (sanitize-html): no script, no attribute but links. */}
      <article className="prose" dangerouslySetInnerHTML={{ __html: html }} />
      <p className="small muted">
        Empreinte SHA-256 du texte de la version {current.version} : <code style={{ overflowWrap: "anywhere" }}>{current.sha256}</code>
      </p>
      <div className="card">
        <h2>Votre association veut signer la charte ?</h2>
        <p>
          La signature se fait par le ou la représentant·e légal·e de l'association, depuis l'espace de l'association sur ce portail.{" "}
          <Link to="/espace">Accéder à mon espace</Link> ou <Link to="/inscription">inscrire une association</Link>.
        </p>
      </div>
    </div>
  );
}
