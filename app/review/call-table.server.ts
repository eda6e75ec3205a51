// The table of a call's dossiers for bulk actions: every deposited dossier with its number,
// association, project, state, amounts, average score and labels; the call's labels to apply.
import { requireCallAccess, type Actor } from "./access.server";
import { callLabels, labelsByDossier } from "./labels.server";
import { callDossiersWithScores } from "./ranking.server";

export async function getCallTable(user: Actor, callId: string) {
  await requireCallAccess(user, callId);
  const [{ call, dossiers }, labels] = await Promise.all([callDossiersWithScores(callId), callLabels(callId)]);
  const chips = await labelsByDossier(dossiers.map((d) => d.id));
  return {
    call: { id: call.id, title: call.title, envelopeCents: call.envelopeCents },
    labels,
    rows: dossiers.map((d) => ({
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
    })),
  };
}
