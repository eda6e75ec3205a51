import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireStaff } from "~/accounts/auth.server";
import { SubmitButton, ValidatedForm } from "~/components/form";
import { redirectWithFlash } from "~/lib/flash.server";
import { domainAction, invalid, parseForm } from "~/lib/forms.server";
import { pageTitle } from "~/lib/meta";
import { ConsultationFields } from "~/network/consultation-fields";
import { consultationSchema } from "~/network/consultation-schemas";
import { createConsultation, eventChoices } from "~/network/consultations.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Nouvelle consultation") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  return { events: await eventChoices() };
}

const act = async ({ request }: ActionFunctionArgs) => {
  const user = await requireStaff(request);
  const parsed = await parseForm(request, consultationSchema);
  if (!parsed.ok) return invalid(parsed);
  const consultation = await createConsultation(parsed.data, user);
  return redirectWithFlash(`/instruction/consultations/${consultation.id}`, "Consultation créée. Ajoutez ses questions, puis publiez-la.");
};
export const action = (args: ActionFunctionArgs) => domainAction(act)(args);

export default function NewConsultation() {
  const { events } = useLoaderData<typeof loader>();
  return (
    <div className="container page narrow">
      <p>
        <Link to="/instruction/consultations">‹ Consultations du réseau</Link>
      </p>
      <h1>Nouvelle consultation</h1>
      <ValidatedForm
        schema={consultationSchema}
        method="post"
        defaultValues={{ title: "", description: "", opensAt: "", closesAt: "", eventId: "" }}
      >
        <ConsultationFields events={events.map((e) => ({ ...e, startsAt: e.startsAt.toISOString() }))} />
        <div className="actions">
          <SubmitButton>Créer la consultation</SubmitButton>
        </div>
      </ValidatedForm>
    </div>
  );
}
