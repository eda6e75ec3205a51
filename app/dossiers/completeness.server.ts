// Which steps of a dossier are complete, and which required attachments are missing.
import { parseRequiredAttachments } from "~/calls/required-attachments";
import { boundsOf } from "~/dossiers/dossier-data";
import type { MemberDossier } from "~/dossiers/reading.server";
import { documentKindLabel, DOSSIER_STEP_DEFS, stepSchema, type StepKey } from "~/dossiers/schemas";
import type { TaxonomyChoices } from "~/settings/taxonomy-choices";

export type StepStatus = { key: StepKey; label: string; complete: boolean; started: boolean; errors: string[] };

export function missingAttachmentKinds(dossier: Pick<MemberDossier, "call" | "attachments">): string[] {
  const attached = new Set(dossier.attachments.map((a) => a.kind));
  return parseRequiredAttachments(dossier.call.requiredAttachments).filter((k) => !attached.has(k));
}

/** `choices`: the taxonomy as actions check it (validationChoices), so a retired term makes its step incomplete. */
export function dossierCompleteness(
  dossier: Pick<MemberDossier, "parsed" | "call" | "attachments" | "declarationSignedAt">,
  choices: TaxonomyChoices,
): StepStatus[] {
  return DOSSIER_STEP_DEFS.map((def) => {
    if (def.key === "pieces") {
      const missing = missingAttachmentKinds(dossier);
      return {
        key: def.key,
        label: def.label,
        started: dossier.attachments.length > 0,
        complete: missing.length === 0,
        errors: missing.map((k) => `Pièce obligatoire manquante : ${documentKindLabel(k)}.`),
      };
    }
    const values = dossier.parsed[def.key];
    const result = stepSchema(def.key, boundsOf(dossier.call), choices).safeParse(values ?? {});
    const errors = result.success ? [] : [...new Set(result.error.issues.map((i) => i.message))];
    if (def.key === "declaration" && result.success && !dossier.declarationSignedAt) errors.push("La déclaration n'est pas signée.");
    return {
      key: def.key,
      label: def.label,
      started: Boolean(values && Object.keys(values).length),
      complete: errors.length === 0,
      errors,
    };
  });
}
