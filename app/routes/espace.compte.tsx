import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { changePassword } from "~/accounts/password-reset.server";
import { COMMON_PASSWORD_MESSAGE, isCommonPassword } from "~/accounts/passwords.server";
import { lucia, readSessionId } from "~/accounts/sessions.server";
import { requireUser } from "~/accounts/auth.server";
import { deleteOwnAccount } from "~/accounts/personal-data.server";
import { SubmitButton, TextField, ValidatedForm } from "~/components/form";
import { prisma } from "~/db.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { formatDateTime } from "~/lib/format";
import { fieldError, formDataToObject, invalid, parseForm, unknownIntent } from "~/lib/forms.server";
import { ROLE_LABELS } from "~/accounts/roles";
import { PASSWORD_MIN_LENGTH } from "~/lib/validation";
import { changePasswordSchema } from "~/accounts/schemas";
import { pageTitle } from "~/lib/meta";
import { setDailyDigest } from "~/review/digest-subscription.server";
import { mailingPreferences, saveMailingPreferences } from "~/network/mailing-preferences.server";
import { MailingPreferences } from "~/network/mailing-preferences";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Mon compte") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const current = readSessionId(request);
  const sessions = await prisma.session.findMany({
    where: { userId: user.id, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: { id: true, createdAt: true, userAgent: true },
  });
  const isStaff = user.role === "staff" || user.role === "admin";
  const digest = isStaff ? await prisma.user.findUnique({ where: { id: user.id }, select: { dailyDigest: true } }) : null;
  return {
    user: { name: user.name, email: user.email, role: ROLE_LABELS[user.role] },
    // Staff only: the daily digest of the review desk (app/review/digest.server.ts).
    dailyDigest: digest ? digest.dailyDigest : null,
    mailingPreferences: await mailingPreferences(user.id),
    sessions: sessions.map((s) => ({ createdAt: s.createdAt, userAgent: s.userAgent, current: s.id === current })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.clone().formData();
  const intent = formData.get("intent");
  // The password form has no intent; any other one is not this page's.
  if (intent !== null && intent !== "delete-account" && intent !== "digest" && intent !== "mailing-lists")
    return unknownIntent(formDataToObject(formData));
  if (intent === "mailing-lists") {
    await saveMailingPreferences(user.id, formDataToObject(formData).list);
    return redirectWithFlash("/espace/compte", "Vos choix de courriels du réseau sont enregistrés.");
  }
  if (intent === "digest") {
    if (user.role !== "staff" && user.role !== "admin") return unknownIntent(formDataToObject(formData));
    const on = formData.get("dailyDigest") === "on";
    await setDailyDigest(user.id, on);
    return redirectWithFlash(
      "/espace/compte",
      on ? "Vous recevrez le résumé quotidien de l'instruction." : "Vous ne recevrez plus le résumé quotidien de l'instruction.",
    );
  }
  if (intent === "delete-account") {
    if (
      String(formData.get("confirm") ?? "")
        .trim()
        .toUpperCase() !== "SUPPRIMER"
    ) {
      // Its own shape, so the password form above does not take the message for its own.
      return data({ deleteError: "Tapez SUPPRIMER pour confirmer la suppression de votre compte." }, { status: 400 });
    }
    const result = await deleteOwnAccount(user.id);
    if (!result.ok) return data({ deleteError: result.reason }, { status: 400 });
    return redirectWithFlash("/", "Votre compte est supprimé.", "info", { "Set-Cookie": lucia.createBlankSessionCookie().serialize() });
  }
  const parsed = await parseForm(request, changePasswordSchema);
  if (!parsed.ok) return invalid(parsed);
  if (isCommonPassword(parsed.data.password)) return fieldError("password", COMMON_PASSWORD_MESSAGE);
  const done = await changePassword(user.id, readSessionId(request) ?? "", parsed.data.currentPassword, parsed.data.password);
  if (!done) return fieldError("currentPassword", "Le mot de passe actuel est incorrect.");
  return redirectWithFlash("/espace/compte", "Mot de passe modifié. Vos autres sessions ont été fermées.");
}

export default function Account() {
  const { user, sessions, dailyDigest, mailingPreferences: preferences } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const deleteError = actionData && "deleteError" in actionData ? actionData.deleteError : undefined;
  return (
    <div className="container page narrow">
      <p>
        <Link to="/espace">‹ Mon espace</Link>
      </p>
      <h1>Mon compte</h1>
      <dl className="definition-list">
        <dt>Nom</dt>
        <dd>{user.name}</dd>
        <dt>Courriel</dt>
        <dd>{user.email}</dd>
        <dt>Rôle</dt>
        <dd>{user.role}</dd>
      </dl>
      <h2>Sessions ouvertes</h2>
      <ul>
        {sessions.map((s, i) => (
          <li key={i}>
            Depuis le {formatDateTime(s.createdAt)} — {s.userAgent ?? "navigateur inconnu"}
            {s.current ? <strong> (cette session)</strong> : null}
          </li>
        ))}
      </ul>
      {dailyDigest !== null ? (
        <>
          <h2>Résumé quotidien</h2>
          <Form method="post" className="card stack">
            <div className="field">
              <label className="checkbox" htmlFor="daily-digest">
                <input
                  id="daily-digest"
                  type="checkbox"
                  name="dailyDigest"
                  value="on"
                  defaultChecked={dailyDigest}
                  aria-describedby="daily-digest-hint"
                />
                <span>Recevoir le résumé quotidien de l'instruction</span>
              </label>
              <p className="field-hint" id="daily-digest-hint">
                Chaque matin après 7 h, s'il y a du nouveau sur les appels que vous instruisez : dossiers déposés, messages des
                associations, corrections reçues, avis rendus.
              </p>
            </div>
            <div className="actions">
              <button type="submit" name="intent" value="digest" className="button button-secondary">
                Enregistrer ce choix
              </button>
            </div>
          </Form>
        </>
      ) : null}
      <MailingPreferences preferences={preferences} />
      <h2>Changer de mot de passe</h2>
      <p className="muted">Changer de mot de passe ferme toutes vos autres sessions.</p>
      <ValidatedForm schema={changePasswordSchema} method="post">
        <TextField name="currentPassword" label="Mot de passe actuel" type="password" autoComplete="current-password" required />
        <TextField
          name="password"
          label="Nouveau mot de passe"
          type="password"
          autoComplete="new-password"
          hint={`Au moins ${PASSWORD_MIN_LENGTH} caractères.`}
          required
        />
        <TextField name="confirmation" label="Confirmation du nouveau mot de passe" type="password" autoComplete="new-password" required />
        <SubmitButton>Changer le mot de passe</SubmitButton>
      </ValidatedForm>
      <h2>Supprimer mon compte</h2>
      <p>
        Votre compte personnel est supprimé aussitôt, avec vos sessions. Les dossiers et subventions de votre association restent conservés
        par le CCAS (pièces comptables), sans votre accès.
      </p>
      <Form method="post" className="card">
        <div className={`field ${deleteError ? "field-invalid" : ""}`}>
          <label htmlFor="confirm-delete" className="field-label">
            Pour confirmer, tapez SUPPRIMER
          </label>
          <input
            id="confirm-delete"
            name="confirm"
            type="text"
            autoComplete="off"
            aria-invalid={deleteError ? true : undefined}
            aria-describedby={deleteError ? "confirm-delete-error" : undefined}
          />
          {deleteError ? (
            <p className="field-error" id="confirm-delete-error">
              {deleteError}
            </p>
          ) : null}
        </div>
        <button type="submit" name="intent" value="delete-account" className="button button-danger">
          Supprimer définitivement mon compte
        </button>
      </Form>
    </div>
  );
}
