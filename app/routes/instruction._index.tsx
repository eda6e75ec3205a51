import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { countAssociationsByStatus } from "~/associations/validation.server";
import { requireStaff } from "~/accounts/auth.server";
import { STAFF_LINKS } from "~/accounts/staff-links";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Instruction") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  return { user: { name: user.name, role: user.role }, counts: await countAssociationsByStatus() };
}

export default function StaffHome() {
  const { user, counts } = useLoaderData<typeof loader>();
  return (
    <div className="container page">
      <h1>Espace instruction</h1>
      <p className="lead">Bonjour {user.name}.</p>
      <div className="cards">
        <section className="card">
          <h2>Annuaire</h2>
          <p>
            {counts.validated ?? 0} associations publiées, {counts.pending ?? 0} en attente de validation.
          </p>
          {user.role === "admin" ? (
            <Link to="/admin/associations">Valider les inscriptions</Link>
          ) : (
            <Link to="/annuaire">Consulter l'annuaire</Link>
          )}
        </section>
        {STAFF_LINKS.map((link) => (
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
