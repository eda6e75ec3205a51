import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { countAssociationsByStatus } from "~/associations/validation.server";
import { requireAdmin } from "~/accounts/auth.server";
import { ADMIN_LINKS } from "~/accounts/admin-links";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Administration") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return { counts: await countAssociationsByStatus() };
}

export default function AdminHome() {
  const { counts } = useLoaderData<typeof loader>();
  return (
    <div className="container page">
      <h1>Administration</h1>
      <div className="cards">
        <section className="card">
          <h2>Associations</h2>
          <p>
            {counts.pending ?? 0} en attente de validation · {counts.validated ?? 0} publiées · {counts.refused ?? 0} refusées
          </p>
          <Link to="/admin/associations">Valider les inscriptions</Link>
        </section>
        {ADMIN_LINKS.map((link) => (
          <section className="card" key={link.href}>
            <h2>{link.title}</h2>
            <p>{link.description}</p>
            <Link to={link.href}>{link.action}</Link>
          </section>
        ))}
      </div>
    </div>
  );
}
