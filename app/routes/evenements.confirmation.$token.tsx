// The link sent to a member of the public: confirms the address, then allocates a place.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { confirmPublicRegistration } from "~/events/registration.server";
import { verifyConfirmation } from "~/events/signed-links.server";
import { DomainError } from "~/lib/domain-error";
import { redirectWithFlash } from "~/lib/flash.server";
import { notFound } from "~/lib/http.server";
import { prisma } from "~/db.server";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "Confirmer une inscription") },
  { name: "robots", content: "noindex" },
];

const INVALID = "Ce lien de confirmation n'est pas valide ou a expiré (48 heures). Inscrivez-vous à nouveau depuis la page de l'événement.";

export async function loader({ params }: LoaderFunctionArgs) {
  if (!verifyConfirmation(params.token ?? "")) throw notFound(INVALID);
  return null;
}

export async function action({ params }: ActionFunctionArgs) {
  const id = verifyConfirmation(params.token ?? "");
  if (!id) throw notFound(INVALID);
  const reg = await prisma.registration.findUnique({ where: { id }, select: { event: { select: { slug: true } } } });
  if (!reg) throw notFound(INVALID);
  try {
    const result = await confirmPublicRegistration(params.token ?? "");
    if (!result) throw notFound(INVALID);
    const message =
      result.status === "confirmee"
        ? "Votre inscription est confirmée. Vous allez recevoir l'invitation par courriel."
        : result.status === "liste_attente"
          ? `L'événement est complet : vous êtes en liste d'attente, en position ${result.waitlistPosition}.`
          : "Cette inscription a été annulée.";
    return redirectWithFlash(`/evenements/${reg.event.slug}`, message);
  } catch (error) {
    // Closed meanwhile, or the address registered another way: said on the event's page.
    if (error instanceof DomainError) return redirectWithFlash(`/evenements/${reg.event.slug}`, error.message, "error");
    throw error;
  }
}

export default function ConfirmRegistration() {
  return (
    <div className="container page narrow">
      <h1>Confirmer votre inscription</h1>
      <Form method="post" className="stack">
        <p>Confirmez votre adresse e-mail pour obtenir votre place (ou votre rang en liste d'attente si l'événement est complet).</p>
        <div className="actions">
          <button type="submit" className="button">
            Confirmer mon inscription
          </button>
        </div>
      </Form>
    </div>
  );
}
