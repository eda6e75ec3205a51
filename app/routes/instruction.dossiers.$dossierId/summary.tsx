// The head of the page: which dossier, for which association and call, the amounts, the state,
// the score and the deadlines; then the refusal of a form no longer shown.
import { Link } from "@remix-run/react";
import { submissionHistory } from "~/dossiers/submission-history";
import { STATE_BADGES, stateLabel } from "~/dossiers/dossier-states";
import { formatDate, formatDateTime, formatDecimal, formatEuros } from "~/lib/format";
import type { ReviewDossier, ReviewPageData } from "./types";

const euros = (cents: number | null | undefined) => (cents !== null && cents !== undefined ? formatEuros(cents) : "—");

export function DossierSummary({
  dossier,
  average,
  desk,
  directorySlug,
  formError,
}: {
  dossier: ReviewDossier;
  average: number | null;
  desk: ReviewPageData["desk"];
  directorySlug: string | null;
  formError: string | null;
}) {
  const decided = ["accepte", "refuse", "sans_suite"].includes(dossier.state);
  const correction = desk.correction?.pending ? desk.correction : null;
  return (
    <header className="desk-summary">
      <p>
        <Link to="/instruction/dossiers">‹ Dossiers à instruire</Link>
      </p>
      <h1>
        Dossier {dossier.number} – {dossier.projectTitle ?? "projet sans titre"}
      </h1>
      <p>
        <span className={STATE_BADGES[dossier.state] ?? "badge"}>{stateLabel(dossier.state)}</span>{" "}
        <strong>
          {directorySlug ? <Link to={`/annuaire/${directorySlug}`}>{dossier.association.name}</Link> : dossier.association.name}
        </strong>{" "}
        <span className="muted">
          – appel « {dossier.call.title} » (exercice {desk.call.financialYear}) –{" "}
          <Link to={`/instruction/appels/${dossier.call.id}/classement`}>classement de l'appel</Link>
        </span>
      </p>
      {correction ? (
        <p className="alert alert-warning">
          {correction.deadlineText ??
            `Corrections demandées le ${formatDateTime(correction.requestedAt)} : le dossier attend le nouveau dépôt.`}
        </p>
      ) : null}
      {formError ? (
        <div className="alert alert-error" role="alert">
          {formError}
        </div>
      ) : null}
      <div className="desk-summary-grid">
        <dl className="definition-list small">
          <dt>Montant demandé</dt>
          <dd>{euros(dossier.requestedCents)}</dd>
          {dossier.state === "accepte" || dossier.proposedCents !== null ? (
            <>
              <dt>{decided ? "Montant accordé" : "Montant proposé"}</dt>
              <dd>{euros(dossier.proposedCents)}</dd>
            </>
          ) : null}
          {desk.subsidy ? (
            <>
              <dt>Subvention</dt>
              <dd>
                <Link to={`/instruction/subventions/${desk.subsidy.id}`}>{desk.subsidy.number}</Link> : votée{" "}
                {desk.subsidy.votedCents !== null ? formatEuros(desk.subsidy.votedCents) : "— (pas encore votée)"}, versée{" "}
                {formatEuros(desk.subsidy.paidCents)}
              </dd>
            </>
          ) : null}
          <dt>Note moyenne</dt>
          <dd>{average !== null ? `${formatDecimal(average)} / 10` : "pas encore de notation complète"}</dd>
        </dl>
        <dl className="definition-list small">
          <dt>Clôture de l'appel</dt>
          <dd>{formatDateTime(desk.call.closesAt)}</dd>
          <dt>Dépôts</dt>
          <dd>{dossier.submittedAt ? submissionHistory(dossier.submittedAt, dossier.submissions) : "—"}</dd>
          {correction?.dueAt ? (
            <>
              <dt>Corrections attendues</dt>
              <dd>avant le {formatDate(correction.dueAt)}</dd>
            </>
          ) : null}
          {desk.correction && !desk.correction.pending ? (
            <>
              <dt>Dernière demande de corrections</dt>
              <dd>
                {desk.correction.reasonLabel ? `${desk.correction.reasonLabel}, ` : ""}demandée le {formatDate(desk.correction.requestedAt)}
                {desk.correction.answeredAt
                  ? ` ; répondue par le dépôt du ${formatDateTime(desk.correction.answeredAt)}`
                  : desk.correction.cancelledAt
                    ? ` ; close sans nouveau dépôt le ${formatDate(desk.correction.cancelledAt)}`
                    : ""}
              </dd>
            </>
          ) : null}
          {dossier.instructionStartedAt ? (
            <>
              <dt>En instruction depuis le</dt>
              <dd>{formatDateTime(dossier.instructionStartedAt)}</dd>
            </>
          ) : null}
          {dossier.decidedAt ? (
            <>
              <dt>Décision du</dt>
              <dd>{formatDateTime(dossier.decidedAt)}</dd>
            </>
          ) : null}
        </dl>
      </div>
    </header>
  );
}

/** « Sur cette page »: a link to each section of the page, in its order. */
export function PageNav({ sections }: { sections: readonly { id: string; label: string }[] }) {
  return (
    <nav aria-labelledby="sur-cette-page" className="page-nav">
      <h2 id="sur-cette-page" className="page-nav-title">
        Sur cette page
      </h2>
      <ul>
        {sections.map((s) => (
          <li key={s.id}>
            <a href={`#${s.id}`}>{s.label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
