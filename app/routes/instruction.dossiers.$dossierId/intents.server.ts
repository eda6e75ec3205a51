// The page's posts, by the submit button's `intent`: each parses its own form, calls the
// review domain and redirects back with a flash message. A refusal of the domain (DomainError)
// is answered by the route's domainAction.
import type * as z from "zod";
import type { SessionUser } from "~/accounts/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { invalid, parseWith, unknownIntent } from "~/lib/forms.server";
import { startOfParisDay } from "~/review/correction-reasons";
import { addAnnotation } from "~/review/annotations.server";
import { declareConflict } from "~/review/conflicts.server";
import { decide } from "~/review/decisions.server";
import { getDossierForReview } from "~/review/dossier-view.server";
import { followDossier, unfollowDossier } from "~/review/follows.server";
import { dossierLabelSchema } from "~/review/label-schemas";
import { addDossierLabel, removeDossierLabel } from "~/review/labels.server";
import { postStaffMessage } from "~/review/messages.server";
import { reassignSchema } from "~/review/routing-schemas";
import { reassignDossier } from "~/review/routing.server";
import { opinionIdSchema, opinionRequestSchema } from "~/review/opinion-schemas";
import { cancelOpinion, remindOpinion, requestOpinion } from "~/review/opinions.server";
import { saveScores } from "~/review/scoring.server";
import { requestCorrection, startInstruction } from "~/review/transitions.server";
import {
  acceptSchema,
  annotationSchema,
  closeSchema,
  conflictSchema,
  correctionSchema,
  messageSchema,
  refuseSchema,
  scoreFieldName,
  scoreSchema,
} from "~/review/schemas";

export async function handleReviewIntent(user: SessionUser, dossierId: string, values: Record<string, unknown>) {
  const here = `/instruction/dossiers/${dossierId}`;
  const parse = <S extends z.ZodType>(schema: S) => parseWith(schema, values);
  switch (values.intent) {
    case "start_instruction":
      await startInstruction(dossierId, user);
      return redirectWithFlash(here, "Le dossier est en instruction : l'association ne peut plus le modifier.");
    case "annotate": {
      const parsed = parse(annotationSchema);
      if (!parsed.ok) return invalid(parsed);
      await addAnnotation(dossierId, user, parsed.data.body);
      return redirectWithFlash(`${here}#annotations`, "Annotation enregistrée.");
    }
    case "message": {
      const parsed = parse(messageSchema);
      if (!parsed.ok) return invalid(parsed);
      await postStaffMessage(dossierId, user, parsed.data.body);
      return redirectWithFlash(`${here}#messagerie`, "Message envoyé à l'association.");
    }
    case "score": {
      const { dossier } = await getDossierForReview(user, dossierId);
      const parsed = parse(scoreSchema(dossier.call.criteria));
      if (!parsed.ok) return invalid(parsed);
      const notes = Object.fromEntries(dossier.call.criteria.map((c) => [c.id, parsed.data[scoreFieldName(c.id)] as number]));
      await saveScores(dossierId, user, notes, (parsed.data.comment as string | undefined) ?? null);
      return redirectWithFlash(`${here}#notation`, "Votre notation est enregistrée.");
    }
    case "conflict": {
      const parsed = parse(conflictSchema);
      if (!parsed.ok) return invalid(parsed);
      await declareConflict(dossierId, user, parsed.data.reason ?? null);
      return redirectWithFlash(`${here}#notation`, "Conflit d'intérêts déclaré : vous ne noterez pas ce dossier.", "info");
    }
    case "correction": {
      const parsed = parse(correctionSchema);
      if (!parsed.ok) return invalid(parsed);
      const { message, reason, dueDate } = parsed.data;
      await requestCorrection(dossierId, user, message, { reason, dueAt: startOfParisDay(dueDate) });
      return redirectWithFlash(here, "Le dossier est renvoyé en construction ; l'association est prévenue par courriel.");
    }
    case "accept": {
      const parsed = parse(acceptSchema);
      if (!parsed.ok) return invalid(parsed);
      await decide(dossierId, user, { decision: "accepte", amountCents: parsed.data.amount, comment: parsed.data.comment });
      return redirectWithFlash(here, "Dossier accepté ; l'association est prévenue et la subvention est créée.");
    }
    case "refuse": {
      const parsed = parse(refuseSchema);
      if (!parsed.ok) return invalid(parsed);
      await decide(dossierId, user, { decision: "refuse", reason: parsed.data.reason });
      return redirectWithFlash(here, "Dossier refusé ; l'association est prévenue.", "info");
    }
    case "close": {
      const parsed = parse(closeSchema);
      if (!parsed.ok) return invalid(parsed);
      await decide(dossierId, user, { decision: "sans_suite", reason: parsed.data.reason });
      return redirectWithFlash(here, "Dossier classé sans suite ; l'association est prévenue.", "info");
    }
    case "reassign": {
      const parsed = parse(reassignSchema);
      if (!parsed.ok) return invalid(parsed);
      const group = await reassignDossier(user, dossierId, parsed.data.groupId || null);
      const moved = parsed.data.groupId ? `dans le groupe « ${group.name} »` : "sans groupe";
      return redirectWithFlash(`${here}#routage`, `Le dossier est maintenant ${moved}.`);
    }
    case "follow":
      await followDossier(user, dossierId);
      return redirectWithFlash(`${here}#routage`, "Vous suivez ce dossier : il figure dans votre onglet « Suivis ».");
    case "unfollow":
      await unfollowDossier(user, dossierId);
      return redirectWithFlash(`${here}#routage`, "Vous ne suivez plus ce dossier.", "info");
    case "opinion_request": {
      const parsed = parse(opinionRequestSchema);
      if (!parsed.ok) return invalid(parsed);
      await requestOpinion(dossierId, user, parsed.data);
      return redirectWithFlash(`${here}#avis`, `Demande d'avis envoyée à ${parsed.data.expertName}.`);
    }
    case "opinion_remind": {
      const parsed = parse(opinionIdSchema);
      if (!parsed.ok) return invalid(parsed);
      const { expertName } = await remindOpinion(dossierId, parsed.data.opinionId, user);
      return redirectWithFlash(`${here}#avis`, `${expertName} est relancé·e par courriel, avec un nouveau lien.`);
    }
    case "opinion_cancel": {
      const parsed = parse(opinionIdSchema);
      if (!parsed.ok) return invalid(parsed);
      const { expertName } = await cancelOpinion(dossierId, parsed.data.opinionId, user);
      return redirectWithFlash(`${here}#avis`, `La demande d'avis à ${expertName} est annulée : son lien ne fonctionne plus.`, "info");
    }
    case "label_add":
    case "label_remove": {
      const parsed = parse(dossierLabelSchema);
      if (!parsed.ok) return invalid(parsed);
      const change = values.intent === "label_add" ? addDossierLabel : removeDossierLabel;
      const { name, changed } = await change(user, dossierId, parsed.data.labelId);
      const said =
        values.intent === "label_add"
          ? changed
            ? "ajoutée"
            : "était déjà sur le dossier"
          : changed
            ? "retirée"
            : "n'était pas sur le dossier";
      return redirectWithFlash(`${here}#etiquettes`, `Étiquette « ${name} » ${said}.`, changed ? "success" : "info");
    }
    default:
      return unknownIntent(values);
  }
}
