// The social project editor's actions: the project, its axes, its projets phares.
import { isDomainError } from "~/lib/domain-error";
import { redirectWithFlash } from "~/lib/flash.server";
import { fieldError, formDataToObject, invalid, parseWith, unknownIntent } from "~/lib/forms.server";
import { addAxis, addFlagship, moveAxis, removeAxis, removeFlagship, updateAxis, updateFlagship } from "~/steering/axes.server";
import { axisSchema, flagshipSchema, socialProjectSchema } from "~/steering/social-project-schemas";
import { updateSocialProject } from "~/steering/social-project.server";

/** Intents whose refusal is said at the top of the page (a button, nothing typed to keep). */
const BUTTONS = new Set(["up", "down", "remove_axis", "remove_flagship"]);

export async function handleSocialProjectAction(request: Request, projectId: string, actor: { id: string }) {
  const values = formDataToObject(await request.formData());
  const intent = String(values.intent ?? "");
  const axisId = String(values.axisId ?? "");
  const flagshipId = String(values.flagshipId ?? "");
  const here = `/admin/projet-social/${projectId}`;
  // A refusal carries the intent and the record, so only the form that was sent shows it.
  const keep = { ...values, intent, axisId, flagshipId };
  const refused = <T extends { errors: Record<string, string>; values: Record<string, unknown> }>(f: T) =>
    invalid({ ...f, values: { ...f.values, ...keep } });
  try {
    switch (intent) {
      case "project": {
        const parsed = parseWith(socialProjectSchema, values);
        if (!parsed.ok) return refused(parsed);
        await updateSocialProject(projectId, parsed.data, actor);
        return redirectWithFlash(here, "Le projet social est enregistré.");
      }
      case "add_axis":
      case "edit_axis": {
        const parsed = parseWith(axisSchema, values);
        if (!parsed.ok) return refused(parsed);
        if (intent === "add_axis") {
          const axis = await addAxis(projectId, parsed.data, actor);
          return redirectWithFlash(here, `L'axe ${axis.number} est ajouté.`);
        }
        await updateAxis(projectId, axisId, parsed.data, actor);
        return redirectWithFlash(here, "L'axe est enregistré.");
      }
      case "up":
      case "down":
        await moveAxis(projectId, axisId, intent, actor);
        return redirectWithFlash(here, "L'ordre des axes est enregistré.");
      case "remove_axis":
        await removeAxis(projectId, axisId, actor);
        return redirectWithFlash(here, "L'axe est retiré.");
      case "add_flagship":
      case "edit_flagship": {
        const parsed = parseWith(flagshipSchema, values);
        if (!parsed.ok) return refused(parsed);
        if (intent === "add_flagship") {
          const flagship = await addFlagship(projectId, parsed.data, actor);
          return redirectWithFlash(here, `Le projet phare n°${flagship.number} est ajouté.`);
        }
        await updateFlagship(projectId, flagshipId, parsed.data, actor);
        return redirectWithFlash(here, "Le projet phare est enregistré.");
      }
      case "remove_flagship":
        await removeFlagship(projectId, flagshipId, actor);
        return redirectWithFlash(here, "Le projet phare est retiré.");
      default:
        return unknownIntent({ intent });
    }
  } catch (error) {
    if (!isDomainError(error) || error.status === 403 || error.status === 404) throw error;
    // A button's refusal, or a record gone meanwhile (its form is gone too): said at the top.
    if (BUTTONS.has(intent) || (error.code.endsWith("_not_found") && error.field === "_form")) {
      return redirectWithFlash(here, error.message, "error");
    }
    return fieldError(error.field, error.message, keep, error.status);
  }
}
