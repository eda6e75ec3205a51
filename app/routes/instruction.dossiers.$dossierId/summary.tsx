// The head of the page: which dossier, where it stands, the refusal of a form no longer shown.
import { Link } from "@remix-run/react";
import { submissionHistory } from "~/dossiers/submission-history";
import { STATE_BADGES, stateLabel } from "~/dossiers/dossier-states";
import { formatDateTime, formatDecimal, formatEuros } from "~/lib/format";
import type { ReviewDossier } from "./types";

export function DossierSummary({
  dossier,
  average,
  formError,
}: {
  dossier: ReviewDossier;
  average: number | null;
  formError: string | null;
}) {
  return (
    <>
      <p>
        <Link to="/instruction/dossiers">‹ Dossiers à instruire</Link>
      </p>
      <h1>
        Dossier {dossier.number} – {dossier.projectTitle ?? "projet sans titre"}
      </h1>
      <p>
        <span className={STATE_BADGES[dossier.state] ?? "badge"}>{stateLabel(dossier.state)}</span>{" "}
        <span className="muted">
          {dossier.association.name} – appel « {dossier.call.title} » –{" "}
          <Link to={`/instruction/appels/${dossier.call.id}/classement`}>classement de l'appel</Link>
        </span>
      </p>
      {formError ? (
        <div className="alert alert-error" role="alert">
          {formError}
        </div>
      ) : null}
      <dl className="definition-list">
        <dt>Montant demandé</dt>
        <dd>{dossier.requestedCents !== null ? formatEuros(dossier.requestedCents) : "—"}</dd>
        <dt>Dépôts</dt>
        <dd>{dossier.submittedAt ? submissionHistory(dossier.submittedAt, dossier.submissions) : "—"}</dd>
        {dossier.instructionStartedAt ? (
          <>
            <dt>En instruction depuis le</dt>
            <dd>{formatDateTime(dossier.instructionStartedAt)}</dd>
          </>
        ) : null}
        {dossier.decidedAt ? (
          <>
            <dt>Décision du</dt>
            <dd>
              {formatDateTime(dossier.decidedAt)} : {stateLabel(dossier.state)}
              {dossier.state === "accepte" && dossier.proposedCents !== null ? `, ${formatEuros(dossier.proposedCents)}` : ""}
              {dossier.decisionReason ? ` – ${dossier.decisionReason}` : ""}
            </dd>
          </>
        ) : null}
        <dt>Note moyenne</dt>
        <dd>{average !== null ? `${formatDecimal(average)} / 10` : "pas encore de notation complète"}</dd>
      </dl>
    </>
  );
}
