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
/** The targets the call requires and the dossier has not given: « Objectif manquant pour « … ». ». */
export function missingTargets(dossier: Pick<MemberDossier, "call" | "indicators">): string[] {
  const given = new Map(dossier.indicators.map((i) => [i.callIndicatorId, i.target]));
  return dossier.call.indicators
    .filter((i) => i.targetRequired && (given.get(i.id) ?? null) === null)
    .map((i) => `Objectif manquant pour « ${i.name} ».`);
}

export function dossierCompleteness(
  dossier: Pick<MemberDossier, "parsed" | "call" | "attachments" | "declarationSignedAt" | "indicators">,
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
    if (def.key === "indicateurs") {
      const errors = missingTargets(dossier);
      return { key: def.key, label: def.label, started: dossier.indicators.length > 0, complete: errors.length === 0, errors };
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
