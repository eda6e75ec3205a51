// The staff's moderation forms (/instruction/reseau): one per report or post, each answering its own
// errors only (the page has many forms with the same field names).
import { Form } from "@remix-run/react";
import { failureFor, SubmitButton, TextArea, ValidatedForm } from "~/components/form";
import { dismissReportSchema, hidePostSchema, unhidePostSchema, upholdReportSchema } from "./moderation-schemas";

export function ReportForms({ reportId, actionData }: { reportId: string; actionData: unknown }) {
  return (
    <div className="stack">
      <ValidatedForm
        schema={upholdReportSchema}
        method="post"
        defaultValues={{ reportId }}
        actionData={failureFor(actionData, { intent: "uphold_report", reportId })}
        className="stack"
      >
        <input type="hidden" name="reportId" value={reportId} />
        <TextArea name="resolution" label="Motif du masquage, lu par l'association" rows={3} required />
        <SubmitButton name="intent" value="uphold_report">
          Masquer
        </SubmitButton>
      </ValidatedForm>
      <ValidatedForm
        schema={dismissReportSchema}
        method="post"
        defaultValues={{ reportId }}
        actionData={failureFor(actionData, { intent: "dismiss_report", reportId })}
        className="stack"
      >
        <input type="hidden" name="reportId" value={reportId} />
        <TextArea name="resolution" label="Précision pour la personne qui a signalé" rows={2} />
        <SubmitButton name="intent" value="dismiss_report" className="button button-secondary">
          Classer sans suite
        </SubmitButton>
      </ValidatedForm>
    </div>
  );
}

export function HidePostForm({ postId, actionData }: { postId: string; actionData: unknown }) {
  return (
    <ValidatedForm
      schema={hidePostSchema}
      method="post"
      defaultValues={{ postId }}
      actionData={failureFor(actionData, { intent: "hide_post", postId })}
      className="stack"
    >
      <input type="hidden" name="postId" value={postId} />
      <TextArea name="reason" label="Motif du masquage, lu par l'association" rows={2} required />
      <SubmitButton name="intent" value="hide_post" className="button button-secondary">
        Masquer l'annonce
      </SubmitButton>
    </ValidatedForm>
  );
}

export function UnhidePostForm({ postId }: { postId: string }) {
  return (
    <ValidatedForm schema={unhidePostSchema} method="post" defaultValues={{ postId }} actionData={{}}>
      <input type="hidden" name="postId" value={postId} />
      <SubmitButton name="intent" value="unhide_post" className="button button-secondary">
        Afficher de nouveau l'annonce
      </SubmitButton>
    </ValidatedForm>
  );
}

/** The filters of the posts' list, as GET parameters (works without JavaScript). */
export function PostFiltersForm({
  status,
  visibility,
  statuses,
  visibilities,
}: {
  status: string;
  visibility: string;
  statuses: Record<string, string>;
  visibilities: Record<string, string>;
}) {
  return (
    <Form method="get" className="actions" aria-label="Filtrer les annonces">
      <div className="field">
        <label htmlFor="filtre-etat" className="field-label">
          État
        </label>
        <select id="filtre-etat" name="etat" defaultValue={status}>
          {Object.entries(statuses).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filtre-masquage" className="field-label">
          Masquage
        </label>
        <select id="filtre-masquage" name="masquage" defaultValue={visibility}>
          {Object.entries(visibilities).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button-small">
        Filtrer
      </button>
    </Form>
  );
}
