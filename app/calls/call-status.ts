// Call states and their French labels, and the status a call has now (a published call closes
// by itself at its closing time); shared by the server and the pages.
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

type CallTiming = { status: string; opensAt: Date; closesAt: Date };

/** What `effectiveCallStatus` and `isCallOpen` read of a call. */
export const callTimingSelect = { status: true, opensAt: true, closesAt: true } as const;

/** The status as it is now: a published call whose closing time has passed is closed. */
export function effectiveCallStatus(call: CallTiming, now = new Date()): CallStatus {
  if (call.status === "publie" && call.closesAt.getTime() <= now.getTime()) return "clos";
  return call.status as CallStatus;
}

/** Open for applications: published, opened, not yet closed (server clock). */
export function isCallOpen(call: CallTiming, now = new Date()): boolean {
  return effectiveCallStatus(call, now) === "publie" && call.opensAt.getTime() <= now.getTime();
}
