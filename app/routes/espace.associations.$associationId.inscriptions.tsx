// The association's registrations to coming events; a member cancels one here.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireAssociationMember } from "~/accounts/auth.server";
import { prisma } from "~/db.server";
import { cancelForAssociation } from "~/events/cancelling.server";
import { listAssociationRegistrations } from "~/events/space.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { formatDateTime } from "~/lib/format";
import { formDataToObject, unknownIntent } from "~/lib/forms.server";
import { badRequest, notFound } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Inscriptions aux événements") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { associationId } = await requireAssociationMember(request, params.associationId ?? "");
  const association = await prisma.association.findUniqueOrThrow({ where: { id: associationId }, select: { id: true, name: true } });
  return { association, registrations: await listAssociationRegistrations(associationId) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { associationId } = await requireAssociationMember(request, params.associationId ?? "");
  const form = await request.formData();
  const registrationId = form.get("registrationId");
  if (form.get("intent") !== "cancel") return unknownIntent(formDataToObject(form));
  if (typeof registrationId !== "string") throw badRequest();
  const result = await cancelForAssociation(registrationId, associationId);
  if (!result) throw notFound();
  return redirectWithFlash(`/espace/associations/${associationId}/inscriptions`, "Inscription annulée.");
}

export default function AssociationRegistrations() {
  const { association, registrations } = useLoaderData<typeof loader>();
  return (
    <div className="container page">
      <p>
        <Link to="/espace">‹ Mon espace</Link>
      </p>
      <h1>Inscriptions de {association.name}</h1>
      {registrations.length === 0 ? (
        <p>
          Aucune inscription à venir. <Link to="/evenements">Voir les événements</Link>
        </p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Inscriptions aux événements à venir</caption>
            <thead>
              <tr>
                <th scope="col">Événement</th>
                <th scope="col">Participant·e</th>
                <th scope="col">Statut</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {registrations.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/evenements/${r.event.slug}`}>{r.event.title}</Link>
                    <br />
                    <span className="small muted">{formatDateTime(r.event.startsAt)}</span>
                  </td>
                  <td>
                    {r.name}
                    <br />
                    <span className="small muted">{r.email}</span>
                  </td>
                  <td>{r.status === "confirmee" ? "Confirmée" : `Liste d'attente (position ${r.waitlistPosition})`}</td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="intent" value="cancel" />
                      <input type="hidden" name="registrationId" value={r.id} />
                      <button
                        type="submit"
                        className="button button-secondary button-small"
                        aria-label={`Annuler l'inscription de ${r.name} à ${r.event.title}`}
                      >
                        Annuler
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
