// The step « Indicateurs et objectifs » of a dossier: what it shows, and saving it (the same
// schema as the browser's, built from the call's indicators). A sibling of the step route.
import { redirect } from "@remix-run/node";
import type { AssociationAccess } from "~/accounts/auth.server";
import { invalid, parseWith, formDataToObject, unknownIntent } from "~/lib/forms.server";
import { indicatorTargetsSchema, ownSlotCount, targetDefaults } from "~/steering/dossier-indicators";
import { getTargetsStep, saveDossierTargets } from "~/steering/dossier-indicators.server";

export async function targetsLoaderData(associationId: string, dossierId: string) {
  const { callIndicators, stored, own } = await getTargetsStep(associationId, dossierId);
  return { callIndicators, own, ownSlots: ownSlotCount(own.length), defaults: targetDefaults(callIndicators, stored, own) };
}

export async function handleTargetsAction(request: Request, access: AssociationAccess, dossierId: string, next: string) {
  const values = formDataToObject(await request.formData());
  if (values.intent !== "save") return unknownIntent(values);
  const { callIndicators, own } = await getTargetsStep(access.associationId, dossierId);
  const parsed = parseWith(indicatorTargetsSchema(callIndicators, ownSlotCount(own.length)), values);
  if (!parsed.ok) return invalid(parsed);
  await saveDossierTargets(access, dossierId, parsed.data, next);
  return redirect(`/espace/associations/${access.associationId}/dossiers/${dossierId}/${next}`);
}
