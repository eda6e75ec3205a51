import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { requireStaff } from "~/accounts/auth.server";
import { EventFields } from "~/events/event-fields";
import { SubmitButton, ValidatedForm } from "~/components/form";
import { createEvent } from "~/events/editing.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { invalid, parseForm } from "~/lib/forms.server";
import { eventSchema } from "~/events/schemas";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Créer un événement") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const parsed = await parseForm(request, eventSchema);
  if (!parsed.ok) return invalid(parsed);
  const event = await createEvent(parsed.data, user);
  return redirectWithFlash(`/instruction/evenements/${event.id}`, "Événement créé. Il est visible sur la page publique des événements.");
}

export default function NewEvent() {
  return (
    <div className="container page narrow">
      <p>
        <Link to="/instruction/evenements">‹ Événements</Link>
      </p>
      <h1>Créer un événement</h1>
      <ValidatedForm
        schema={eventSchema}
        method="post"
        defaultValues={{
          title: "",
          description: "",
          type: "",
          startsAt: "",
          endsAt: "",
          place: "",
          onlineUrl: "",
          capacity: "",
          registrationOpensAt: "",
          registrationClosesAt: "",
          audience: "associations",
          perAssociationLimit: "",
        }}
      >
        <EventFields />
        <div className="actions">
          <SubmitButton>Créer l'événement</SubmitButton>
        </div>
      </ValidatedForm>
    </div>
  );
}
