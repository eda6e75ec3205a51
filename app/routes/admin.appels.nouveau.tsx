import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/accounts/auth.server";
import { createCallFromInput } from "~/calls/editing.server";
import { listStaffUsers } from "~/calls/reading.server";
import { CallFields } from "~/calls/call-form";
import { SubmitButton, ValidatedForm } from "~/components/form";
import { redirectWithFlash } from "~/lib/flash.server";
import { domainAction, formDataToObject, invalid, parseWith } from "~/lib/forms.server";
import { callSchema } from "~/calls/schemas";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Nouvel appel à projets") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return { staff: await listStaffUsers() };
}

export function action(args: ActionFunctionArgs) {
  return domainAction(createCall)(args);
}

async function createCall({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const parsed = parseWith(callSchema, formDataToObject(await request.formData()));
  if (!parsed.ok) return invalid(parsed);
  const call = await createCallFromInput(parsed.data, admin);
  return redirectWithFlash(`/admin/appels/${call.id}`, "Appel à projets enregistré en brouillon. Publiez-le quand il est prêt.");
}

export default function NewCall() {
  const { staff } = useLoaderData<typeof loader>();
  return (
    <div className="container page">
      <p>
        <Link to="/admin/appels">‹ Appels à projets</Link>
      </p>
      <h1>Nouvel appel à projets</h1>
      <ValidatedForm
        schema={callSchema}
        method="post"
        defaultValues={{ fields: [], requiredAttachments: ["statuts", "rib"], reviewerIds: [] }}
      >
        <CallFields staff={staff} />
        <div className="actions">
          <SubmitButton>Enregistrer le brouillon</SubmitButton>
        </div>
      </ValidatedForm>
    </div>
  );
}
