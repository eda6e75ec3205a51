import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireStaff } from "~/accounts/auth.server";
import { EventFields } from "~/events/event-fields";
import { SubmitButton, ValidatedForm } from "~/components/form";
import { updateEvent } from "~/events/editing.server";
import { getEventById } from "~/events/reading.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { toParisInputValue } from "~/lib/format";
import { domainAction, invalid, parseForm } from "~/lib/forms.server";
import { notFound } from "~/lib/http.server";
import { eventSchema } from "~/events/schemas";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Modifier un événement") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const event = await getEventById(params.id ?? "");
  if (!event) throw notFound();
  return { event };
}

// A capacity below the confirmed registrations is refused beside the field, by domainAction.
export const action = (args: ActionFunctionArgs) => domainAction(save)(args);

async function save({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const event = await getEventById(params.id ?? "");
  if (!event) throw notFound();
  const parsed = await parseForm(request, eventSchema);
  if (!parsed.ok) return invalid(parsed);
  const { promoted } = await updateEvent(event.id, parsed.data, user);
  return redirectWithFlash(
    `/instruction/evenements/${event.id}`,
    promoted
      ? `Événement enregistré. ${promoted} personne(s) de la liste d'attente ont obtenu une place et en sont averties.`
      : "Événement enregistré.",
  );
}

export default function EditEvent() {
  const { event: e } = useLoaderData<typeof loader>();
  return (
    <div className="container page narrow">
      <p>
        <Link to={`/instruction/evenements/${e.id}`}>‹ {e.title}</Link>
      </p>
      <h1>Modifier l'événement</h1>
      <ValidatedForm
        schema={eventSchema}
        method="post"
        key={String(e.updatedAt)}
        defaultValues={{
          title: e.title,
          description: e.description,
          type: e.type,
          startsAt: toParisInputValue(e.startsAt),
          endsAt: toParisInputValue(e.endsAt),
          place: e.place ?? "",
          onlineUrl: e.onlineUrl ?? "",
          capacity: String(e.capacity),
          registrationOpensAt: toParisInputValue(e.registrationOpensAt),
          registrationClosesAt: toParisInputValue(e.registrationClosesAt),
          audience: e.audience,
          perAssociationLimit: e.perAssociationLimit ? String(e.perAssociationLimit) : "",
        }}
      >
        <EventFields />
        <div className="actions">
          <SubmitButton>Enregistrer</SubmitButton>
        </div>
      </ValidatedForm>
    </div>
  );
}
