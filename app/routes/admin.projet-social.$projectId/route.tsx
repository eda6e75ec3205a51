import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/accounts/auth.server";
import { domainAction, domainLoader } from "~/lib/forms.server";
import { pageTitle } from "~/lib/meta";
import { getSocialProject, periodLabel } from "~/steering/social-project.server";
import { handleSocialProjectAction } from "./actions.server";
import { AxesSection, ProjectSection } from "./editor";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, `${data?.project.title ?? "Projet social"} – Administration`) },
];

export const loader = (args: LoaderFunctionArgs) => domainLoader(load)(args);

async function load({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const project = await getSocialProject(params.projectId ?? "");
  return { project: { ...project, period: periodLabel(project) } };
}

export const action = (args: ActionFunctionArgs) => domainAction(act)(args);

async function act({ request, params }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const project = await getSocialProject(params.projectId ?? "");
  return handleSocialProjectAction(request, project.id, admin);
}

export default function EditSocialProject() {
  const { project } = useLoaderData<typeof loader>();
  return (
    <div className="container page stack">
      <p>
        <Link to="/admin/projet-social">‹ Projet social</Link>
      </p>
      <h1>
        {project.title} ({project.period})
      </h1>
      <ProjectSection />
      <AxesSection />
    </div>
  );
}
