import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/accounts/auth.server";
import { pageTitle } from "~/lib/meta";
import { SelectField, SubmitButton, ValidatedForm } from "~/components/form";
import { redirectWithFlash } from "~/lib/flash.server";
import { pluralize } from "~/lib/format";
import { domainAction, domainLoader, formDataToObject, invalid, parseWith, unknownIntent } from "~/lib/forms.server";
import { retireTerm, termUsage } from "~/settings/retiring.server";
import { retireSchema } from "~/settings/schemas";
import { SettingsNav } from "~/settings/settings-nav";
import { kindPath, termPath } from "~/settings/settings-paths";
import { TAXONOMY_KIND_LABELS } from "~/settings/taxonomy";
import { termKeyOf, termOfPage } from "~/settings/terms.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, `Retirer « ${data?.term.label ?? ""} »`) },
];

export const loader = (args: LoaderFunctionArgs) => domainLoader(load)(args);

async function load({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const { key, term, taxonomy } = await termOfPage(params);
  return {
    kind: key.kind,
    term: { slug: term.slug, label: term.label, retired: term.retired },
    used: await termUsage(key),
    targets: taxonomy
      .active(key.kind)
      .filter((t) => t.slug !== key.slug)
      .map((t) => ({ value: t.slug, label: t.label })),
  };
}

export const action = (args: ActionFunctionArgs) => domainAction(act)(args);

async function act({ request, params }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const key = termKeyOf(params);
  const values = formDataToObject(await request.formData());
  if (values.intent !== "retire") return unknownIntent(values);
  const parsed = parseWith(retireSchema, values);
  if (!parsed.ok) return invalid(parsed);
  const result = await retireTerm(key, parsed.data, admin);
  const moved = result.moved ? ` ${pluralize(result.moved, "association")} réaffectée${result.moved > 1 ? "s" : ""}.` : "";
  return redirectWithFlash(
    kindPath(key.kind),
    result.retired ? `« ${result.label} » retiré.${moved}` : `Associations réaffectées.${moved}`,
  );
}

export default function RetireTerm() {
  const { kind, term, used, targets } = useLoaderData<typeof loader>();
  const labels = TAXONOMY_KIND_LABELS[kind];
  const move = kind === "district" ? "Rattacher ces associations au quartier" : `Dans leur profil, remplacer « ${term.label} » par`;
  return (
    <div className="container page">
      <SettingsNav />
      <p>
        <Link to={termPath(kind, term.slug)}>‹ {term.label}</Link>
      </p>
      <h1>{term.retired ? `Réaffecter les associations de « ${term.label} »` : `Retirer « ${term.label} »`}</h1>
      <div className="prose">
        <p>
          Un {labels.singular} retiré n'est plus proposé dans les formulaires ni dans les filtres de l'annuaire. Il n'est pas supprimé : les
          associations et les dossiers qui le portent le gardent, son nom s'affiche toujours, et vous pourrez le rétablir.
        </p>
        <p>
          <strong>
            {used === 0
              ? `Aucune association n'utilise ce ${labels.singular}.`
              : `${pluralize(used, "association")} ${used > 1 ? "utilisent" : "utilise"} encore ce ${labels.singular}.`}
          </strong>{" "}
          {used > 0
            ? kind === "district"
              ? "Vous pouvez les rattacher dès maintenant à un autre quartier."
              : `Vous pouvez remplacer « ${term.label} » par un autre ${labels.singular} dans leur profil (celles qui l'ont déjà ne l'auront qu'une fois).`
            : null}
        </p>
      </div>
      {targets.length === 0 && !term.retired ? (
        <div className="alert alert-warning">
          C'est le dernier {labels.singular} en service : ajoutez-en un autre avant de retirer celui-ci.{" "}
          <Link to={kindPath(kind)}>Ajouter un {labels.singular}</Link>
        </div>
      ) : (
        <ValidatedForm schema={retireSchema} method="post" defaultValues={{ reassignTo: "" }}>
          {used > 0 || term.retired ? (
            <SelectField
              name="reassignTo"
              label={move}
              placeholder={term.retired ? "Choisir…" : "Ne pas les réaffecter (elles gardent ce terme retiré)"}
              options={targets}
              required={term.retired}
            />
          ) : null}
          <SubmitButton name="intent" value="retire" className={term.retired ? "button" : "button button-danger"}>
            {term.retired ? "Réaffecter les associations" : `Retirer « ${term.label} »`}
          </SubmitButton>
        </ValidatedForm>
      )}
    </div>
  );
}
