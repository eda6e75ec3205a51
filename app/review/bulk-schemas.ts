// The forms of a call's dossier table (a selection and one bulk action) and of the
// confirmation of bulk decisions. The selection's ids are checked again on the server
// against the call (bulk.server.ts): here only their shape and number.
import * as z from "zod";
import { euroAmountSchema, optionalText, requiredText } from "~/lib/validation";
import { recordId } from "./label-schemas";

/** At most this many dossiers in one bulk action. */
export const MAX_SELECTION = 200;

const asList = (v: unknown) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]);

export const selectionField = z.preprocess(
  asList,
  z
    .array(recordId("La sélection contient un dossier inconnu : rechargez la page."))
    .min(1, "Sélectionnez au moins un dossier dans le tableau.")
    .max(MAX_SELECTION, `Sélectionnez au plus ${MAX_SELECTION} dossiers à la fois.`)
    .transform((ids) => [...new Set(ids)]),
);

export const selectionSchema = z.object({ dossierId: selectionField });

export const bulkLabelSchema = selectionSchema.extend({ labelId: recordId("Choisissez l'étiquette à appliquer ou à retirer.") });

export const bulkMessageSchema = selectionSchema.extend({ body: requiredText("Message", 5000) });

export const BULK_DECISIONS = ["accepte", "refuse", "sans_suite"] as const;
export type BulkDecision = (typeof BULK_DECISIONS)[number];
export const BULK_DECISION_LABELS: Record<BulkDecision, { title: string; verb: string; done: string }> = {
  accepte: { title: "Accepter les dossiers", verb: "accepter", done: "Accepté" },
  refuse: { title: "Refuser les dossiers", verb: "refuser", done: "Refusé" },
  sans_suite: { title: "Classer les dossiers sans suite", verb: "classer sans suite", done: "Classé sans suite" },
};

export const decisionKindSchema = z.enum(BULK_DECISIONS, { error: "Choisissez la décision : accepter, refuser ou classer sans suite." });

/** The page's URL: which decision, for which dossiers. */
export const decisionStepSchema = z.object({ decision: decisionKindSchema, dossierId: selectionField });

export const amountField = (dossierId: string) => `amount_${dossierId}`;
export const reasonField = (dossierId: string) => `reason_${dossierId}`;

/**
 * The confirmation form: one amount (accepting) or reason (refusing: required; closing:
 * optional) per dossier that can be decided, named by the dossier's id, messages by its number.
 */
export function confirmDecisionsSchema(decision: BulkDecision, decidable: readonly { id: string; number: string }[]) {
  const shape: Record<string, z.ZodType> = { decision: decisionKindSchema, dossierId: selectionField };
  for (const d of decidable) {
    if (decision === "accepte") shape[amountField(d.id)] = euroAmountSchema(`Montant accordé au dossier ${d.number}`);
    else if (decision === "refuse") shape[reasonField(d.id)] = requiredText(`Motif du refus du dossier ${d.number}`, 2000);
    else shape[reasonField(d.id)] = optionalText(`Motif du classement du dossier ${d.number}`, 2000);
  }
  return z.object(shape);
}
