// Forms of the charter: the administrator's draft, the publication, the signature.
import * as z from "zod";
import { nameText, optionalText, requiredText } from "~/lib/validation";

export const CHARTER_BODY_MAX = 100_000;

export const charterDraftSchema = z.object({
  title: requiredText("Titre de la charte", 200),
  body: requiredText("Texte de la charte", CHARTER_BODY_MAX),
  changeNote: optionalText("Ce qui change dans cette version", 1000),
});
export type CharterDraftInput = z.output<typeof charterDraftSchema>;

export const charterPublishSchema = z.object({
  draftId: z.string({ error: "Brouillon introuvable." }).min(1, "Brouillon introuvable."),
  confirm: z.literal("on", { error: "Cochez la case pour confirmer la publication." }),
});

export const charterSignSchema = z.object({
  versionId: z.string({ error: "Version de la charte manquante." }).min(1, "Version de la charte manquante."),
  signerName: nameText("Vos nom et prénom", 120),
  signerRole: requiredText("Votre fonction dans l'association", 120),
  commitment: z.literal("on", { error: "Cochez la case d'engagement pour signer la charte." }),
});
export type CharterSignInput = z.output<typeof charterSignSchema>;
