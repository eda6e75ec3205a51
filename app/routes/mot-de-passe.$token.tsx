import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "@remix-run/react";
import { COMMON_PASSWORD_MESSAGE, isCommonPassword } from "~/accounts/passwords.server";
import { isPasswordResetTokenValid, resetPassword } from "~/accounts/password-reset.server";
import { SubmitButton, TextField, ValidatedForm } from "~/components/form";
import { redirectWithFlash } from "~/lib/flash.server";
import { fieldError, invalid, parseForm } from "~/lib/forms.server";
import { PASSWORD_MIN_LENGTH } from "~/lib/limits";
import { resetPasswordSchema } from "~/accounts/schemas.server";
import { pageTitle } from "~/lib/meta";

const loadResetPasswordSchema = () => import("~/accounts/schemas").then((m) => m.resetPasswordSchema);

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Nouveau mot de passe") }];

export async function loader({ params }: LoaderFunctionArgs) {
  return { valid: await isPasswordResetTokenValid(params.token ?? "") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const parsed = await parseForm(request, resetPasswordSchema);
  if (!parsed.ok) return invalid(parsed);
  if (isCommonPassword(parsed.data.password)) return fieldError("password", COMMON_PASSWORD_MESSAGE);
  const done = await resetPassword(params.token ?? "", parsed.data.password);
  if (!done)
    return invalid({ errors: { _form: "Ce lien n'est plus valable : il a expiré ou a déjà servi. Demandez-en un nouveau." }, values: {} });
  return redirectWithFlash("/connexion", "Mot de passe modifié. Connectez-vous avec votre nouveau mot de passe.");
}

export default function ResetPassword() {
  const { valid } = useLoaderData<typeof loader>();
  return (
    <div className="container page narrow">
      <h1>Choisir un nouveau mot de passe</h1>
      {valid ? (
        <ValidatedForm schema={loadResetPasswordSchema} method="post">
          <TextField
            name="password"
            label="Nouveau mot de passe"
            type="password"
            autoComplete="new-password"
            hint={`Au moins ${PASSWORD_MIN_LENGTH} caractères.`}
            required
          />
          <TextField name="confirmation" label="Confirmation du mot de passe" type="password" autoComplete="new-password" required />
          <SubmitButton>Enregistrer le mot de passe</SubmitButton>
        </ValidatedForm>
      ) : (
        <div className="alert alert-error">
          <p>Ce lien n'est plus valable : il a expiré (au bout d'une heure) ou a déjà servi.</p>
          <p>
            <Link to="/mot-de-passe-oublie">Demander un nouveau lien</Link>
          </p>
        </div>
      )}
    </div>
  );
}
