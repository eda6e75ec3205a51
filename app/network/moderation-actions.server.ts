// The intents of the staff's moderation page: each parsed with its form's schema, then the domain.
import { requireStaff } from "~/accounts/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { formDataToObject, invalid, parseWith, unknownIntent } from "~/lib/forms.server";
import { dismissReport, hidePost, unhidePost, upholdReport } from "./moderation.server";
import { dismissReportSchema, hidePostSchema, unhidePostSchema, upholdReportSchema } from "./moderation-schemas";

export const MODERATION_PATH = "/instruction/reseau";

export async function moderationAction(request: Request) {
  const staff = await requireStaff(request);
  const values = formDataToObject(await request.formData());
  const back = (message: string) => redirectWithFlash(`${MODERATION_PATH}${new URL(request.url).search}`, message, "success");
  switch (values.intent) {
    case "hide_post": {
      const parsed = parseWith(hidePostSchema, values);
      if (!parsed.ok) return invalid(parsed);
      await hidePost(parsed.data, staff);
      return back("L'annonce est masquée ; les membres de l'association en sont informés par courriel.");
    }
    case "unhide_post": {
      const parsed = parseWith(unhidePostSchema, values);
      if (!parsed.ok) return invalid(parsed);
      await unhidePost(parsed.data, staff);
      return back("L'annonce est de nouveau visible.");
    }
    case "uphold_report": {
      const parsed = parseWith(upholdReportSchema, values);
      if (!parsed.ok) return invalid(parsed);
      await upholdReport(parsed.data, staff);
      return back("Signalement traité : le contenu est masqué et la personne qui l'a signalé en est informée.");
    }
    case "dismiss_report": {
      const parsed = parseWith(dismissReportSchema, values);
      if (!parsed.ok) return invalid(parsed);
      await dismissReport(parsed.data, staff);
      return back("Signalement classé sans suite ; la personne qui l'a signalé en est informée.");
    }
    default:
      return unknownIntent();
  }
}
