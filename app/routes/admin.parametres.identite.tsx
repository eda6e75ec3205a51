import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/accounts/auth.server";
import { pageTitle } from "~/lib/meta";
import { SubmitButton, TextField, ValidatedForm, isActionFailure } from "~/components/form";
import { redirectWithFlash } from "~/lib/flash.server";
import { domainAction, formDataToObject, invalid, parseWith, unknownIntent } from "~/lib/forms.server";
import { saveIdentity } from "~/settings/identity.server";
import { readLogoUpload, removeLogo, saveLogo } from "~/settings/logo.server";
import { getPortalSettings } from "~/settings/portal-settings.server";
import { identitySchema } from "~/settings/schemas";
import { SettingsNav } from "~/settings/settings-nav";
import { SETTINGS_PATH } from "~/settings/settings-paths";

const HERE = `${SETTINGS_PATH}/identite`;
// The identity form reads only its own answers, not the logo form's.
const NO_ANSWER = {};

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Paramètres : identité du CCAS") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const s = await getPortalSettings();
  return {
    values: {
      name: s.name,
      longName: s.longName,
      siret: s.siret ?? "",
      address: s.address,
      postcode: s.postcode,
      city: s.city,
      phone: s.phone ?? "",
      email: s.email ?? "",
      representative: s.representative,
      court: s.court,
    },
    hasLogo: s.hasLogo,
    logoVersion: s.updatedAt ? new Date(s.updatedAt).getTime().toString(36) : "0",
  };
}

export const action = (args: ActionFunctionArgs) => domainAction(act)(args);

async function act({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  // The logo form is the page's only multipart one.
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    const upload = await readLogoUpload(request);
    if (!upload.ok) return data({ ok: false as const, logoError: upload.error.message }, { status: upload.error.status });
    await saveLogo(upload.bytes, admin);
    return redirectWithFlash(HERE, "Logo enregistré.");
  }
  const values = formDataToObject(await request.formData());
  if (values.intent === "remove-logo") {
    await removeLogo(admin);
    return redirectWithFlash(HERE, "Logo retiré.");
  }
  if (values.intent !== "identity") return unknownIntent(values);
  const parsed = parseWith(identitySchema, values);
  if (!parsed.ok) return invalid(parsed);
  await saveIdentity(parsed.data, admin);
  return redirectWithFlash(HERE, "Identité du CCAS enregistrée.");
}

export default function IdentitySettings() {
  const { values, hasLogo, logoVersion } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const logoError =
    actionData && "logoError" in actionData ? actionData.logoError : isActionFailure(actionData) ? actionData.errors.logo : undefined;
  const identityAnswer = isActionFailure(actionData) && !actionData.errors.logo ? actionData : undefined;
  return (
    <div className="container page">
      <SettingsNav />
      <h1>Identité du CCAS</h1>
      <p className="lead">
        Le nom, l'adresse et les coordonnées figurent sur les pages du portail, dans les courriels, les conventions et les données ouvertes.
      </p>
      <ValidatedForm schema={identitySchema} method="post" defaultValues={values} actionData={identityAnswer ?? NO_ANSWER}>
        <TextField name="name" label="Nom court" required hint="Tel qu'il apparaît en tête des pages, par exemple « CCAS de Besançon »." />
        <TextField
          name="longName"
          label="Nom complet"
          required
          hint="Par exemple « Centre communal d'action sociale de Besançon » (ou « Centre intercommunal… » pour un CIAS)."
        />
        <TextField
          name="siret"
          label="SIRET du CCAS"
          inputMode="numeric"
          hint="14 chiffres, vérifiés avec leur clé de contrôle ; vous le trouverez sur annuaire-entreprises.data.gouv.fr. Tant qu'il manque, le fichier des subventions en données ouvertes n'est pas publié."
        />
        <TextField name="address" label="Adresse" required autoComplete="street-address" />
        <TextField name="postcode" label="Code postal" required inputMode="numeric" autoComplete="postal-code" />
        <TextField name="city" label="Commune" required autoComplete="address-level2" />
        <TextField name="phone" label="Téléphone" type="tel" autoComplete="tel" hint="Un numéro français, par exemple 03 81 41 21 21." />
        <TextField name="email" label="Adresse e-mail de contact" type="email" autoComplete="email" />
        <TextField
          name="representative"
          label="Signataire des conventions"
          required
          hint="Qui signe au nom du CCAS, tel que le nomment les conventions : « la vice-présidente du CCAS, par délégation du président »."
        />
        <TextField
          name="court"
          label="Tribunal administratif compétent"
          required
          hint="Cité dans les conventions pour les litiges, par exemple « tribunal administratif de Besançon »."
        />
        <SubmitButton name="intent" value="identity">
          Enregistrer l'identité
        </SubmitButton>
      </ValidatedForm>

      <h2 id="logo-title">Logo</h2>
      {hasLogo ? (
        <div className="card stack">
          <img src={`/logo?v=${logoVersion}`} alt="Logo actuel du CCAS" style={{ maxHeight: "6rem", maxWidth: "16rem" }} />
          <Form method="post">
            <button type="submit" name="intent" value="remove-logo" className="button button-secondary">
              Retirer le logo
            </button>
          </Form>
        </div>
      ) : (
        <p className="muted">Aucun logo : le portail affiche le sigle « CCAS ».</p>
      )}
      <Form method="post" encType="multipart/form-data" className="card stack" aria-labelledby="logo-title">
        <div className={`field ${logoError ? "field-invalid" : ""}`}>
          <label htmlFor="logo" className="field-label">
            {hasLogo ? "Remplacer le logo" : "Ajouter un logo"}
          </label>
          <p id="logo-hint" className="field-hint">
            Une image PNG, JPEG ou WebP de 1 Mo au plus (le contenu du fichier est vérifié). Les images SVG ne sont pas acceptées.
          </p>
          <input
            id="logo"
            name="logo"
            type="file"
            accept="image/png,image/jpeg,image/webp"
            required
            aria-invalid={logoError ? true : undefined}
            aria-describedby={logoError ? "logo-hint logo-error" : "logo-hint"}
          />
          {logoError ? (
            <p id="logo-error" className="field-error" role="alert">
              {logoError}
            </p>
          ) : null}
        </div>
        <div>
          <button type="submit" className="button">
            Enregistrer le logo
          </button>
        </div>
      </Form>
    </div>
  );
}
