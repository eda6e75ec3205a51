// Starting a dossier and resuming one are two things, and the pages say which: where a call is
// offered to an association that already has a dossier on it, the offer is a link to that dossier
// ("Reprendre le dossier", "Voir le dossier déposé (AAP-…)"), never a second start. Browser-safe.
import { STATE_LABELS, type DossierState } from "~/dossiers/dossier-states";

export type DossierOnCall = { id: string; number: string; state: string; correctionRequestedAt?: Date | string | null };

/** The link offered instead of « Commencer un dossier ». */
export function resumeLabel(d: DossierOnCall): string {
  if (d.state === "brouillon") return "Reprendre le dossier";
  return `Voir le dossier déposé (${d.number})`;
}

/** The message of a start that found a dossier already on the call: which one, in which state. */
export function existingDossierMessage(d: DossierOnCall): string {
  const state = d.state as DossierState;
  if (state === "brouillon") return "L'association a déjà un dossier en brouillon sur cet appel : vous le reprenez, rien n'a été créé.";
  if (state === "en_construction" && d.correctionRequestedAt)
    return `Le dossier ${d.number} est déjà déposé sur cet appel et le CCAS en demande la correction : corrigez-le puis déposez-le de nouveau. Aucun nouveau dossier n'a été créé.`;
  if (state === "en_construction")
    return `L'association a déjà déposé le dossier ${d.number} sur cet appel : il reste modifiable jusqu'au début de son instruction, sans nouveau dépôt. Aucun nouveau dossier n'a été créé.`;
  if (state === "en_instruction")
    return `L'association a déjà déposé le dossier ${d.number} sur cet appel : il est en instruction au CCAS et n'est plus modifiable. Aucun nouveau dossier n'a été créé.`;
  return `L'association a déjà déposé le dossier ${d.number} sur cet appel ; le CCAS a rendu sa décision (${STATE_LABELS[state] ?? d.state}). Aucun nouveau dossier n'a été créé.`;
}
