// The deposit history of a dossier as one line, for the association's and the CCAS's pages.
import { formatDateTime } from "~/lib/format";

/** « Déposé le … ; redéposé le … »: from the history rows, or the first deposit time alone. */
export function submissionHistory(firstSubmittedAt: string | Date, submissions: { submittedAt: string | Date }[]) {
  const rows = submissions.length ? submissions : [{ submittedAt: firstSubmittedAt }];
  return rows.map((s, i) => `${i === 0 ? "Déposé le" : "redéposé le"} ${formatDateTime(s.submittedAt)}`).join(" ; ");
}

/** What each deposit row is, as the pages and the attestation name it. */
export const SUBMISSION_KIND_LABELS: Record<string, string> = {
  depot: "Premier dépôt",
  redepot: "Nouveau dépôt après correction",
};
