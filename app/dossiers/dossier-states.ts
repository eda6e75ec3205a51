// The states of a dossier and their French labels, for the browser and the server alike.
export const DOSSIER_STATES = ["brouillon", "en_construction", "en_instruction", "accepte", "refuse", "sans_suite"] as const;
export type DossierState = (typeof DOSSIER_STATES)[number];

export const STATE_LABELS: Record<DossierState, string> = {
  brouillon: "Brouillon",
  en_construction: "En construction",
  en_instruction: "En instruction",
  accepte: "Accepté",
  refuse: "Refusé",
  sans_suite: "Classé sans suite",
};

export function stateLabel(state: string): string {
  return STATE_LABELS[state as DossierState] ?? state;
}

/** States staff work on: a draft is the association's own until it is filed. */
export const REVIEWABLE_STATES = [
  "en_construction",
  "en_instruction",
  "accepte",
  "refuse",
  "sans_suite",
] as const satisfies readonly DossierState[];

export const STATE_BADGES: Record<string, string> = {
  en_construction: "badge badge-orange",
  en_instruction: "badge",
  accepte: "badge badge-green",
  refuse: "badge badge-red",
  sans_suite: "badge badge-grey",
};

export function memberDossierPath(associationId: string, dossierId: string) {
  return `/espace/associations/${associationId}/dossiers/${dossierId}`;
}

/** The states as the association's pages name them ("Déposé – en construction"). */
export const DOSSIER_STATE_LABELS: Record<string, string> = {
  brouillon: "Brouillon",
  en_construction: "Déposé – en construction",
  en_instruction: "En instruction",
  accepte: "Accepté",
  refuse: "Refusé",
  sans_suite: "Classé sans suite",
};
