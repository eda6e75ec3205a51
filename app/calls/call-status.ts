// Call states and their French labels, shared by the server and the pages.
export const CALL_STATUSES = ["brouillon", "publie", "clos", "decisions_publiees", "archive"] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];
export const CALL_STATUS_LABELS: Record<CallStatus, string> = {
  brouillon: "Brouillon",
  publie: "Publié",
  clos: "Clos",
  decisions_publiees: "Décisions publiées",
  archive: "Archivé",
};
/** The transitions an administrator may make by hand ("clos" also happens by itself). */
export const CALL_TRANSITIONS: Record<CallStatus, CallStatus[]> = {
  brouillon: ["publie"],
  publie: ["clos"],
  clos: ["decisions_publiees"],
  decisions_publiees: ["archive"],
  archive: [],
};

export const DOSSIER_STATE_LABELS: Record<string, string> = {
  brouillon: "Brouillon",
  en_construction: "Déposé – en construction",
  en_instruction: "En instruction",
  accepte: "Accepté",
  refuse: "Refusé",
  sans_suite: "Classé sans suite",
};
