// The one-click link of a mailing (the CCAS's news, the network alerts): takes one person off one
// list without a login. The page asks for the click (a link followed by a mail scanner changes
// nothing); the post, which mail clients send themselves (RFC 8058), takes them off.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { redirectWithFlash } from "~/lib/flash.server";
import { notFound } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { MAILING_LISTS, setSubscription, subscriberForToken } from "~/mail/mailing-lists.server";

const INVALID =
  "Ce lien de désabonnement n'est pas valide. Utilisez le lien du courriel reçu, sans le modifier, ou réglez vos abonnements depuis votre compte.";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Désabonnement") }, { name: "robots", content: "noindex" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const subscriber = await subscriberForToken(params.token ?? "");
  if (!subscriber) throw notFound(INVALID);
  const list = MAILING_LISTS[subscriber.list];
  return { name: subscriber.name, subscribed: subscriber.subscribed, label: list.label, description: list.description };
}

export async function action({ params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const subscriber = await subscriberForToken(token);
  if (!subscriber) throw notFound(INVALID);
  await setSubscription(subscriber.id, subscriber.list, false);
  return redirectWithFlash(`/desabonnement/${token}`, `Vous ne recevrez plus les courriels « ${MAILING_LISTS[subscriber.list].label} ».`);
}

export default function Unsubscribe() {
  const { name, subscribed, label, description } = useLoaderData<typeof loader>();
  return (
    <div className="container page narrow stack">
      <h1>Désabonnement : {label}</h1>
      {subscribed ? (
        <Form method="post" className="stack">
          <p>
            {name}, vous êtes abonné·e à « {label} ». {description}
          </p>
          <div className="actions">
            <button type="submit" className="button">
              Ne plus recevoir ces courriels
            </button>
          </div>
        </Form>
      ) : (
        <p>
          {name}, vous ne recevez plus les courriels « {label} ».
        </p>
      )}
      <p className="small muted">
        Vous pouvez vous réabonner à tout moment depuis <Link to="/espace/compte">votre compte</Link>.
      </p>
    </div>
  );
}
