import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/accounts/auth.server";
import { SubmitButton, ValidatedForm } from "~/components/form";
import { redirectWithFlash } from "~/lib/flash.server";
import { formatDate, pluralize } from "~/lib/format";
import { domainAction, domainLoader, invalid, parseForm } from "~/lib/forms.server";
import { pageTitle } from "~/lib/meta";
import { SocialProjectFields } from "~/steering/social-project-form";
import { socialProjectSchema } from "~/steering/social-project-schemas";
import { periodLabel } from "~/steering/social-project-labels";
import { createSocialProject, listSocialProjects } from "~/steering/social-project.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Projet social – Administration") }];

export const loader = (args: LoaderFunctionArgs) => domainLoader(load)(args);

async function load({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return { projects: await listSocialProjects() };
}

export const action = (args: ActionFunctionArgs) => domainAction(create)(args);

async function create({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const parsed = await parseForm(request, socialProjectSchema);
  if (!parsed.ok) return invalid(parsed);
  const project = await createSocialProject(parsed.data, admin);
  return redirectWithFlash(`/admin/projet-social/${project.id}`, `Le projet social « ${project.title} » est créé : ajoutez ses axes.`);
}

export default function SocialProjects() {
  const { projects } = useLoaderData<typeof loader>();
  return (
    <div className="container page stack">
      <p>
        <Link to="/admin">‹ Administration</Link>
      </p>
      <h1>Projet social</h1>
      <p className="lead">
        Le projet social du CCAS, ses axes et ses projets phares : les appels à projets et les subventions s'y rattachent. Deux projets ne
        peuvent pas couvrir la même année.
      </p>
      {projects.length ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Projets sociaux</caption>
            <thead>
              <tr>
                <th scope="col">Projet</th>
                <th scope="col">Période</th>
                <th scope="col">Adopté le</th>
                <th scope="col">Contenu</th>
              </tr>
            </thead>
            <tbody>
              {projects.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/admin/projet-social/${p.id}`}>{p.title}</Link>
                  </td>
                  <td>{periodLabel(p)}</td>
                  <td>{p.adoptedOn ? formatDate(p.adoptedOn) : "—"}</td>
                  <td>
                    {pluralize(p.axisCount, "axe")}, {pluralize(p.flagshipCount, "projet phare", "projets phares")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>Aucun projet social n'est encore enregistré.</p>
      )}
      <section className="card stack" aria-labelledby="nouveau">
        <h2 id="nouveau">Nouveau projet social</h2>
        <ValidatedForm schema={socialProjectSchema} method="post">
          <SocialProjectFields />
          <SubmitButton>Créer le projet social</SubmitButton>
        </ValidatedForm>
      </section>
    </div>
  );
}
