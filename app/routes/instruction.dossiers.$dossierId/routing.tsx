// « Routage et suivi »: the dossier's reviewer group (and moving it to another), who follows it,
// and the user's « Suivre ce dossier » / « Ne plus suivre ».
import { Form, Link } from "@remix-run/react";
import { SelectField, SubmitButton, ValidatedForm } from "~/components/form";
import { NO_GROUP_LABEL } from "~/review/routing-rules";
import { reassignSchema } from "~/review/routing-schemas";
import type { DataFor, ReviewPageData } from "./types";

export function RoutingSection({ routing, dataFor }: { routing: ReviewPageData["routing"]; dataFor: DataFor }) {
  const { group, groups, followers, following, callId } = routing;
  return (
    <section aria-labelledby="routage-titre" id="routage" className="stack">
      <h2 id="routage-titre">Routage et suivi</h2>
      <p>
        <strong>Groupe d'instruction :</strong> {group ? group.name : NO_GROUP_LABEL}
        {group?.rules.length ? <span className="small muted"> ({group.rules.join(" ; ")})</span> : null}
      </p>
      {groups.length ? (
        <ValidatedForm
          schema={reassignSchema}
          method="post"
          actionData={dataFor("reassign")}
          defaultValues={{ groupId: group?.id ?? "" }}
          key={group?.id ?? "aucun"}
        >
          <SelectField
            name="groupId"
            label="Attribuer le dossier au groupe"
            options={groups.map((g) => ({ value: g.id, label: g.name }))}
            placeholder={NO_GROUP_LABEL}
          />
          <SubmitButton name="intent" value="reassign" className="button button-secondary">
            Changer de groupe
          </SubmitButton>
        </ValidatedForm>
      ) : (
        <p className="small muted">Cet appel n'a pas de groupe d'instruction.</p>
      )}
      <p className="small">
        <Link to={`/instruction/appels/${callId}/groupes`}>Groupes d'instruction de l'appel</Link>
      </p>
      <p>
        <strong>Suivi par :</strong> {followers.length ? followers.map((f) => f.name).join(", ") : "personne pour le moment"}
      </p>
      <Form method="post">
        {following ? (
          <button type="submit" name="intent" value="unfollow" className="button button-secondary">
            Ne plus suivre
          </button>
        ) : (
          <button type="submit" name="intent" value="follow" className="button">
            Suivre ce dossier
          </button>
        )}
      </Form>
    </section>
  );
}
