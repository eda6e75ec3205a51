import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/accounts/auth.server";
import { pageTitle } from "~/lib/meta";
import { CheckboxGroup, SubmitButton, TextArea, TextField, ValidatedForm } from "~/components/form";
import { redirectWithFlash } from "~/lib/flash.server";
import { domainAction, domainLoader, formDataToObject, invalid, parseWith, unknownIntent } from "~/lib/forms.server";
import { DI_PUBLICS, DI_THEMATIQUES } from "~/settings/data-inclusion";
import { thematiqueOption } from "~/settings/thematique-families";
import { termUsage } from "~/settings/retiring.server";
import { termSchemas } from "~/settings/schemas";
import { SettingsNav } from "~/settings/settings-nav";
import { kindPath, retirePath } from "~/settings/settings-paths";
import { termKeyOf, termOfPage, updateTerm } from "~/settings/terms.server";
import { TAXONOMY_KIND_LABELS } from "~/settings/taxonomy";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, `Paramètres : ${data?.term.label ?? ""}`) },
];

export const loader = (args: LoaderFunctionArgs) => domainLoader(load)(args);

async function load({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const { key, term } = await termOfPage(params);
  return {
    kind: key.kind,
    term: { slug: term.slug, label: term.label, retired: term.retired },
    used: await termUsage(key),
    values: {
      label: term.label,
      description: term.description,
      rnaCodes: term.rnaCodes.join(" "),
      diThematiques: term.diThematiques,
      diPublics: term.diPublics,
    },
  };
}

export const action = (args: ActionFunctionArgs) => domainAction(act)(args);

async function act({ request, params }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const key = termKeyOf(params);
  const values = formDataToObject(await request.formData());
  if (values.intent !== "save") return unknownIntent(values);
  const parsed = parseWith(termSchemas[key.kind], values);
  if (!parsed.ok) return invalid(parsed);
  const term = await updateTerm(key, parsed.data, admin);
  return redirectWithFlash(kindPath(key.kind), `« ${term.label} » enregistré.`);
}

// The family first ("Santé – Santé mentale"): the list, in the schema's order, reads grouped.
const THEMATIQUE_OPTIONS = DI_THEMATIQUES.map(thematiqueOption);
const PUBLIC_OPTIONS = DI_PUBLICS.map((p) => ({ value: p.value, label: p.label }));

export default function TermPage() {
  const { kind, term, used, values } = useLoaderData<typeof loader>();
  const labels = TAXONOMY_KIND_LABELS[kind];
  return (
    <div className="container page">
      <SettingsNav />
      <p>
        <Link to={kindPath(kind)}>‹ {labels.plural}</Link>
      </p>
      <h1>{term.label}</h1>
      <p>
        Identifiant : <code>{term.slug}</code> (fixe) · {used} association{used > 1 ? "s" : ""} ·{" "}
        {term.retired ? "retiré (n'est plus proposé)" : "en service"}
        {!term.retired ? (
          <>
            {" "}
            · <Link to={retirePath(kind, term.slug)}>Retirer ce {labels.singular}</Link>
          </>
        ) : null}
      </p>
      <ValidatedForm schema={termSchemas[kind]} method="post" defaultValues={values}>
        <TextField
          name="label"
          label="Libellé"
          required
          hint="Renommer ne change pas l'identifiant : les associations gardent ce terme et l'annuaire affiche le nouveau libellé."
        />
        <TextArea name="description" label="Description" rows={2} />
        {kind === "field" ? (
          <>
            <TextField
              name="rnaCodes"
              label="Codes « objet social » du RNA"
              inputMode="numeric"
              hint="Les codes à 6 chiffres de la nomenclature des objets sociaux, séparés par des espaces (par exemple 019000 020010). L'import du RNA range dans ce champ les associations qui portent l'un de ces codes."
            />
            <CheckboxGroup
              name="diThematiques"
              label="Thématiques data·inclusion"
              hint="Utilisées pour publier l'annuaire au format data·inclusion (version 1.0.8)."
              options={THEMATIQUE_OPTIONS}
            />
          </>
        ) : null}
        {kind === "public" ? (
          <CheckboxGroup
            name="diPublics"
            label="Publics data·inclusion"
            hint="Utilisés pour publier l'annuaire au format data·inclusion (version 1.0.8)."
            options={PUBLIC_OPTIONS}
          />
        ) : null}
        <SubmitButton name="intent" value="save">
          Enregistrer
        </SubmitButton>
      </ValidatedForm>
    </div>
  );
}
