// The review queue's address: its tab and filters read from the query string, and written back
// in one order with only the known parameters (links, saved filters). Pure, for both sides.
import { DOSSIER_STATES, type DossierState } from "~/dossiers/dossier-states";
import { TERM_SLUG_PATTERN } from "~/settings/taxonomy-choices";

export const QUEUE_SORT_KEYS = ["depot_recent", "depot_ancien", "numero", "association", "montant"] as const;
export type QueueSort = (typeof QUEUE_SORT_KEYS)[number];
export const DEFAULT_SORT: QueueSort = "depot_recent";

/** The tabs, by their value in the address, in the order shown. */
export const QUEUE_TABS = [
  { value: "a-suivre", label: "À suivre" },
  { value: "suivis", label: "Suivis" },
  { value: "traites", label: "Traités" },
  { value: "tous", label: "Tous" },
] as const;
export type QueueTab = (typeof QUEUE_TABS)[number]["value"];
export const DEFAULT_TAB: QueueTab = "tous";

/** `groupe=sans`: the dossiers without a group. */
export const NO_GROUP = "sans";

export type QueueFilters = {
  tab?: QueueTab;
  callId?: string;
  state?: DossierState;
  field?: string;
  groupId?: string;
  mine?: boolean;
  sort?: QueueSort;
};

// A record id as the database makes them (cuid); anything else in the address is ignored.
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const idOrUndefined = (v: string | null) => (v && ID_PATTERN.test(v) ? v : undefined);

/** Only known values: an unknown one in the address is dropped rather than an error. */
export function parseQueueQuery(params: URLSearchParams): QueueFilters {
  const sort = params.get("tri");
  const tab = params.get("onglet");
  const field = params.get("champ");
  return {
    tab: QUEUE_TABS.find((t) => t.value === tab)?.value ?? DEFAULT_TAB,
    callId: idOrUndefined(params.get("appel")),
    state: DOSSIER_STATES.find((s) => s === params.get("etat")),
    field: field && TERM_SLUG_PATTERN.test(field) ? field : undefined,
    groupId: idOrUndefined(params.get("groupe")),
    mine: params.get("moi") === "1",
    sort: QUEUE_SORT_KEYS.find((s) => s === sort) ?? DEFAULT_SORT,
  };
}

/** The query string (without "?") of these filters: known parameters only, defaults left out. */
export function queueQueryString(filters: QueueFilters, changes: Partial<QueueFilters> = {}): string {
  const f = { ...filters, ...changes };
  const params = new URLSearchParams();
  if (f.tab && f.tab !== DEFAULT_TAB) params.set("onglet", f.tab);
  if (f.callId) params.set("appel", f.callId);
  if (f.state) params.set("etat", f.state);
  if (f.field) params.set("champ", f.field);
  if (f.groupId) params.set("groupe", f.groupId);
  if (f.mine) params.set("moi", "1");
  if (f.sort && f.sort !== DEFAULT_SORT) params.set("tri", f.sort);
  return params.toString();
}

/** A query string as typed or stored, re-read and written back: unknown parameters dropped. */
export function normaliseQueueQuery(query: string): string {
  return queueQueryString(parseQueueQuery(new URLSearchParams(query.replace(/^\?/, ""))));
}
