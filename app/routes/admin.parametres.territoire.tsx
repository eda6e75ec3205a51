import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/accounts/auth.server";
import { pageTitle } from "~/lib/meta";
import { SubmitButton, TextArea, ValidatedForm } from "~/components/form";
import { redirectWithFlash } from "~/lib/flash.server";
import { pluralize } from "~/lib/format";
import { domainAction, formDataToObject, invalid, parseWith, unknownIntent } from "~/lib/forms.server";
import { getPortalSettings } from "~/settings/portal-settings.server";
import { communesAsText, territorySchema } from "~/settings/schemas";
import { SettingsNav } from "~/settings/settings-nav";
import { SETTINGS_PATH } from "~/settings/settings-paths";
import { saveCommunes } from "~/settings/territory.server";

const HERE = `${SETTINGS_PATH}/territoire`;

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Paramètres : territoire") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const { communes } = await getPortalSettings();
  return { communes: communesAsText(communes), count: communes.length };
}

export const action = (args: ActionFunctionArgs) => domainAction(act)(args);

async function act({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const values = formDataToObject(await request.formData());
  if (values.intent !== "communes") return unknownIntent(values);
  const parsed = parseWith(territorySchema, values);
  if (!parsed.ok) return invalid(parsed);
  const saved = await saveCommunes(parsed.data.communes, admin);
  return redirectWithFlash(HERE, `Territoire enregistré : ${pluralize(saved.length, "commune")}.`);
}

export default function TerritorySettings() {
  const { communes, count } = useLoaderData<typeof loader>();
  return (
    <div className="container page">
      <SettingsNav />
      <h1>Territoire</h1>
      <p className="lead">
        Les communes que sert le CCAS (un CIAS en sert plusieurs). L'import du répertoire national des associations (RNA) ne retient que les
        associations de ces communes, et les données ouvertes les citent par leur code.
      </p>
      <p>{count === 0 ? "Aucune commune n'est encore renseignée." : `${pluralize(count, "commune")} actuellement.`}</p>
      <ValidatedForm schema={territorySchema} method="post" defaultValues={{ communes }}>
        <TextArea
          name="communes"
          label="Communes servies"
          required
          rows={8}
          hint={
            <>
              Une commune par ligne : son code INSEE puis son nom, par exemple « 25056 Besançon ». Le code INSEE (ou code officiel
              géographique) compte 5 caractères et n'est pas le code postal ; en Corse il commence par 2A ou 2B. Vous le trouverez sur{" "}
              <a href="https://www.insee.fr/fr/recherche/recherche-geographique">la recherche géographique de l'INSEE</a> ou sur la fiche de
              la commune dans geo.api.gouv.fr.
            </>
          }
        />
        <SubmitButton name="intent" value="communes">
          Enregistrer le territoire
        </SubmitButton>
      </ValidatedForm>
    </div>
  );
}
