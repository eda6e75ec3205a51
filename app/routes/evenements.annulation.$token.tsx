// The cancellation link of every confirmation e-mail: shows the registration, cancels on POST.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { cancelByToken, getRegistrationForToken } from "~/events/cancelling.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { formatLongDate } from "~/lib/format";
import { notFound } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "Annuler une inscription") },
  { name: "robots", content: "noindex" },
];

const INVALID = "Ce lien d'annulation n'est pas valide. Utilisez le lien reçu par courriel, sans le modifier.";

export async function loader({ params }: LoaderFunctionArgs) {
  const registration = await getRegistrationForToken(params.token ?? "");
  if (!registration) throw notFound(INVALID);
  return { registration };
}

export async function action({ params }: ActionFunctionArgs) {
  const result = await cancelByToken(params.token ?? "");
  if (!result) throw notFound(INVALID);
  return redirectWithFlash(
    `/evenements/${result.eventSlug}`,
    result.cancelled ? "Votre inscription est annulée. Merci d'avoir libéré votre place." : "Cette inscription était déjà annulée.",
  );
}

export default function CancelRegistration() {
  const { registration: r } = useLoaderData<typeof loader>();
  return (
    <div className="container page narrow">
      <h1>Annuler une inscription</h1>
      <p>
        <strong>{r.name}</strong> – « <Link to={`/evenements/${r.event.slug}`}>{r.event.title}</Link> », {formatLongDate(r.event.startsAt)}.
      </p>
      {r.status === "annulee" ? (
        <p>Cette inscription est déjà annulée.</p>
      ) : (
        <Form method="post" className="stack">
          <p>
            {r.status === "liste_attente"
              ? `Vous êtes en liste d'attente (position ${r.waitlistPosition}). Confirmez pour quitter la liste.`
              : "Confirmez l'annulation : votre place sera proposée à la première personne en liste d'attente."}
          </p>
          <div className="actions">
            <button type="submit" className="button button-danger">
              Annuler mon inscription
            </button>
          </div>
        </Form>
      )}
    </div>
  );
}
