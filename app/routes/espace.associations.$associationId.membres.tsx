import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { inviteMember, listMembers, removeMember } from "~/associations/members.server";
import { requireAssociationMember, requireRepresentative } from "~/accounts/auth.server";
import { SubmitButton, TextField, ValidatedForm } from "~/components/form";
import { prisma } from "~/db.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { formatDate } from "~/lib/format";
import { domainAction, fieldError, formDataToObject, invalid, parseWith, unknownIntent } from "~/lib/forms.server";
import { inviteMemberSchema } from "~/accounts/schemas";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Membres de l'association") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireAssociationMember(request, params.associationId ?? "");
  const association = await prisma.association.findUnique({ where: { id: access.associationId }, select: { id: true, name: true } });
  const { members, invitations } = await listMembers(access.associationId);
  return { association: association!, members, invitations, isRepresentative: access.isRepresentative, me: access.user.id };
}

export const action = (args: ActionFunctionArgs) => domainAction(act)(args);

async function act({ request, params }: ActionFunctionArgs) {
  const { associationId, user } = await requireRepresentative(request, params.associationId ?? "");
  const values = formDataToObject(await request.formData());
  if (values.intent === "remove") {
    await removeMember(associationId, String(values.membershipId ?? ""));
    return redirectWithFlash(`/espace/associations/${associationId}/membres`, "Membre retiré de l'association.");
  }
  // The invitation form, also when posted without its button's intent.
  if (values.intent !== undefined && values.intent !== "invite") return unknownIntent(values);
  const parsed = parseWith(inviteMemberSchema, values);
  if (!parsed.ok) return invalid(parsed);
  const result = await inviteMember(associationId, parsed.data.email, user);
  if (!result.ok) {
    const message =
      result.reason === "already_member"
        ? "Cette personne est déjà membre de l'association."
        : `Une invitation est déjà en attente pour cette adresse (valable jusqu'au ${formatDate(result.expiresAt!)}).`;
    return fieldError("email", message, parsed.data, 409);
  }
  return redirectWithFlash(`/espace/associations/${associationId}/membres`, `Invitation envoyée à ${parsed.data.email}.`);
}

export default function Members() {
  const { association, members, invitations, isRepresentative, me } = useLoaderData<typeof loader>();
  return (
    <div className="container page">
      <p>
        <Link to="/espace">‹ Mon espace</Link>
      </p>
      <h1>Membres de {association.name}</h1>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Membres ayant accès à l'espace de l'association</caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Courriel</th>
              <th scope="col">Rôle</th>
              {isRepresentative ? <th scope="col">Action</th> : null}
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id}>
                <td>{m.user.name}</td>
                <td>{m.user.email}</td>
                <td>
                  {m.title ?? "Membre"}
                  {m.isRepresentative ? " (représentant·e légal·e)" : ""}
                </td>
                {isRepresentative ? (
                  <td>
                    {!m.isRepresentative && m.user.id !== me ? (
                      <Form method="post">
                        <input type="hidden" name="membershipId" value={m.id} />
                        <button type="submit" name="intent" value="remove" className="link-button">
                          Retirer {m.user.name}
                        </button>
                      </Form>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {invitations.length ? (
        <>
          <h2>Invitations en attente</h2>
          <ul>
            {invitations.map((i) => (
              <li key={i.id}>
                {i.email} – valable jusqu'au {formatDate(i.expiresAt)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {isRepresentative ? (
        <>
          <h2>Inviter un membre</h2>
          <ValidatedForm schema={inviteMemberSchema} method="post">
            <TextField name="email" label="Adresse e-mail de la personne" type="email" required />
            <SubmitButton name="intent" value="invite">
              Envoyer l'invitation
            </SubmitButton>
          </ValidatedForm>
        </>
      ) : (
        <p className="muted">Seul·e le ou la représentant·e légal·e peut inviter de nouveaux membres.</p>
      )}
    </div>
  );
}
