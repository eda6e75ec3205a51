import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { getAssociationProfile, updateAssociationProfile } from "~/associations/profile.server";
import { requireAssociationMember } from "~/accounts/auth.server";
import { AssociationFields } from "~/associations/association-fields";
import { SubmitButton, ValidatedForm } from "~/components/form";
import { redirectWithFlash } from "~/lib/flash.server";
import { notFound } from "~/lib/http.server";
import { invalid, parseForm } from "~/lib/forms.server";
import { associationProfileEditSchema } from "~/associations/schemas";
import { openingHoursFormValues } from "~/associations/opening-hours-form";
import { pageTitle } from "~/lib/meta";
import { coordinateText } from "~/geo/position-form";
import { PositionFields } from "~/geo/position-fields";
import { profileEditSchemaForAction } from "~/associations/schemas.server";
import { formChoices } from "~/settings/taxonomy-choices";
import { getTaxonomy } from "~/settings/taxonomy.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, `Fiche de ${data?.association.name ?? "l'association"}`) },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { associationId } = await requireAssociationMember(request, params.associationId ?? "");
  const association = await getAssociationProfile(associationId);
  if (!association) throw notFound();
  const held = {
    district: [association.district],
    field: association.fields.map((f) => f.slug),
    public: association.publics.map((p) => p.slug),
  };
  return { association, choices: formChoices(await getTaxonomy(), held) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { associationId, user } = await requireAssociationMember(request, params.associationId ?? "");
  const parsed = await parseForm(request, await profileEditSchemaForAction());
  if (!parsed.ok) return invalid(parsed);
  const sync = await updateAssociationProfile(associationId, parsed.data, user);
  return redirectWithFlash(
    `/espace/associations/${associationId}/profil`,
    sync === "synced"
      ? "Fiche enregistrée. Les modifications sont visibles dans l'annuaire."
      : "Fiche enregistrée. L'annuaire sera mis à jour dans quelques instants.",
  );
}

export default function AssociationProfile() {
  const { association: a, choices } = useLoaderData<typeof loader>();
  const schema = useMemo(() => associationProfileEditSchema(choices), [choices]);
  const hours = openingHoursFormValues(a.openingHours);
  const defaults = {
    ...hours.values,
    ...a,
    acronym: a.acronym ?? "",
    rna: a.rna ?? "",
    siret: a.siret ?? "",
    phone: a.phone ?? "",
    email: a.email ?? "",
    website: a.website ?? "",
    fields: a.fields.map((f) => f.slug),
    publics: a.publics.map((p) => p.slug),
    latitude: coordinateText(a.latitude),
    longitude: coordinateText(a.longitude),
  };
  return (
    <div className="container page">
      <p>
        <Link to="/espace">‹ Mon espace</Link>
      </p>
      <h1>Fiche de {a.name}</h1>
      {a.status === "pending" ? (
        <div className="alert alert-warning">
          L'association est en attente de validation par le CCAS : la fiche n'est pas encore publique.
        </div>
      ) : null}
      {a.status === "refused" ? (
        <div className="alert alert-error">
          L'inscription a été refusée{a.refusalReason ? ` : ${a.refusalReason}` : "."} Corrigez la fiche puis contactez le CCAS.
        </div>
      ) : null}
      <ValidatedForm schema={schema} method="post" defaultValues={defaults} key={String(a.updatedAt)}>
        <AssociationFields choices={choices} openingHours={{ editable: hours.editable, stored: a.openingHours }} />
        <section className="form-section">
          <PositionFields
            geoSource={a.geoSource}
            geocodePending={a.geocodePending}
            geocodeError={a.geocodeError}
            placed={a.latitude !== null && a.longitude !== null}
          />
        </section>
        <div className="actions">
          <SubmitButton>Enregistrer la fiche</SubmitButton>
        </div>
      </ValidatedForm>
    </div>
  );
}
