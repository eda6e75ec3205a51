import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getMemberships, requireUser } from "~/accounts/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { domainAction, invalid, parseForm } from "~/lib/forms.server";
import { pageTitle } from "~/lib/meta";
import { AlertForm } from "~/network/alert-form";
import { alertSchemaFor } from "~/network/alert-schemas";
import { alertOf, saveAlert } from "~/network/alerts.server";
import { formChoices, validationChoices } from "~/settings/taxonomy-choices";
import { getTaxonomy } from "~/settings/taxonomy.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Alertes du réseau") }];

/** A member of an association; staff without one are sent to their own home. */
async function requireNetworkMember(request: Request) {
  const user = await requireUser(request);
  const memberships = await getMemberships(user.id);
  if (memberships.length === 0 && user.role !== "member") throw redirect("/instruction");
  return { user, isMember: memberships.length > 0 };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, isMember } = await requireNetworkMember(request);
  const [alert, taxonomy] = await Promise.all([alertOf(user.id), getTaxonomy()]);
  const choices = formChoices(taxonomy, { field: alert.fields, district: alert.districts });
  return { isMember, alert, choices: { field: choices.field, district: choices.district } };
}

export const action = (args: ActionFunctionArgs) => domainAction(save)(args);

async function save({ request }: ActionFunctionArgs) {
  const { user, isMember } = await requireNetworkMember(request);
  if (!isMember) throw redirect("/espace");
  const parsed = await parseForm(request, alertSchemaFor(validationChoices(await getTaxonomy())));
  if (!parsed.ok) return invalid(parsed);
  const { subscribed } = await saveAlert(user.id, parsed.data);
  return redirectWithFlash(
    "/espace/alertes",
    subscribed
      ? "Vos alertes sont enregistrées : vous recevrez chaque matin les nouvelles annonces qui y correspondent."
      : "Vos choix sont enregistrés ; vous ne recevrez pas de courriel d'alerte.",
  );
}

export default function NetworkAlerts() {
  const { isMember, alert, choices } = useLoaderData<typeof loader>();
  return (
    <div className="container page narrow stack">
      <p>
        <Link to="/espace">‹ Mon espace</Link>
      </p>
      <h1>Alertes du réseau</h1>
      {isMember ? (
        <>
          <p className="lead">
            Choisissez les besoins et offres des autres associations dont vous voulez être averti·e par un courriel quotidien.
          </p>
          <AlertForm choices={choices} values={alert} />
        </>
      ) : (
        <p>Les alertes sont réservées aux membres d'une association du réseau.</p>
      )}
    </div>
  );
}
