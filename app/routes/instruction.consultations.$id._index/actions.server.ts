// The staff consultation page's posts, one per intent: the consultation's details, a question
// (added or changed), moving or removing one, publishing.
import type { SessionUser } from "~/accounts/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { formDataToObject, invalid, parseWith, unknownIntent } from "~/lib/forms.server";
import { consultationSchema, questionSchema } from "~/network/consultation-schemas";
import {
  moveQuestion,
  publishConsultation,
  removeQuestion,
  saveQuestion,
  unpublishConsultation,
  updateConsultation,
} from "~/network/consultations.server";

export async function consultationPageAction(request: Request, id: string, user: SessionUser) {
  const values = formDataToObject(await request.formData().catch(() => new FormData()));
  const page = `/instruction/consultations/${id}`;
  const questionId = typeof values.questionId === "string" ? values.questionId : "";
  switch (values.intent) {
    case "details": {
      const parsed = parseWith(consultationSchema, values);
      if (!parsed.ok) return invalid(parsed);
      await updateConsultation(id, parsed.data, user);
      return redirectWithFlash(page, "Consultation enregistrée.");
    }
    case "question": {
      const parsed = parseWith(questionSchema, values);
      if (!parsed.ok) return invalid(parsed);
      await saveQuestion(id, parsed.data, user);
      return redirectWithFlash(`${page}#questions`, parsed.data.questionId ? "Question enregistrée." : "Question ajoutée.");
    }
    case "move-up":
    case "move-down":
      await moveQuestion(id, questionId, values.intent === "move-up" ? "up" : "down", user);
      return redirectWithFlash(`${page}#questions`, "Ordre des questions enregistré.");
    case "remove":
      await removeQuestion(id, questionId, user);
      return redirectWithFlash(`${page}#questions`, "Question retirée.");
    case "publish":
      await publishConsultation(id, user);
      return redirectWithFlash(page, "Consultation publiée : les associations peuvent y répondre dès son ouverture.");
    case "unpublish":
      await unpublishConsultation(id, user);
      return redirectWithFlash(page, "Consultation repassée en brouillon.");
    default:
      return unknownIntent(values);
  }
}
