import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { clientIp } from "~/lib/http.server";
import { COMMON_PASSWORD_MESSAGE, createSessionCookie, getUser, isCommonPassword } from "~/auth.server";
import { EmailTakenError, signUpAssociation } from "~/association.server";
import { AssociationFields } from "~/components/association-fields";
import { Checkbox, SubmitButton, TextField, ValidatedForm } from "~/components/form";
import { redirectWithFlash } from "~/flash.server";
import { fieldError, invalid, parseForm } from "~/lib/forms.server";
import { PASSWORD_MIN_LENGTH } from "~/lib/limits";
import { signUpSchema } from "~/schemas/association.server";

const loadSignUpSchema = () => import("~/schemas/association").then((m) => m.signUpSchema);

export const meta: MetaFunction = () => [{ title: "Inscrire une association – CCAS de Besançon" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect("/espace");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = await parseForm(request, signUpSchema);
  if (!parsed.ok) return invalid(parsed);
  const { password, ...values } = parsed.data;
  if (isCommonPassword(password)) return fieldError("password", COMMON_PASSWORD_MESSAGE, values);
  try {
    const { userId } = await signUpAssociation(parsed.data);
    const cookie = await createSessionCookie(userId, { ip: clientIp(request), userAgent: request.headers.get("user-agent") });
    return redirectWithFlash(
      "/espace",
      "Inscription enregistrée. Le CCAS va vérifier votre association : vous recevrez un courriel dès qu'elle sera validée.",
      "success",
      { "Set-Cookie": cookie },
    );
  } catch (error) {
    if (error instanceof EmailTakenError) {
      return fieldError("personEmail", "Un compte existe déjà avec cette adresse. Connectez-vous, ou demandez une invitation au représentant de votre association.", values);
    }
    throw error;
  }
}

export default function SignUp() {
  return (
    <div className="container page">
      <h1>Inscrire une association au réseau</h1>
      <p className="lead">
        L'inscription crée votre compte et la fiche de votre association. Elle apparaîtra dans l'annuaire après validation par le CCAS.
      </p>
      <p className="small muted">Les champs marqués d'un astérisque (*) sont obligatoires.</p>
      <ValidatedForm schema={loadSignUpSchema} method="post" defaultValues={{ city: "Besançon", postcode: "25000", fields: [], publics: [] }}>
        <AssociationFields />
        <section className="form-section">
          <h2>Votre compte</h2>
          <div className="form-grid">
            <TextField name="personName" label="Votre nom et prénom" autoComplete="name" required />
            <TextField name="personTitle" label="Votre fonction dans l'association" hint="Par exemple : présidente, trésorier." required />
            <TextField name="personEmail" label="Votre adresse e-mail" type="email" autoComplete="email" required />
            <TextField
              name="password"
              label="Mot de passe"
              type="password"
              autoComplete="new-password"
              hint={`Au moins ${PASSWORD_MIN_LENGTH} caractères. Une phrase de plusieurs mots est facile à retenir et difficile à deviner.`}
              required
            />
          </div>
          <Checkbox
            name="representativeConfirm"
            label="Je suis le ou la représentant·e légal·e de l'association, ou j'ai reçu mandat pour l'inscrire."
          />
        </section>
        <div className="actions">
          <SubmitButton>Inscrire l'association</SubmitButton>
          <Link to="/connexion">J'ai déjà un compte</Link>
        </div>
      </ValidatedForm>
    </div>
  );
}
