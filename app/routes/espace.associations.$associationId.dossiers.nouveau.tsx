import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { startDossier } from "~/dossiers/drafts.server";
import { existingDossierMessage } from "~/dossiers/start-or-resume";
import { CALL_NOT_OPEN } from "~/dossiers/refusals";
import { isDomainError } from "~/lib/domain-error";
import { domainAction } from "~/lib/forms.server";
import { getAssociationProfile } from "~/associations/profile.server";
import { requireAssociationMember } from "~/accounts/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { notFound } from "~/lib/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { associationId } = await requireAssociationMember(request, params.associationId ?? "");
  return redirect(`/espace/associations/${associationId}/dossiers`);
}

export function action(args: ActionFunctionArgs) {
  return domainAction(startNewDossier)(args);
}

async function startNewDossier({ request, params }: ActionFunctionArgs) {
  const access = await requireAssociationMember(request, params.associationId ?? "");
  const association = await getAssociationProfile(access.associationId);
  if (!association) throw notFound();
  const list = `/espace/associations/${access.associationId}/dossiers`;
  if (association.status !== "validated")
    return redirectWithFlash(list, "L'association doit être validée par le CCAS pour déposer un dossier.", "error");
  const callId = String((await request.formData()).get("callId") ?? "");
  try {
    const dossier = await startDossier(access.associationId, callId, access.user);
    // A dossier already on the call is never started again: the page goes to it and says which it is.
    if (!dossier.created) return redirectWithFlash(`${list}/${dossier.id}`, existingDossierMessage(dossier), "info");
    return redirectWithFlash(
      `${list}/${dossier.id}/identification`,
      "Dossier créé. Il est enregistré au fur et à mesure : vous pouvez le reprendre plus tard.",
      "success",
    );
  } catch (error) {
    if (isDomainError(error) && error.code === CALL_NOT_OPEN) return redirectWithFlash(list, error.message, "error");
    throw error;
  }
}
