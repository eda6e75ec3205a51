import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useLocation } from "@remix-run/react";
import { acceptInvitation, findInvitation } from "~/associations/members.server";
import { COMMON_PASSWORD_MESSAGE, isCommonPassword } from "~/accounts/passwords.server";
import { createSessionCookie } from "~/accounts/sessions.server";
import { getUser } from "~/accounts/auth.server";
import { SubmitButton, TextField, ValidatedForm } from "~/components/form";
import { prisma } from "~/db.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { clientIp, notFound } from "~/lib/http.server";
import { fieldError, invalid, parseForm } from "~/lib/forms.server";
import { PASSWORD_MIN_LENGTH } from "~/lib/limits";
import { acceptInvitationSchema } from "~/accounts/schemas.server";
import { pageTitle } from "~/lib/meta";

const loadAcceptInvitationSchema = () => import("~/accounts/schemas").then((m) => m.acceptInvitationSchema);

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Invitation") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const invitation = await findInvitation(params.token ?? "");
  if (!invitation) throw notFound("Cette invitation n'existe pas, a expiré ou a déjà été acceptée.");
  const user = await getUser(request);
  const hasAccount = Boolean(await prisma.user.findUnique({ where: { email: invitation.email }, select: { id: true } }));
  return {
    associationName: invitation.association.name,
    email: invitation.email,
    signedInAs: user ? { email: user.email } : null,
    hasAccount,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const invitation = await findInvitation(token);
  if (!invitation) throw notFound("Cette invitation n'existe pas, a expiré ou a déjà été acceptée.");
  const user = await getUser(request);
  if (user && user.email === invitation.email) {
    await acceptInvitation(token, { userId: user.id });
    return redirectWithFlash("/espace", `Vous avez rejoint ${invitation.association.name}.`);
  }
  const parsed = await parseForm(request, acceptInvitationSchema);
  if (!parsed.ok) return invalid(parsed);
  if (isCommonPassword(parsed.data.password)) return fieldError("password", COMMON_PASSWORD_MESSAGE, { name: parsed.data.name });
  const existing = await prisma.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
  if (existing)
    return invalid({
      errors: { _form: "Un compte existe déjà pour cette adresse : connectez-vous puis rouvrez le lien de l'invitation." },
      values: { name: parsed.data.name },
    });
  const accepted = await acceptInvitation(token, parsed.data);
  if (!accepted) throw notFound("Cette invitation n'existe pas, a expiré ou a déjà été acceptée.");
  const cookie = await createSessionCookie(accepted.userId, { ip: clientIp(request), userAgent: request.headers.get("user-agent") });
  return redirectWithFlash("/espace", `Bienvenue ! Vous avez rejoint ${invitation.association.name}.`, "success", { "Set-Cookie": cookie });
}

export default function Invitation() {
  const data = useLoaderData<typeof loader>();
  const location = useLocation();
  return (
    <div className="container page narrow">
      <h1>Rejoindre {data.associationName}</h1>
      <p>Invitation pour l'adresse {data.email}.</p>
      {data.signedInAs?.email === data.email ? (
        <Form method="post">
          <button type="submit" className="button">
            Rejoindre l'association
          </button>
        </Form>
      ) : data.hasAccount ? (
        <p>
          Un compte existe déjà pour cette adresse :{" "}
          <a href={`/connexion?redirectTo=${encodeURIComponent(location.pathname)}`}>connectez-vous</a>, puis rouvrez le lien reçu par
          courriel.
        </p>
      ) : (
        <ValidatedForm schema={loadAcceptInvitationSchema} method="post">
          <TextField name="name" label="Votre nom et prénom" autoComplete="name" required />
          <TextField
            name="password"
            label="Choisissez un mot de passe"
            type="password"
            autoComplete="new-password"
            hint={`Au moins ${PASSWORD_MIN_LENGTH} caractères.`}
            required
          />
          <SubmitButton>Créer mon compte et rejoindre l'association</SubmitButton>
        </ValidatedForm>
      )}
    </div>
  );
}
