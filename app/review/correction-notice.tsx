// The association's side of a pending correction request: why, what, by when and the time left.
import { formatDateTime } from "~/lib/format";

export type CorrectionNoticeData = {
  message: string;
  requestedAt: string | Date;
  reasonLabel: string | null;
  /** « Corrections demandées (…) : à déposer avant le … — encore 5 jours », worded by the loader. */
  deadlineText: string | null;
};

export function CorrectionNotice({ correction, headingId = "correction" }: { correction: CorrectionNoticeData; headingId?: string }) {
  return (
    <section className="alert alert-warning" aria-labelledby={headingId}>
      <h2 id={headingId} className="alert-title">
        Le CCAS vous demande de corriger le dossier
      </h2>
      {correction.deadlineText ? (
        <p>
          <strong>{correction.deadlineText}</strong>
        </p>
      ) : null}
      <p>
        Demande du {formatDateTime(correction.requestedAt)}
        {correction.reasonLabel ? ` – motif : ${correction.reasonLabel}` : ""} :
      </p>
      <p style={{ whiteSpace: "pre-line" }}>{correction.message}</p>
      <p>Corrigez les étapes concernées puis déposez le dossier de nouveau.</p>
    </section>
  );
}
