import { randomBytes } from "node:crypto";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { createPasswordReset } from "~/accounts/password-reset.server";
import { endAllSessions } from "~/accounts/sessions.server";
import { hashPassword } from "~/accounts/passwords.server";
import { requireAdmin } from "~/accounts/auth.server";
import { SelectField, SubmitButton, TextField, ValidatedForm } from "~/components/form";
import { isUniqueViolation, prisma } from "~/db.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { formatDate } from "~/lib/format";
import { badRequest } from "~/lib/http.server";
import { fieldError, formDataToObject, invalid, parseWith } from "~/lib/forms.server";
import { ROLE_LABELS, type Role } from "~/accounts/roles";
import { absoluteUrl, sendMail } from "~/mail/mail.server";
import { createStaffSchema } from "~/accounts/schemas";

export const meta: MetaFunction = () => [{ title: "Comptes du CCAS – CCAS de Besançon" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request);
  const staff = await prisma.user.findMany({
    where: { role: { in: ["staff", "admin"] } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, email: true, role: true, disabledAt: true, createdAt: true },
  });
  return { staff, me: admin.id };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "end-sessions") {
    const email = String(formData.get("email") ?? "")
      .trim()
      .toLowerCase();
    const target = await prisma.user.findUnique({ where: { email }, select: { id: true, name: true } });
    if (!target) return redirectWithFlash("/admin/comptes", `Aucun compte avec l'adresse ${email}.`, "error");
    await endAllSessions(target.id);
    return redirectWithFlash("/admin/comptes", `Toutes les sessions de ${target.name} sont fermées.`);
  }
  if (intent === "disable" || intent === "enable") {
    const userId = String(formData.get("userId") ?? "");
    if (userId === admin.id) throw badRequest("Vous ne pouvez pas désactiver votre propre compte.");
    const target = await prisma.user.findFirst({ where: { id: userId, role: { in: ["staff", "admin"] } }, select: { name: true } });
    if (!target) throw badRequest("Compte inconnu.");
    await prisma.user.update({ where: { id: userId }, data: { disabledAt: intent === "disable" ? new Date() : null } });
    if (intent === "disable") await endAllSessions(userId);
    return redirectWithFlash(
      "/admin/comptes",
      intent === "disable" ? `Compte de ${target.name} désactivé.` : `Compte de ${target.name} réactivé.`,
    );
  }
  const parsed = parseWith(createStaffSchema, formDataToObject(formData));
  if (!parsed.ok) return invalid(parsed);
  const exists = await prisma.user.findUnique({ where: { email: parsed.data.email }, select: { id: true } });
  if (exists) return fieldError("email", "Un compte existe déjà avec cette adresse.", parsed.data);
  // The new colleague chooses their own password through a single-use link.
  const passwordHash = await hashPassword(randomBytes(32).toString("hex"));
  const user = await prisma.user
    .create({ data: { ...parsed.data, passwordHash }, select: { id: true } })
    .catch((error: unknown) => (isUniqueViolation(error) ? null : Promise.reject(error)));
  // The same form sent twice at once: the second finds the account the first just created.
  if (!user) return fieldError("email", "Un compte existe déjà avec cette adresse.", parsed.data);
  const token = await createPasswordReset(user.id);
  await sendMail({
    to: parsed.data.email,
    subject: "Votre compte sur le portail du réseau des associations",
    text: [
      `Bonjour ${parsed.data.name},`,
      "",
      `${admin.name} a créé votre compte (${ROLE_LABELS[parsed.data.role as Role]}) sur le portail du CCAS.`,
      `Choisissez votre mot de passe avec ce lien, valable une heure : ${absoluteUrl(`/mot-de-passe/${token}`)}`,
      `Passé ce délai, utilisez « Mot de passe oublié » : ${absoluteUrl("/mot-de-passe-oublie")}`,
    ].join("\n"),
  });
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
                <td>{ROLE_LABELS[u.role as Role]}</td>
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
