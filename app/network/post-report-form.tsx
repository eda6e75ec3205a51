// « Signaler cette annonce » on another association's post: the reason goes to the CCAS's moderation.
import { failureFor, isActionFailure, SubmitButton, TextArea, ValidatedForm } from "~/components/form";
import { postReportSchema, REPORT_REASON_MAX } from "./message-schemas";

export function PostReportForm({ actionData }: { actionData: unknown }) {
  const answer = failureFor(actionData, { intent: "report" });
  return (
    <details open={isActionFailure(answer) || undefined} style={{ marginTop: "1.5rem" }}>
      <summary className="small">Signaler cette annonce</summary>
      <ValidatedForm schema={postReportSchema} method="post" actionData={answer} defaultValues={{ reason: "" }} preventScrollReset>
        <TextArea
          name="reason"
          label="Motif du signalement"
          hint={`Le CCAS examine chaque signalement ; l'association qui a publié l'annonce n'est pas prévenue. ${REPORT_REASON_MAX} caractères au maximum.`}
          required
          rows={2}
        />
        <SubmitButton name="intent" value="report" className="button button-secondary">
          Envoyer le signalement
        </SubmitButton>
      </ValidatedForm>
    </details>
  );
}
