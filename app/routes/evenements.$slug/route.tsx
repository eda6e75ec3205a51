import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { getMemberships, getUser, requireAssociationMember } from "~/accounts/auth.server";
import { PlacesBadge } from "~/events/event-card";
import { SelectField, SubmitButton, TextArea, TextField, ValidatedForm, isActionFailure } from "~/components/form";
import { getEventBySlug, registrationWindow } from "~/events/reading.server";
import { registerForAssociation, registerPublic } from "~/events/registration.server";
import { DomainError } from "~/lib/domain-error";
import { redirectWithFlash } from "~/lib/flash.server";
import { formatDateTime, formatLongDate } from "~/lib/format";
import { formDataToObject, invalid, parseWith, unknownIntent } from "~/lib/forms.server";
import { badRequest, notFound } from "~/lib/http.server";
import { EVENT_TYPE_LABELS, type EventType } from "~/events/event-labels";
import { MAX_PARTICIPANTS_PER_FORM } from "~/lib/limits";
import { associationRegistrationSchema, nestParticipants, publicRegistrationSchema } from "~/events/schemas.server";

const loadAssociationRegistrationSchema = () => import("~/events/schemas").then((m) => m.associationRegistrationSchema);
const loadPublicRegistrationSchema = () => import("~/events/schemas").then((m) => m.publicRegistrationSchema);

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.event.title} – Événements – CCAS de Besançon` : "Événement introuvable" },
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
      const confirmed = created.filter((c) => c.status === "confirmee").length;
      const waiting = created.filter((c) => c.status === "liste_attente");
      const parts = [];
      if (confirmed) parts.push(confirmed === 1 ? "1 inscription confirmée" : `${confirmed} inscriptions confirmées`);
      if (waiting.length)
        parts.push(
          `${waiting.length} en liste d'attente (position${waiting.length > 1 ? "s" : ""} ${waiting.map((w) => w.waitlistPosition).join(", ")})`,
        );
      return redirectWithFlash(`/evenements/${event.slug}`, `${parts.join(", ")}. Chaque participant·e reçoit un courriel.`);
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

function participantDefaults(user: { name: string; email: string } | null) {
  return Array.from({ length: MAX_PARTICIPANTS_PER_FORM }, (_, i) => ({
    name: i === 0 && user ? user.name : "",
    email: i === 0 && user ? user.email : "",
    role: "",
    accessibilityNeeds: "",
  }));
}

function ParticipantRow({ index }: { index: number }) {
  return (
    <fieldset className="form-section">
      <legend>Participant·e {index + 1}</legend>
      <TextField
        name={`participants.${index}.name`}
        label="Nom et prénom"
        required={index === 0}
        autoComplete={index === 0 ? "name" : "off"}
      />
      <TextField
        name={`participants.${index}.email`}
        label="Adresse e-mail"
        type="email"
        required={index === 0}
        autoComplete={index === 0 ? "email" : "off"}
      />
      <TextField name={`participants.${index}.role`} label="Fonction dans l'association" />
      <TextField
        name={`participants.${index}.accessibilityNeeds`}
        label="Besoins d'accessibilité"
        hint="Fauteuil roulant, interprète LSF, boucle magnétique…"
      />
    </fieldset>
  );
}

