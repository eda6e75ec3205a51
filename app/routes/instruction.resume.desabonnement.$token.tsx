// The one-click link of the daily digest: turns it off without a login. The page asks for the
// click (a link followed by a mail scanner changes nothing); the post turns the digest off.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { redirectWithFlash } from "~/lib/flash.server";
import { notFound } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { digestSubscriberForToken, setDailyDigest } from "~/review/digest-subscription.server";

const INVALID =
  "Ce lien de désabonnement n'est pas valide. Utilisez le lien du courriel reçu, sans le modifier, ou réglez le résumé depuis votre compte.";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "Résumé quotidien de l'instruction") },
  { name: "robots", content: "noindex" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const user = await digestSubscriberForToken(params.token ?? "");
  if (!user) throw notFound(INVALID);
  return { name: user.name, subscribed: user.dailyDigest };
}

export async function action({ params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const user = await digestSubscriberForToken(token);
  if (!user) throw notFound(INVALID);
  await setDailyDigest(user.id, false);
  return redirectWithFlash(`/instruction/resume/desabonnement/${token}`, "Vous ne recevrez plus le résumé quotidien de l'instruction.");
}

export default function DigestUnsubscribe() {
  const { name, subscribed } = useLoaderData<typeof loader>();
  return (
    <div className="container page narrow stack">
      <h1>Résumé quotidien de l'instruction</h1>
      {subscribed ? (
        <Form method="post" className="stack">
          <p>{name}, vous recevez chaque matin le résumé de ce qui s'est passé sur les appels à projets que vous instruisez.</p>
          <div className="actions">
            <button type="submit" className="button">
              Ne plus recevoir le résumé quotidien
            </button>
          </div>
        </Form>
      ) : (
        <p>{name}, vous ne recevez plus le résumé quotidien.</p>
      )}
      <p className="small muted">
        Vous pouvez le réactiver à tout moment depuis <Link to="/espace/compte">votre compte</Link>.
      </p>
    </div>
  );
}
