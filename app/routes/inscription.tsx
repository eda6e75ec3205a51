import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { COMMON_PASSWORD_MESSAGE, isCommonPassword } from "~/accounts/passwords.server";
import { getUser } from "~/accounts/auth.server";
import { AssociationFields } from "~/associations/association-fields";
import { Checkbox, SubmitButton, TextField, ValidatedForm } from "~/components/form";
import { fieldError, invalid, parseForm } from "~/lib/forms.server";
import { PASSWORD_MIN_LENGTH } from "~/lib/limits";
import { signUpSchemaForAction } from "~/associations/schemas.server";
import { requestSignUp, signUpSentMessage } from "~/associations/sign-up.server";
import { pageTitle } from "~/lib/meta";
import { getPortalSettings } from "~/settings/portal-settings.server";
import { formChoices } from "~/settings/taxonomy-choices";
import { getTaxonomy } from "~/settings/taxonomy.server";
import { claimableEntry } from "~/rna/claims.server";
import { RnaClaimHint } from "~/rna/claim-hint";
import { CLAIM_MATCH_NOTICE } from "~/rna/emails";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Inscrire une association") }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect("/espace");
  // A CCAS serving one commune prefills it (with its own postcode when it sits there).
  const [{ communes, city, postcode }, taxonomy] = await Promise.all([getPortalSettings(), getTaxonomy()]);
  const commune = communes.length === 1 ? communes[0].name : "";
  return { town: { city: commune, postcode: commune && commune === city ? postcode : "" }, choices: formChoices(taxonomy) };
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = await parseForm(request, await signUpSchemaForAction());
  if (!parsed.ok) return invalid(parsed);
  const { password, ...values } = parsed.data;
  if (isCommonPassword(password)) return fieldError("password", COMMON_PASSWORD_MESSAGE, values);
  // The same answer whether or not the address has an account: what follows comes by e-mail.
  await requestSignUp(parsed.data);
  // The directory is public: saying that the number matches one of its entries tells nothing about the person.
  const claim = (await claimableEntry(parsed.data.rna)) !== null;
  return { sent: true as const, message: signUpSentMessage(parsed.data.personEmail), claimNotice: claim ? CLAIM_MATCH_NOTICE : null };
}

export default function SignUp() {
  const { town, choices } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const loadSignUpSchema = useMemo(() => () => import("~/associations/schemas").then((m) => m.signUpSchema(choices)), [choices]);
  if (actionData && "sent" in actionData) {
    return (
      <div className="container page narrow">
        <h1>Vérifiez votre messagerie</h1>
        <div className="alert alert-success" role="status">
          {actionData.message}
        </div>
        {actionData.claimNotice ? <div className="alert alert-warning">{actionData.claimNotice}</div> : null}
        <p>
          Rien reçu après quelques minutes ? Regardez dans les courriers indésirables, puis{" "}
          <Link to="/inscription">recommencez l'inscription</Link>.
        </p>
      </div>
    );
  }
  return (
    <div className="container page">
      <h1>Inscrire une association au réseau</h1>
      <p className="lead">
        L'inscription crée votre compte et la fiche de votre association, une fois votre adresse e-mail confirmée. Elle apparaîtra dans
        l'annuaire après validation par le CCAS.
      </p>
      <p className="small muted">Les champs marqués d'un astérisque (*) sont obligatoires.</p>
      <ValidatedForm schema={loadSignUpSchema} method="post" defaultValues={{ ...town, fields: [], publics: [] }}>
        <AssociationFields choices={choices} />
        <RnaClaimHint />
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
