import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { requireAdmin } from "~/accounts/auth.server";
import { createCallFromInput } from "~/calls/editing.server";
import { listStaffUsers } from "~/calls/reading.server";
import { CallFields } from "~/calls/call-form";
import { SubmitButton, ValidatedForm } from "~/components/form";
import { redirectWithFlash } from "~/lib/flash.server";
import { domainAction, formDataToObject, invalid, parseWith } from "~/lib/forms.server";
import { callSchema } from "~/calls/schemas";
import { pageTitle } from "~/lib/meta";
import { formChoices, validationChoices } from "~/settings/taxonomy-choices";
import { getTaxonomy } from "~/settings/taxonomy.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Nouvel appel à projets") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const [staff, taxonomy] = await Promise.all([listStaffUsers(), getTaxonomy()]);
  return { staff, choices: formChoices(taxonomy) };
}

export function action(args: ActionFunctionArgs) {
  return domainAction(createCall)(args);
}

async function createCall({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const schema = callSchema(validationChoices(await getTaxonomy()));
  const parsed = parseWith(schema, formDataToObject(await request.formData()));
  if (!parsed.ok) return invalid(parsed);
  const call = await createCallFromInput(parsed.data, admin);
  return redirectWithFlash(`/admin/appels/${call.id}`, "Appel à projets enregistré en brouillon. Publiez-le quand il est prêt.");
}

export default function NewCall() {
  const { staff, choices } = useLoaderData<typeof loader>();
  const schema = useMemo(() => callSchema(choices), [choices]);
  return (
    <div className="container page">
      <p>
        <Link to="/admin/appels">‹ Appels à projets</Link>
      </p>
      <h1>Nouvel appel à projets</h1>
      <ValidatedForm
        schema={schema}
        method="post"
        defaultValues={{
          fields: [],
          requiredAttachments: ["statuts", "rib"],
          reviewerIds: [],
          financialYear: String(new Date().getFullYear() + 1),
        }}
      >
        <CallFields staff={staff} choices={choices} />
        <div className="actions">
          <SubmitButton>Enregistrer le brouillon</SubmitButton>
        </div>
      </ValidatedForm>
    </div>
  );
}
