import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { getMemberships, getUser, requireAssociationMember } from "~/accounts/auth.server";
import { isActionFailure } from "~/components/form";
import { eventTypeLabel } from "~/events/event-labels";
import { getEventBySlug, registrationWindow } from "~/events/reading.server";
import { registerForAssociation, registerPublic } from "~/events/registration.server";
import { associationRegistrationSchema, nestParticipants, publicRegistrationSchema } from "~/events/schemas.server";
import { DomainError } from "~/lib/domain-error";
import { redirectWithFlash } from "~/lib/flash.server";
import { formatDateTime } from "~/lib/format";
import { formDataToObject, invalid, parseWith, unknownIntent } from "~/lib/forms.server";
import { badRequest, notFound } from "~/lib/http.server";
import { allocationMessage } from "./allocation-message";
import { AssociationRegistrationForm } from "./association-registration-form";
import { PracticalInfo } from "./practical-info";
import { PublicRegistrationForm } from "./public-registration-form";
import { pageTitle } from "~/lib/meta";
import { consultationsOfEvent } from "~/network/consultation-answers.server";
import { LinkedConsultations } from "~/network/linked-consultations";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, data ? `${data.event.title} – Événements` : "Événement introuvable") },
  { name: "description", content: data?.event.description.slice(0, 200) ?? "" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = params.slug ?? "";
  const url = new URL(request.url);
  // /evenements/<slug>.ics and ?format=ics: the calendar file (a resource route).
  if (slug.endsWith(".ics")) throw redirect(`/evenements/${slug.slice(0, -4)}/calendrier.ics`);
  if (url.searchParams.get("format") === "ics") throw redirect(`/evenements/${slug}/calendrier.ics`);
  const event = await getEventBySlug(slug);
  if (!event) throw notFound("Cet événement n'existe pas.");
  const user = await getUser(request);
  const memberships = user ? await getMemberships(user.id) : [];
  return {
    event,
    window: registrationWindow(event),
    past: event.endsAt < new Date(),
    user: user ? { name: user.name, email: user.email } : null,
    associations: memberships.map((m) => ({ id: m.association.id, name: m.association.name })),
    consultations: await consultationsOfEvent(event.id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const event = await getEventBySlug(params.slug ?? "");
  if (!event) throw notFound("Cet événement n'existe pas.");
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    throw badRequest();
  }
  const flat = formDataToObject(formData);
  const values = flat.intent === "association" ? nestParticipants(flat) : flat;
  try {
    if (values.intent === "association") {
      const parsed = parseWith(associationRegistrationSchema, values);
      if (!parsed.ok) return invalid(parsed);
      // The chosen association must be one of the member's: another one answers 404.
      const { user, associationId } = await requireAssociationMember(request, parsed.data.associationId);
      const created = await registerForAssociation({
        eventId: event.id,
        associationId,
        registeredById: user.id,
        participants: parsed.data.participants,
      });
      return redirectWithFlash(`/evenements/${event.slug}`, allocationMessage(created));
    }
    if (values.intent === "public") {
      const parsed = parseWith(publicRegistrationSchema, values);
      if (!parsed.ok) return invalid(parsed);
      await registerPublic(event.id, parsed.data);
      return redirectWithFlash(
        `/evenements/${event.slug}`,
        `Un courriel vient d'être envoyé à ${parsed.data.email} : ouvrez le lien qu'il contient pour confirmer votre inscription.`,
        "info",
      );
    }
  } catch (error) {
    // Above the form that was sent (the participants' rows kept), with the refusal's status.
    if (error instanceof DomainError) return invalid({ errors: {}, values, formError: error.message }, error.status);
    throw error;
  }
  return unknownIntent(values);
}

export default function EventPage() {
  const { event: e, window, past, user, associations, consultations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failureFor = (intent: string) => (isActionFailure(actionData) && actionData.values.intent === intent ? actionData : {});
  const open = window === "ouvertes" && !past;
  return (
    <div className="container page">
      <p>
        <Link to="/evenements">‹ Tous les événements</Link>
      </p>
      <h1>{e.title}</h1>
      <p className="muted">
        {eventTypeLabel(e.type)} · {e.audience === "public" ? "ouvert au public" : "réservé aux associations du réseau"}
      </p>
      <div className="form-grid">
        <section>
          <h2>Présentation</h2>
          <p style={{ whiteSpace: "pre-line" }}>{e.description}</p>
        </section>
        <PracticalInfo event={e} />
      </div>
      <LinkedConsultations consultations={consultations} associationId={associations[0]?.id ?? null} />

      <section aria-labelledby="inscription">
        <h2 id="inscription">Inscription</h2>
        {past ? <p>Cet événement a eu lieu.</p> : null}
        {!past && window === "pas_encore_ouvertes" ? <p>Les inscriptions ouvrent le {formatDateTime(e.registrationOpensAt)}.</p> : null}
        {!past && window === "closes" ? <div className="alert alert-warning">Les inscriptions sont closes.</div> : null}
        {open && e.placesLeft === 0 ? (
          <p>L'événement est complet : les nouvelles inscriptions rejoignent la liste d'attente, dans l'ordre d'arrivée.</p>
        ) : null}
        {open && associations.length > 0 ? (
          <AssociationRegistrationForm associations={associations} user={user} actionData={failureFor("association")} />
        ) : null}
        {open && e.audience === "associations" && !user ? (
          <p>
            Cet événement est réservé aux associations du réseau.{" "}
            <Link to={`/connexion?redirectTo=${encodeURIComponent(`/evenements/${e.slug}`)}`}>Connectez-vous</Link> avec le compte de votre
            association pour inscrire des participant·es.
          </p>
        ) : null}
        {open && e.audience === "public" ? (
          <PublicRegistrationForm alsoAsAssociation={associations.length > 0} actionData={failureFor("public")} />
        ) : null}
      </section>
    </div>
  );
}
