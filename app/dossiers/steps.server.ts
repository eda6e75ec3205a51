// Saving a step of a dossier as typed (drafts, autosave), and where the association resumes.
import type { SessionUser } from "~/accounts/auth.server";
import { prisma, writeTransaction } from "~/db.server";
import { boundsOf, type DossierData } from "~/dossiers/dossier-data";
import { assertEditable, dossierRefusal } from "~/dossiers/refusals";
import { issuesToFieldErrors } from "~/lib/forms.server";
import { MAX_AMOUNT_CENTS } from "~/lib/limits";
import { getDossierForMember } from "~/dossiers/reading.server";
import { parseEurosToCentsSafe, pickStepValues, stepSchema, type StepKey } from "~/dossiers/schemas";
import { validationChoices } from "~/settings/taxonomy-choices";
import { getTaxonomy } from "~/settings/taxonomy.server";

function denormalised(data: DossierData) {
  const title = data.projet?.title;
  const ccas = data.budget_projet?.p74_ccas;
  const requested = typeof ccas === "string" && ccas.trim() ? parseEurosToCentsSafe(ccas) : null;
  // A draft keeps what was typed; an amount the columns cannot hold is simply not a request yet.
  const requestedCents = requested !== null && requested <= MAX_AMOUNT_CENTS ? requested : null;
  return { projectTitle: typeof title === "string" && title.trim() ? title.trim().slice(0, 300) : null, requestedCents };
}

export type SaveResult = { ok: true } | { ok: false; errors: Record<string, string> };

/**
 * Saves a step's values as typed. `validate` checks the step (and reports errors) but the
 * values are kept either way: nothing typed is lost. The declaration is the representative's.
 */
export async function saveStep(
  access: { associationId: string; user: SessionUser; isRepresentative: boolean },
  dossierId: string,
  step: StepKey,
  input: Record<string, unknown>,
  { validate, nextStep }: { validate: boolean; nextStep?: StepKey },
): Promise<SaveResult> {
  const choices = validate ? validationChoices(await getTaxonomy()) : null;
  // Read and write in one transaction that takes the write lock first: saves of other steps
  // of the same dossier at the same moment each read what the previous one wrote (no lost step).
  return writeTransaction(async (tx) => {
    await tx.dossier.updateMany({ where: { id: dossierId, associationId: access.associationId }, data: { updatedAt: new Date() } });
    const dossier = await getDossierForMember(access.associationId, dossierId, tx);
    assertEditable(dossier, "Ce dossier est en cours d'instruction : il n'est plus modifiable.");
    if (step === "declaration" && !access.isRepresentative) {
      throw dossierRefusal(
        "Seul·e le ou la représentant·e légal·e de l'association peut signer la déclaration sur l'honneur.",
        "representative_only",
      );
    }
    const values = pickStepValues(step, input);
    const data: DossierData = { ...dossier.parsed, [step]: values };
    let errors: Record<string, string> | null = null;
    if (choices) {
      const result = stepSchema(step, boundsOf(dossier.call), choices).safeParse(values);
      if (!result.success) errors = issuesToFieldErrors(result.error.issues);
    }
    const signing = step === "declaration" && validate && !errors;
    await tx.dossier.update({
      where: { id: dossier.id, associationId: access.associationId },
      data: {
        data,
        currentStep: !errors && nextStep ? nextStep : step,
        updatedById: access.user.id,
        ...denormalised(data),
        ...(signing ? { declarationSignedAt: new Date(), declarationSignerId: access.user.id } : {}),
        ...(step === "declaration" && !signing ? { declarationSignedAt: null, declarationSignerId: null } : {}),
      },
    });
    return errors ? { ok: false, errors } : { ok: true };
  });
}

export async function setCurrentStep(associationId: string, dossierId: string, step: StepKey) {
  await prisma.dossier.updateMany({ where: { id: dossierId, associationId }, data: { currentStep: step } });
}