export default function EventPage() {
  const { event: e, window, past, user, associations } = useLoaderData<typeof loader>();
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
        {EVENT_TYPE_LABELS[e.type as EventType] ?? e.type} ·{" "}
        {e.audience === "public" ? "ouvert au public" : "réservé aux associations du réseau"}
      </p>
      <div className="form-grid">
        <section>
          <h2>Présentation</h2>
          <p style={{ whiteSpace: "pre-line" }}>{e.description}</p>
        </section>
        <section className="card">
          <h2>En pratique</h2>
          <dl className="definition-list">
            <dt>Date</dt>
            <dd>
              {formatLongDate(e.startsAt)}, du {formatDateTime(e.startsAt)} au {formatDateTime(e.endsAt)}
            </dd>
            <dt>Lieu</dt>
            <dd>{e.place ?? "En ligne"}</dd>
            {e.onlineUrl ? (
              <>
                <dt>En ligne</dt>
                <dd>{/^https?:\/\//i.test(e.onlineUrl) ? <a href={e.onlineUrl}>{e.onlineUrl}</a> : e.onlineUrl}</dd>
              </>
            ) : null}
            <dt>Places</dt>
            <dd>
              {e.capacity} au total · <PlacesBadge placesLeft={e.placesLeft} waiting={e.waiting} />
            </dd>
            {e.perAssociationLimit ? (
              <>
                <dt>Par association</dt>
                <dd>{e.perAssociationLimit} personne(s) au plus</dd>
              </>
            ) : null}
            <dt>Inscriptions</dt>
            <dd>
              du {formatDateTime(e.registrationOpensAt)} au {formatDateTime(e.registrationClosesAt)}
            </dd>
          </dl>
          <p>
            <a href={`/evenements/${e.slug}/calendrier.ics`} download>
              Ajouter à mon agenda (fichier .ics)
            </a>
          </p>
        </section>
      </div>

      <section aria-labelledby="inscription">
        <h2 id="inscription">Inscription</h2>
        {past ? <p>Cet événement a eu lieu.</p> : null}
        {!past && window === "pas_encore_ouvertes" ? <p>Les inscriptions ouvrent le {formatDateTime(e.registrationOpensAt)}.</p> : null}
        {!past && window === "closes" ? <div className="alert alert-warning">Les inscriptions sont closes.</div> : null}
        {open && e.placesLeft === 0 ? (
          <p>L'événement est complet : les nouvelles inscriptions rejoignent la liste d'attente, dans l'ordre d'arrivée.</p>
        ) : null}
        {open && associations.length > 0 ? (
          <div className="card stack">
            <h3>Inscrire des personnes de votre association</h3>
            <ValidatedForm
              schema={loadAssociationRegistrationSchema}
              method="post"
              actionData={failureFor("association")}
              defaultValues={{
                associationId: associations.length === 1 ? associations[0].id : "",
                participants: participantDefaults(user),
              }}
            >
              <input type="hidden" name="intent" value="association" />
              {associations.length === 1 ? (
                <>
                  <input type="hidden" name="associationId" value={associations[0].id} />
                  <p>
                    Association : <strong>{associations[0].name}</strong>
                  </p>
                </>
              ) : (
                <SelectField
                  name="associationId"
                  label="Association"
                  required
                  options={associations.map((a) => ({ value: a.id, label: a.name }))}
                />
              )}
              <ParticipantRow index={0} />
              <details>
                <summary>Inscrire d'autres personnes (jusqu'à {MAX_PARTICIPANTS_PER_FORM})</summary>
                {Array.from({ length: MAX_PARTICIPANTS_PER_FORM - 1 }, (_, i) => (
                  <ParticipantRow key={i + 1} index={i + 1} />
                ))}
              </details>
              <div className="actions">
                <SubmitButton>Inscrire</SubmitButton>
              </div>
            </ValidatedForm>
          </div>
        ) : null}
        {open && e.audience === "associations" && !user ? (
          <p>
            Cet événement est réservé aux associations du réseau.{" "}
            <Link to={`/connexion?redirectTo=${encodeURIComponent(`/evenements/${e.slug}`)}`}>Connectez-vous</Link> avec le compte de votre
            association pour inscrire des participant·es.
          </p>
        ) : null}
        {open && e.audience === "public" ? (
          <div className="card stack">
            <h3>{associations.length > 0 ? "Ou s'inscrire à titre individuel" : "S'inscrire"}</h3>
            <p className="small">
              Vous recevrez un courriel avec un lien pour confirmer votre adresse ; votre place n'est réservée qu'une fois l'adresse
              confirmée.
            </p>
            <ValidatedForm
              schema={loadPublicRegistrationSchema}
              method="post"
              actionData={failureFor("public")}
              defaultValues={{ name: "", email: "", accessibilityNeeds: "" }}
            >
              <input type="hidden" name="intent" value="public" />
              <TextField name="name" label="Votre nom" required autoComplete="name" />
              <TextField name="email" label="Votre adresse e-mail" type="email" required autoComplete="email" />
              <TextArea name="accessibilityNeeds" label="Besoins d'accessibilité" rows={2} />
              <div className="actions">
                <SubmitButton>Recevoir le lien de confirmation</SubmitButton>
              </div>
            </ValidatedForm>
          </div>
        ) : null}
      </section>
    </div>
  );
}
