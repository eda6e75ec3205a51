import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/accounts/auth.server";
import { createStaffAccount, endSessionsOf, listStaffAccounts, setStaffAccountDisabled } from "~/accounts/staff-accounts.server";
import { SelectField, SubmitButton, TextField, ValidatedForm } from "~/components/form";
import { redirectWithFlash } from "~/lib/flash.server";
import { formatDate } from "~/lib/format";
import { domainAction, formDataToObject, invalid, parseWith, unknownIntent } from "~/lib/forms.server";
import { ROLE_LABELS } from "~/accounts/roles";
import { createStaffSchema } from "~/accounts/schemas";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Comptes du CCAS") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request);
  return { staff: await listStaffAccounts(), me: admin.id };
}

export const action = (args: ActionFunctionArgs) => domainAction(act)(args);

async function act({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const values = formDataToObject(await request.formData());
  const intent = values.intent;
  if (intent === "end-sessions") {
    const email = String(values.email ?? "")
      .trim()
      .toLowerCase();
    const target = await endSessionsOf(email);
    if (!target) return redirectWithFlash("/admin/comptes", `Aucun compte avec l'adresse ${email}.`, "error");
    return redirectWithFlash("/admin/comptes", `Toutes les sessions de ${target.name} sont fermées.`);
  }
  if (intent === "disable" || intent === "enable") {
    const target = await setStaffAccountDisabled(String(values.userId ?? ""), intent === "disable", admin);
    return redirectWithFlash(
      "/admin/comptes",
      intent === "disable" ? `Compte de ${target.name} désactivé.` : `Compte de ${target.name} réactivé.`,
    );
  }
  // The creation form, also when posted without its button's intent.
  if (intent !== undefined && intent !== "create") return unknownIntent(values);
  const parsed = parseWith(createStaffSchema, values);
  if (!parsed.ok) return invalid(parsed);
  await createStaffAccount(parsed.data, admin);
  return redirectWithFlash("/admin/comptes", `Compte créé pour ${parsed.data.name} ; un courriel lui a été envoyé.`);
}

export default function StaffAccounts() {
  const { staff, me } = useLoaderData<typeof loader>();
  return (
    <div className="container page">
      <p>
        <Link to="/admin">‹ Administration</Link>
      </p>
      <h1>Comptes du CCAS</h1>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Courriel</th>
              <th scope="col">Rôle</th>
              <th scope="col">Depuis</th>
              <th scope="col">État</th>
            </tr>
          </thead>
          <tbody>
            {staff.map((u) => (
              <tr key={u.id}>
                <td>{u.name}</td>
                <td>{u.email}</td>
                <td>{ROLE_LABELS[u.role]}</td>
                <td>{formatDate(u.createdAt)}</td>
                <td>
                  {u.id === me ? (
                    "Vous"
                  ) : (
                    <Form method="post">
                      <input type="hidden" name="userId" value={u.id} />
                      {u.disabledAt ? (
                        <button type="submit" name="intent" value="enable" className="link-button">
                          Réactiver {u.name}
                        </button>
                      ) : (
                        <button type="submit" name="intent" value="disable" className="link-button">
                          Désactiver {u.name}
                        </button>
                      )}
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Fermer les sessions d'un compte</h2>
      <p className="muted">Pour tout compte (association ou CCAS) : la personne devra se reconnecter.</p>
      <Form method="post" className="search-bar">
        <div className="field">
          <label htmlFor="end-sessions-email" className="field-label">
            Adresse e-mail du compte
          </label>
          <input id="end-sessions-email" name="email" type="email" required />
        </div>
        <button type="submit" name="intent" value="end-sessions" className="button button-secondary">
          Fermer ses sessions
        </button>
      </Form>
      <h2>Créer un compte</h2>
      <ValidatedForm schema={createStaffSchema} method="post" defaultValues={{ role: "staff" }}>
        <TextField name="name" label="Nom et prénom" required />
        <TextField name="email" label="Adresse e-mail professionnelle" type="email" required />
        <SelectField
          name="role"
          label="Rôle"
          required
          options={[
            { value: "staff", label: ROLE_LABELS.staff },
            { value: "admin", label: ROLE_LABELS.admin },
          ]}
        />
        <SubmitButton name="intent" value="create">
          Créer le compte
        </SubmitButton>
      </ValidatedForm>
    </div>
  );
}
