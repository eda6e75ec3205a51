// The table of a call's dossiers for bulk actions: every deposited dossier with its number,
// association, project, state, amounts, average score and labels; the call's labels to apply.
// Filtered by state and label from the page's query (`?etat=…&etiquette=…`).
import { REVIEWABLE_STATES } from "~/dossiers/dossier-states";
import { requireCallAccess, type Actor } from "./access.server";
import { callLabels, labelsByDossier } from "./labels.server";
import { callDossiersWithScores } from "./ranking.server";

export type CallTableFilters = { state: string | null; labelId: string | null };

/** The filters of the page's query; an unknown state or label is no filter. */
export function tableFilters(query: URLSearchParams): CallTableFilters {
  const state = query.get("etat");
  return {
    state: state && (REVIEWABLE_STATES as readonly string[]).includes(state) ? state : null,
    labelId: query.get("etiquette")?.slice(0, 64) || null,
  };
}

export async function getCallTable(user: Actor, callId: string, filters: CallTableFilters = { state: null, labelId: null }) {
  await requireCallAccess(user, callId);
  const [{ call, dossiers }, labels] = await Promise.all([callDossiersWithScores(callId), callLabels(callId)]);
  const chips = await labelsByDossier(dossiers.map((d) => d.id));
  const labelId = labels.some((l) => l.id === filters.labelId) ? filters.labelId : null;
  const rows = dossiers
    .map((d) => ({
      id: d.id,
      number: d.number,
      associationName: d.association.name,
      projectTitle: d.projectTitle,
      state: d.state,
      requestedCents: d.requestedCents,
      proposedCents: d.proposedCents,
      average: d.average,
      scoredBy: d.scoredBy,
      labels: chips.get(d.id) ?? [],
    }))
    .filter((r) => (!filters.state || r.state === filters.state) && (!labelId || r.labels.some((l) => l.id === labelId)));
  return {
    call: { id: call.id, title: call.title, envelopeCents: call.envelopeCents },
    labels,
    filters: { state: filters.state, labelId },
    total: dossiers.length,
    rows,
  };
}
