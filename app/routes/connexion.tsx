import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useSearchParams } from "@remix-run/react";
import { getUser } from "~/accounts/auth.server";
import { login } from "~/accounts/login.server";
import { readSessionId } from "~/accounts/sessions.server";
import { TextField, ValidatedForm, SubmitButton } from "~/components/form";
import { clientIp, safeRedirect } from "~/lib/http.server";
import { fieldError, invalid, parseForm } from "~/lib/forms.server";
import { loginRefusalMessage } from "~/accounts/login-throttle.server";
import { loginSchema } from "~/accounts/schemas.server";
import { pageTitle } from "~/lib/meta";

const loadLoginSchema = () => import("~/accounts/schemas").then((m) => m.loginSchema);

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Connexion") }];

/** A refused attempt says when to try again, also to the browser's own fetch (single fetch). */
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect("/espace");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = await parseForm(request, loginSchema);
  if (!parsed.ok) return invalid(parsed);
  const result = await login({
    email: parsed.data.email,
    password: parsed.data.password,
    ip: clientIp(request),
    userAgent: request.headers.get("user-agent"),
    previousSessionId: readSessionId(request),
  });
  const values = { email: parsed.data.email, redirectTo: parsed.data.redirectTo };
  if (!result.ok) {
    if (result.reason === "throttled") {
      const answer = invalid({ errors: { _form: loginRefusalMessage(result.refusal) }, values }, 429);
      answer.init = { ...answer.init, headers: { "Retry-After": String(result.refusal.retryAfterSeconds) } };
      return answer;
    }
    if (result.reason === "disabled") return fieldError("email", "Ce compte est désactivé. Contactez le CCAS.", values, 403);
    return invalid({ errors: { password: "Adresse e-mail ou mot de passe incorrect." }, values }, 401);
  }
  const fallback = result.user.role === "member" ? "/espace" : "/instruction";
  return redirect(safeRedirect(parsed.data.redirectTo, fallback), { headers: { "Set-Cookie": result.cookie } });
}

export default function Login() {
  const [searchParams] = useSearchParams();
  return (
    <div className="container page narrow">
      <h1>Se connecter</h1>
      <p>Espace des associations partenaires et des équipes du CCAS.</p>
      <ValidatedForm schema={loadLoginSchema} method="post" defaultValues={{ redirectTo: searchParams.get("redirectTo") ?? "" }}>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <TextField name="email" label="Adresse e-mail" type="email" autoComplete="email" required />
        <TextField name="password" label="Mot de passe" type="password" autoComplete="current-password" required />
        <div className="actions">
          <SubmitButton>Se connecter</SubmitButton>
          <Link to="/mot-de-passe-oublie">Mot de passe oublié ?</Link>
        </div>
      </ValidatedForm>
      <h2>Votre association n'a pas encore de compte ?</h2>
      <p>
        <Link to="/inscription">Inscrire une association au réseau</Link>
      </p>
    </div>
  );
}
