import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireStaff } from "~/accounts/auth.server";
import { listNewsForStaff } from "~/network/news.server";
import { StaffNewsTable } from "~/network/news-views";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Actualités du réseau – Instruction") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  return listNewsForStaff();
}

export default function StaffNews() {
  const { drafts, published } = useLoaderData<typeof loader>();
  return (
    <div className="container page">
      <p>
        <Link to="/instruction">‹ Instruction</Link>
      </p>
      <h1>Actualités du réseau</h1>
      <p className="lead">
        Les actualités publiées sont lues par les membres des associations dans leur espace, et peuvent leur être envoyées par courriel.
      </p>
      <p>
        <Link to="/instruction/actualites/nouvelle" className="button">
          Nouvelle actualité
        </Link>
      </p>
      <h2>Brouillons</h2>
      {drafts.length ? <StaffNewsTable items={drafts} caption="Brouillons" /> : <p>Aucun brouillon.</p>}
      <h2>Publiées</h2>
      {published.length ? <StaffNewsTable items={published} caption="Actualités publiées" /> : <p>Aucune actualité publiée.</p>}
    </div>
  );
}
