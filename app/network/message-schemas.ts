// The forms of the messagerie and of the directory's contact page, shared by the browser and the
// actions. The limits are the conversations module's (MESSAGE_LIMITS), repeated here as numbers so
// this file stays free of server code.
import * as z from "zod";
import { requiredText } from "~/lib/validation";

export const SUBJECT_MAX = 150;
export const BODY_MAX = 5000;
export const REPORT_REASON_MAX = 1000;

/** A reply in a conversation. */
export const replySchema = z.object({ body: requiredText("Message", BODY_MAX) });

/** « Signaler ce message » (or a post): which one, and why. */
export const reportSchema = z.object({
  messageId: z.string({ error: "Message introuvable." }).trim().min(1, "Message introuvable.").max(64, "Message introuvable."),
  reason: requiredText("Motif du signalement", REPORT_REASON_MAX),
});

/** « Signaler cette annonce »: why (the post is the page's). */
export const postReportSchema = reportSchema.pick({ reason: true });

/** « Contacter cette association » from the directory; fromAssociationId only when the person has several. */
export const contactSchema = z.object({
  fromAssociationId: z.string().trim().max(64, "Écrire au nom de : choisissez une de vos associations.").optional(),
  subject: requiredText("Objet", SUBJECT_MAX),
  body: requiredText("Message", BODY_MAX),
});
