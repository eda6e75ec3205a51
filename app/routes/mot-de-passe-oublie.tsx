import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { passwordResetEmail } from "~/accounts/emails";
import { requestPasswordReset } from "~/accounts/password-reset.server";
import { SubmitButton, TextField, ValidatedForm } from "~/components/form";
import { prisma } from "~/db.server";
import { invalid, parseForm } from "~/lib/forms.server";
import { absoluteUrl, sendMail } from "~/mail/mail.server";
import { forgotPasswordSchema } from "~/accounts/schemas.server";
import { pageTitle } from "~/lib/meta";

const loadForgotPasswordSchema = () => import("~/accounts/schemas").then((m) => m.forgotPasswordSchema);

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Mot de passe oublié") }];

export async function action({ request }: ActionFunctionArgs) {
  const parsed = await parseForm(request, forgotPasswordSchema);
  if (!parsed.ok) return invalid(parsed);
  const user = await prisma.user.findUnique({ where: { email: parsed.data.email }, select: { id: true, name: true, disabledAt: true } });
  // The same answer whether or not the account exists: the form must not reveal who has one.
  const token = user && !user.disabledAt ? await requestPasswordReset(user.id) : null;
  if (user && token) {
    await sendMail({ to: parsed.data.email, ...passwordResetEmail({ name: user.name, resetUrl: absoluteUrl(`/mot-de-passe/${token}`) }) });
  }
  return { ok: true as const, email: parsed.data.email };
}

export default function ForgotPassword() {
  const actionData = useActionData<typeof action>();
  const sent = actionData && "email" in actionData;
  return (
    <div className="container page narrow">
      <h1>Mot de passe oublié</h1>
      {sent ? (
        <div className="alert alert-success" role="status">
          Si un compte existe pour {actionData.email}, un courriel vient d'y être envoyé avec un lien valable une heure.
        </div>
      ) : (
        <ValidatedForm schema={loadForgotPasswordSchema} method="post">
          <TextField name="email" label="Adresse e-mail de votre compte" type="email" autoComplete="email" required />
          <SubmitButton>Recevoir un lien de réinitialisation</SubmitButton>
        </ValidatedForm>
      )}
    </div>
  );
}
