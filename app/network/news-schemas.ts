// Forms of the CCAS's news: the staff's text (draft or published), the publication with its
// optional mailing, and the members' choice of mailings on their account page.
import * as z from "zod";
import { requiredText } from "~/lib/validation";

export const NEWS_LIMITS = { titleMax: 150, bodyMax: 20_000 } as const;

export const newsSchema = z.object({
  title: requiredText("Titre", NEWS_LIMITS.titleMax),
  body: requiredText("Texte de l'actualité", NEWS_LIMITS.bodyMax),
});
export type NewsInput = z.output<typeof newsSchema>;

/** « Publier » with the mailing box ticked or not. */
export const newsPublishSchema = z.object({
  // An unticked box is absent from a plain post, and false in the browser's form state.
  sendEmail: z.preprocess((v) => (v === "on" || v === true ? "on" : undefined), z.literal("on").optional()),
});

/** « Envoyer par courriel » after publishing: the staff confirm, it goes once. */
export const newsSendSchema = z.object({
  confirm: z.literal("on", { error: "Cochez la case pour confirmer l'envoi à tous les membres abonnés." }),
});
