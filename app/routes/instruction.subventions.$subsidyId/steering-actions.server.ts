// The staff page's steering intents: the subsidy's own indicators (outside calls), the objectives of
// a multi-year agreement, its review meetings. Domain refusals are answered by the page's action.
import { invalid, parseWith } from "~/lib/forms.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { meetingSchema, objectiveSchema, subsidyIndicatorSchema } from "~/steering/agreement-schemas";
import { addObjective, removeObjective, saveReviewMeeting, updateObjective } from "~/steering/agreements.server";
import { addSubsidyIndicator, removeSubsidyIndicator, updateSubsidyIndicator } from "~/steering/subsidy-indicators.server";

export const STEERING_FORM_INTENTS = ["indicator_add", "indicator_edit", "objective_add", "objective_edit", "meeting_save"] as const;

/** The answer to a steering intent, or null when the intent is not one of them. */
export async function handleSteeringIntent(intent: string, values: Record<string, unknown>, subsidyId: string, actor: { id: string }) {
  const back = `/instruction/subventions/${subsidyId}`;
  const refused = (f: { errors: Record<string, string>; values: Record<string, unknown> }) =>
    invalid({ ...f, values: { ...f.values, intent } });
  const id = (key: string) => String(values[key] ?? "");
  switch (intent) {
    case "indicator_add": {
      const parsed = parseWith(subsidyIndicatorSchema, values);
      if (!parsed.ok) return refused(parsed);
      await addSubsidyIndicator(subsidyId, parsed.data, actor);
      return redirectWithFlash(back, "L'indicateur est ajouté : le compte rendu financier demandera sa valeur atteinte.");
    }
    case "indicator_edit": {
      const parsed = parseWith(subsidyIndicatorSchema, values);
      if (!parsed.ok) return refused(parsed);
      await updateSubsidyIndicator(subsidyId, id("indicatorId"), parsed.data, actor);
      return redirectWithFlash(back, "L'indicateur est enregistré.");
    }
    case "indicator_remove":
      await removeSubsidyIndicator(subsidyId, id("indicatorId"), actor);
      return redirectWithFlash(back, "L'indicateur est retiré.", "info");
    case "objective_add": {
      const parsed = parseWith(objectiveSchema, values);
      if (!parsed.ok) return refused(parsed);
      await addObjective(subsidyId, parsed.data, actor);
      return redirectWithFlash(back, `L'objectif ${parsed.data.year} est ajouté.`);
    }
    case "objective_edit": {
      const parsed = parseWith(objectiveSchema, values);
      if (!parsed.ok) return refused(parsed);
      await updateObjective(subsidyId, id("objectiveId"), parsed.data, actor);
      return redirectWithFlash(back, "L'objectif est enregistré.");
    }
    case "objective_remove":
      await removeObjective(subsidyId, id("objectiveId"), actor);
      return redirectWithFlash(back, "L'objectif est supprimé.", "info");
    case "meeting_save": {
      const parsed = parseWith(meetingSchema, values);
      if (!parsed.ok) return refused(parsed);
      await saveReviewMeeting(subsidyId, parsed.data, actor);
      return redirectWithFlash(back, `Le dialogue de gestion ${parsed.data.year} est enregistré ; l'association est prévenue.`);
    }
    default:
      return null;
  }
}
