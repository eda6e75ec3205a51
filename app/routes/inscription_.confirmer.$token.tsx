import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { createSessionCookie } from "~/accounts/sessions.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { clientIp } from "~/lib/http.server";
import { invalid } from "~/lib/forms.server";
import { confirmSignUp, findSignUpRequest } from "~/associations/sign-up.server";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Confirmer l'inscription") }];

const EXPIRED = "Ce lien n'est plus valable : il a expiré (au bout de 24 heures) ou a déjà servi.";

// Confirming is a button, never the link itself: mail filters open links before people do.
export async function loader({ params }: LoaderFunctionArgs) {
  return { request: await findSignUpRequest(params.token ?? "") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const result = await confirmSignUp(params.token ?? "");
  if (!result.ok) {
    const message =
      result.reason === "email_taken"
        ? "Un compte existe déjà pour cette adresse : connectez-vous, ou utilisez « Mot de passe oublié »."
        : EXPIRED;
    return invalid({ errors: { _form: message }, values: {} }, result.reason === "email_taken" ? 409 : 400);
  }
  const cookie = await createSessionCookie(result.userId, { ip: clientIp(request), userAgent: request.headers.get("user-agent") });
  return redirectWithFlash(
    "/espace",
    result.claim
      ? `Adresse confirmée. « ${result.association.name} » figure déjà dans l'annuaire : votre demande de reprise de sa fiche sera vérifiée par le CCAS, vous recevrez un courriel.`
      : "Adresse confirmée, inscription enregistrée. Le CCAS va vérifier votre association : vous recevrez un courriel dès qu'elle sera validée.",
    "success",
    { "Set-Cookie": cookie },
  );
}

export default function ConfirmSignUp() {
  const { request } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const error = actionData?.errors._form;
  return (
    <div className="container page narrow">
      <h1>Confirmer l'inscription</h1>
      {error ? (
        <div className="alert alert-error" role="alert">
          <p>{error}</p>
          <p>
            <Link to="/connexion">Se connecter</Link> · <Link to="/inscription">Recommencer l'inscription</Link>
          </p>
        </div>
      ) : request ? (
        <Form method="post">
          <p>
            Vous confirmez l'adresse {request.email} et l'inscription de « {request.associationName} » au réseau des associations du CCAS.
          </p>
          <button type="submit" className="button">
            Confirmer l'inscription
          </button>
        </Form>
      ) : (
        <div className="alert alert-error">
          <p>{EXPIRED}</p>
          <p>
            <Link to="/inscription">Recommencer l'inscription</Link>
          </p>
        </div>
      )}
    </div>
  );
}
